/* When the app cannot start, the page says so instead of staying on a skeleton.
 *
 * The wasm may fail to download, to compile (a browser too old for it) or to run
 * (a Content-Security-Policy without 'wasm-unsafe-eval', a panic at start). Then
 * the shell's flashes stay readable (drawn here from the head start's feed when
 * the shell kept its skeleton), an article route shows its headline, standfirst
 * and a link to the item's `url`, and a Hebrew notice says that this is a
 * simplified version of the page, with a reload button. Details go to the console.
 *
 * Whether the wasm failed is decided by `start-watch.js`, inlined at the top of
 * the page's <head> so that it sees the start from the first moment; this file
 * (loaded with `defer` by index.html and embed.html, after the shell is parsed)
 * only shows it. A notice raised while the wasm was merely slow goes when it starts.
 */
(function () {
  'use strict';
  // Defaults and names shared with the app (shared/constants.json), inlined in
  // both pages before this file.
  var shared = window.MivzakShared;
  if (!shared) return;
  var watch = window[shared.globals.start_watch];
  if (!watch) return;

  var english =
    document.documentElement.hasAttribute('data-embed') && new URLSearchParams(location.search).get('lang') === 'en';
  var WORDS = english
    ? {
        notice: 'This is a simplified version of the page: part of it could not be loaded.',
        reload: 'Reload',
        source: 'Read the article',
      }
    : { notice: 'הדף מוצג בגרסה מפושטת: חלק ממנו לא נטען.', reload: 'טעינה מחדש', source: 'לכתבה המלאה' };

  // The app takes the head start's answers once it runs: keep them now.
  var headStart = window[shared.globals.head_start] || {};
  var early = { config: headStart.config, feed: headStart.feed };

  watch.on('fail', function () {
    showNotice();
    // Before the app took over, the shell is still on screen: make it readable.
    if (!watch.started) fillShell();
  });
  // What was drawn in the shell goes with it when the app takes over.
  watch.on('start', function () {
    var notice = document.querySelector('.start-failed');
    if (notice) notice.remove();
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function showNotice() {
    if (document.querySelector('.start-failed')) return;
    var notice = el('div', 'start-failed');
    notice.setAttribute('role', 'alert');
    notice.appendChild(el('p', '', WORDS.notice));
    var reload = notice.appendChild(el('button', '', WORDS.reload));
    reload.type = 'button';
    reload.addEventListener('click', function () {
      location.reload();
    });
    var main = document.querySelector('#app main') || document.querySelector('main') || document.body;
    main.insertBefore(notice, main.firstChild);
  }

  /** The shell without the app: its skeleton gives way to what the feed says. */
  function fillShell() {
    var loading = document.querySelector('#app .loading');
    if (!loading) return;
    Promise.all([answer(early.config), answer(early.feed)]).then(function (answers) {
      var config = json(answers[0]) || {};
      var feed = feedOf(answers[1]);
      var items = feed && Array.isArray(feed.items) ? feed.items : [];
      var item = articleOnThisPage(items);
      if (item) showArticle(item, answers[1].requested);
      // The shell may have drawn the flashes meanwhile (it waits for the same answers).
      if (!document.contains(loading)) return;
      var list = flashList(items, config);
      if (list) loading.replaceWith(list);
      else loading.remove();
    });
  }

  function answer(promise) {
    return promise
      ? promise.then(null, function () {
          return null;
        })
      : Promise.resolve(null);
  }

  function json(found) {
    try {
      return found && found.ok ? JSON.parse(found.text) : null;
    } catch (_e) {
      return null;
    }
  }

  // The inline shell's rules (index.html): ids as the app keeps them, the path
  // segment of an id, ticker.count. An id the shell cannot be sure of is left out.
  var shell = window[shared.globals.shell] || {};
  var segment = shell.segment || encodeURIComponent;

  function idOf(item) {
    if (shell.UNSURE && item.id === shell.UNSURE) return null;
    return typeof item.id === 'number' ? String(item.id) : item.id;
  }

  function feedOf(found) {
    try {
      return found && found.ok ? (shell.parseFeed ? shell.parseFeed(found.text) : JSON.parse(found.text)) : null;
    } catch (_e) {
      return null;
    }
  }

  function articleOnThisPage(items) {
    var base = new URL(document.baseURI).pathname;
    var path = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length) : '';
    var match = /^article\/([^/]+)\/?$/.exec(path);
    if (!match || !shell.canonicalSegment) return null;
    var wanted = shell.canonicalSegment(match[1]);
    return (
      items.filter(function (item) {
        var id = item && idOf(item);
        return typeof id === 'string' && segment(id) === wanted;
      })[0] || null
    );
  }

  function languageOf(node, item) {
    if (typeof item.language === 'string' && item.language) node.lang = item.language;
    node.dir = 'auto';
  }

  /** The article's headline, standfirst and a link to where it is published. */
  function showArticle(item, feedUrl) {
    var ticker = document.querySelector('#app .ticker');
    var title = typeof item.title === 'string' && item.title.trim();
    if (!ticker || !title) return;
    var article = el('article', 'article');
    languageOf(article, item);
    article.appendChild(el('h1', '', title));
    if (typeof item.summary === 'string' && item.summary.trim()) {
      article.appendChild(el('p', 'standfirst', item.summary.trim()));
    }
    var url = null;
    try {
      url = typeof item.url === 'string' ? new URL(item.url, feedUrl || document.baseURI) : null;
    } catch (_e) {
      url = null;
    }
    if (url && /^https?:$/.test(url.protocol)) {
      var paragraph = article.appendChild(el('p', 'source-link'));
      var link = paragraph.appendChild(el('a', '', WORDS.source));
      link.href = url.href;
      link.rel = 'noopener';
    }
    ticker.replaceWith(article);
  }

  /** The newest flashes, "HH:MM headline", each a link to its article. */
  function flashList(items, config) {
    var count = shell.tickerCount ? shell.tickerCount(config) : shared.defaults.ticker.count;
    var clock = null;
    function clockIn(zone) {
      return new Intl.DateTimeFormat(shared.locale, Object.assign({ timeZone: zone }, shared.clock));
    }
    try {
      clock = clockIn(config.time_zone || shared.defaults.time_zone);
    } catch (_e) {
      clock = clockIn(shared.defaults.time_zone);
    }
    var flashes = items
      .filter(function (item) {
        return item && typeof idOf(item) === 'string' && typeof item.title === 'string' && item.title.trim();
      })
      .map(function (item, order) {
        var ms = typeof item.date_published === 'string' ? Date.parse(item.date_published) : NaN;
        return { item: item, ms: ms, order: order };
      });
    flashes.sort(function (a, b) {
      return (b.ms || -Infinity) - (a.ms || -Infinity) || a.order - b.order;
    });
    flashes = flashes.slice(0, count);
    if (!flashes.length) return null;
    var home = new URL(document.baseURI).pathname;
    var list = el('ol', 'flashes');
    flashes.forEach(function (flash) {
      var link = list.appendChild(el('li', 'flash')).appendChild(el('a'));
      link.href = home + 'article/' + segment(idOf(flash.item));
      if (!isNaN(flash.ms)) {
        var time = link.appendChild(el('time', 'clock', clock.format(flash.ms)));
        time.dir = 'ltr';
        time.dateTime = new Date(flash.ms).toISOString();
        link.appendChild(document.createTextNode(' '));
      }
      var headline = link.appendChild(el('span', 'headline', flash.item.title.trim()));
      languageOf(headline, flash.item);
    });
    return list;
  }
})();
