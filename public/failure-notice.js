/* A wasm that cannot start (download, compile, policy, panic): a Hebrew notice
 * with a reload, details in the console; the page stays as it is (README). Only
 * the app's own files count: a publisher's or an ad's script that breaks or does
 * not load is none of the app's business. */
(function () {
  'use strict';
  var started = false;
  var shown = false;
  // The app's own files are the loader's module and every file trunk names after
  // it (`-split.js`, `_bg.wasm`, `-chunk_N.wasm`): this prefix, as an absolute URL.
  var loader = [].filter.call(document.querySelectorAll('script[type="module"]:not([src])'), function (script) {
    return script.textContent.indexOf('TrunkApplicationStarted') >= 0;
  })[0];
  var specifier = loader && /from\s*['"]([^'"]+)\.js['"]/.exec(loader.textContent);
  var stem = specifier ? new URL(specifier[1], document.baseURI).href : null;
  function own(url) {
    return !!stem && typeof url === 'string' && url.indexOf(stem) === 0;
  }
  // The file of the app's that did not load, when the loader's import failed: the
  // browser's error names no file (the loader is inline). Resource Timing's
  // status where the browser gives it, else the loader's own import.
  function failedFile() {
    var failed = performance.getEntriesByType('resource').filter(function (entry) {
      return own(entry.name) && entry.responseStatus >= 400;
    })[0];
    return failed ? failed.name : stem + '.js (or a module it imports)';
  }
  // Leaving the page aborts its downloads, which Firefox reports as a NetworkError
  // of the wasm's fetch before `pagehide`: not a failure of the app. A leave starts
  // at `beforeunload`; a failure seen after it waits, and shows if the reader is
  // still here and acts again (the leave was cancelled, or was a download).
  var leaving = false;
  var held = null;
  function leave() {
    leaving = true;
  }
  function stay() {
    leaving = false;
    if (held !== null) fail(held);
    held = null;
  }
  addEventListener('beforeunload', leave);
  addEventListener('pagehide', leave);
  addEventListener('pageshow', stay);
  addEventListener('pointerdown', stay, true);
  addEventListener('keydown', stay, true);
  var embed = document.documentElement.hasAttribute('data-embed');
  var english = embed && new URLSearchParams(location.search).get('lang') === 'en';
  // The embed is only the ticker: it has no simplified page to show.
  var words = embed
    ? english
      ? ['The news ticker could not be loaded.', 'Reload']
      : ['לא ניתן היה לטעון את המבזקים.', 'טעינה מחדש']
    : ['הדף מוצג בגרסה מפושטת: חלק ממנו לא נטען.', 'טעינה מחדש'];
  function show() {
    var main = document.querySelector('#app main') || document.body;
    var notice = document.createElement('div');
    notice.className = 'start-failed';
    notice.setAttribute('role', 'alert');
    notice.appendChild(document.createElement('p')).textContent = words[0];
    var reload = notice.appendChild(document.createElement('button'));
    reload.type = 'button';
    reload.textContent = words[1];
    reload.onclick = function () {
      location.reload();
    };
    main.insertBefore(notice, main.firstChild);
    // An unpublished page's skeleton would promise flashes that will not come.
    var loading = document.querySelector('#app .loading');
    if (loading) loading.remove();
  }
  function fail(reason) {
    if (leaving) {
      held = reason;
      return;
    }
    console.error('[mivzak] the app could not start or stopped: ' + reason);
    if (shown) return;
    shown = true;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
    else show();
  }
  // The app's panic hook (src/panic_notice.rs) reports here, before or after the start.
  window[MivzakShared.globals.failure_notice] = { fail: fail };
  // A failure seen before the start that did not stop it (a preload refused, the
  // loader then fetching the file itself): the app is here after all.
  addEventListener('TrunkApplicationStarted', function () {
    started = true;
    shown = false;
    var notice = document.querySelector('.start-failed');
    if (notice) notice.remove();
  });
  // An error thrown by the app's code (its stack names its files).
  function ours(error) {
    return !!error && typeof error.stack === 'string' && !!stem && error.stack.indexOf(stem) >= 0;
  }
  // One of the app's files that did not load (the loader's import, its preloads),
  // or an error the app's code threw before the start.
  addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (started) return;
      if (!target || !target.tagName) {
        if (own(event.filename) || ours(event.error)) fail(event.message);
      } else if (target === loader) fail('could not load ' + failedFile());
      else if ((target.tagName === 'SCRIPT' || /preload/.test(target.rel)) && own(target.src || target.href))
        fail('could not load ' + (target.src || target.href));
    },
    true
  );
  addEventListener('unhandledrejection', function (event) {
    if (!started && ours(event.reason)) fail('unhandled rejection: ' + (event.reason.message || event.reason));
  });
  if (typeof WebAssembly !== 'object') return fail('this browser does not run WebAssembly');
  // WebKit reports no rejection of the loader's `await init()`: the compile's own
  // rejection is seen here. (wasm-bindgen retries a streaming compile that failed
  // only for a wrong Content-Type with `instantiate`: not a failure yet.)
  ['instantiateStreaming', 'instantiate'].forEach(function (name) {
    var original = WebAssembly[name];
    if (typeof original !== 'function') return;
    WebAssembly[name] = function (source) {
      var result = original.apply(WebAssembly, arguments);
      result.catch(function (error) {
        function failed(response) {
          var retried = name === 'instantiateStreaming' && response && response.ok;
          retried = retried && response.headers.get('Content-Type') !== 'application/wasm';
          if (!retried && !started) fail('WebAssembly.' + name + ': ' + error);
        }
        Promise.resolve(source).then(failed, failed);
      });
      return result;
    };
  });
})();
