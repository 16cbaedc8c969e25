/* A wasm that cannot start (download, compile, policy, panic): a Hebrew notice
 * with a reload, details in the console; the page stays as it is (README). */
(function () {
  'use strict';
  var started = false;
  var shown = false;
  // Leaving the page aborts its downloads, which Firefox reports as a NetworkError
  // of the wasm's fetch: not a failure of the app.
  var leaving = false;
  addEventListener('pagehide', function () {
    leaving = true;
  });
  var english =
    document.documentElement.hasAttribute('data-embed') && new URLSearchParams(location.search).get('lang') === 'en';
  function show() {
    var main = document.querySelector('#app main') || document.body;
    var notice = document.createElement('div');
    notice.className = 'start-failed';
    notice.setAttribute('role', 'alert');
    notice.appendChild(document.createElement('p')).textContent = english
      ? 'This is a simplified version of the page: part of it could not be loaded.'
      : 'הדף מוצג בגרסה מפושטת: חלק ממנו לא נטען.';
    var reload = notice.appendChild(document.createElement('button'));
    reload.type = 'button';
    reload.textContent = english ? 'Reload' : 'טעינה מחדש';
    reload.onclick = function () {
      location.reload();
    };
    main.insertBefore(notice, main.firstChild);
    // An unpublished page's skeleton would promise flashes that will not come.
    var loading = document.querySelector('#app .loading');
    if (loading) loading.remove();
  }
  function fail(reason) {
    if (leaving) return;
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
  // A script or the wasm's preload that did not load, or an error before the start.
  addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (started) return;
      if (!target || !target.tagName) fail(event.message);
      else if (target.tagName === 'SCRIPT' || /preload/.test(target.rel))
        fail('could not load ' + (target.src || target.href));
    },
    true
  );
  addEventListener('unhandledrejection', function (event) {
    if (!started) fail('unhandled rejection: ' + ((event.reason && event.reason.message) || event.reason));
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
