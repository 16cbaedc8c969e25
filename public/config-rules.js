/* config.json's rules for the browser-side scripts, in one place: which feed the
 * file names. public/sw.js loads it with importScripts (it keeps the last good
 * feed), and scripts/security-headers.mjs requires it (connect-src). src/config.rs
 * is the app's own reading of the same rule (foundation.spec.js holds the two
 * alike). A classic script in ES5: old browsers run it.
 */
var MivzakConfig = (function () {
  'use strict';
  // shared/constants.json: imported before this file by sw.js, and required as it
  // is by node.
  var shared = typeof MivzakShared === 'object' ? MivzakShared : require('../shared/constants.json');
  var DEFAULT_FEED = shared.defaults.feed_url;

  /** The feed config.json names, as written: its `feed_url` when that is text
   *  that is not blank, else feed.json. `config` is the parsed file, whatever it
   *  holds (null when it could not be read). */
  function feedNamed(config) {
    return config && typeof config.feed_url === 'string' && config.feed_url.trim() ? config.feed_url : DEFAULT_FEED;
  }

  /** That feed's absolute URL, resolved against `configUrl`, the URL config.json
   *  itself was (or would be) fetched from. */
  function feedUrl(config, configUrl) {
    var named = feedNamed(config);
    try {
      return new URL(named, configUrl).href;
    } catch (_e) {
      return new URL(DEFAULT_FEED, configUrl).href;
    }
  }

  return { DEFAULT_FEED: DEFAULT_FEED, feedNamed: feedNamed, feedUrl: feedUrl };
})();
if (typeof module === 'object' && module.exports) module.exports = MivzakConfig;
