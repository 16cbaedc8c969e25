/* Whether the wasm started: watched from the page's first script, so nothing is missed.
 *
 * Inlined by trunk at the top of <head> in index.html and embed.html (after
 * only `MivzakShared`, the shared constants that name its global), before
 * trunk's loader: its wrappers are in place before the loader asks for the wasm
 * and its listeners before any script can fail. (A deferred file could not
 * promise that: when it arrives after the wasm's download, the loader has
 * already called `WebAssembly.instantiateStreaming` unwatched, and a slow
 * compile was taken for a failure; seen in CI, pinned by start-failure.spec.js.)
 *
 * It only decides; `start-check.js` shows what the reader sees. A failure is
 * seen where the browser reports one (an error or rejection before trunk's
 * `TrunkApplicationStarted`, a script or preload that failed, a download or
 * compile of the wasm that failed, a policy blocking the wasm), by the app's
 * panic hook (`__mivzakStartWatch.fail`, src/mount.rs), and otherwise
 * by waiting: WebKit reports nothing when the loader's `await init()` rejects.
 *
 * `__mivzakStartWatch`, on `window` (the name is shared/constants.json's
 * `globals.start_watch`):
 * - `started`: trunk's loader has run the wasm's `main`.
 * - `failed`: a failure is reported and the app has not started since.
 * - `fail(reason)`: reports one (logged to the console each time).
 * - `on('fail' | 'start', callback)`: called at each failure (with its reason)
 *   or start, and at once for one already past.
 * - `loading()`: a download or compilation of the wasm is under way (a failure
 *   reported meanwhile, by the 30 s limit, may still end in a start).
 */
(function () {
  'use strict';
  // How long the wasm may take: after the page's load event (the wasm preload
  // delays it, so only compiling and starting are left), and in all. While the
  // browser is still downloading or compiling it (a slow phone, a busy
  // machine), the first wait is extended up to the second: slow is not failed,
  // and a download or compile that fails says so through the wrappers below.
  var AFTER_LOAD_MS = 8000;
  var IN_ALL_MS = 30000;
  // Downloads and compilations of the wasm under way.
  var loading = 0;
  var timers = [];
  var callbacks = { fail: [], start: [] };
  var lastFailure = '';

  var watch = {
    started: false,
    failed: false,
    fail: function (reason) {
      console.error('[mivzak] the app could not start or stopped: ' + reason);
      if (watch.failed) return;
      watch.failed = true;
      lastFailure = reason;
      timers.forEach(clearTimeout);
      notify('fail', reason);
    },
    /** Whether a download or compilation of the wasm is under way (slow, not failed). */
    loading: function () {
      return loading > 0;
    },
    on: function (type, callback) {
      callbacks[type].push(callback);
      if (type === 'fail' && watch.failed) callback(lastFailure);
      if (type === 'start' && watch.started) callback();
    },
  };
  window[MivzakShared.globals.start_watch] = watch;

  function notify(type, argument) {
    callbacks[type].forEach(function (callback) {
      try {
        callback(argument);
      } catch (error) {
        console.error('[mivzak] start check:', error);
      }
    });
  }

  // A failure reported while the wasm was only slow ends here: the app is here after all.
  addEventListener('TrunkApplicationStarted', function () {
    watch.started = true;
    watch.failed = false;
    timers.forEach(clearTimeout);
    notify('start');
  });

  addEventListener(
    'error',
    function (event) {
      if (watch.started) return;
      var target = event.target;
      if (target && target !== window && target.tagName) {
        var tag = target.tagName;
        var rel = String(target.rel || '');
        if (tag === 'SCRIPT' || (tag === 'LINK' && /preload/.test(rel))) {
          watch.fail('could not load ' + (target.src || target.href || 'a script'));
        }
        return;
      }
      watch.fail(event.message || 'an uncaught error');
    },
    true
  );
  addEventListener('unhandledrejection', function (event) {
    if (!watch.started) watch.fail('unhandled rejection: ' + ((event.reason && event.reason.message) || event.reason));
  });
  document.addEventListener('securitypolicyviolation', function (event) {
    if (!watch.started && /^(wasm-eval|eval)$/.test(event.blockedURI)) {
      watch.fail(
        'the Content-Security-Policy blocks the wasm (' + event.violatedDirective + "; it needs 'wasm-unsafe-eval')"
      );
    }
  });

  if (typeof WebAssembly !== 'object' || !('noModule' in document.createElement('script'))) {
    watch.fail('this browser runs neither WebAssembly nor module scripts');
    return;
  }

  /** Counts `promise` as loading until it settles; a rejection is a failure. */
  function track(promise, what) {
    loading++;
    promise.then(
      function () {
        loading--;
      },
      function (error) {
        loading--;
        if (!watch.started) what(error);
      }
    );
  }

  // The loader's own request for the wasm (the glue's `fetch`): a download
  // that fails is a failure, one that is slow is not.
  var originalFetch = window.fetch;
  if (typeof originalFetch === 'function') {
    window.fetch = function (resource) {
      var result = originalFetch.apply(this, arguments);
      var url = resource && typeof resource === 'object' && 'url' in resource ? resource.url : String(resource);
      if (!watch.started && /\.wasm(?:[?#]|$)/.test(url)) {
        track(result, function (error) {
          watch.fail('could not load ' + url + ': ' + error);
        });
        // The glue throws on an answer that is not ok before compiling anything.
        result.then(function (response) {
          if (!response.ok && !watch.started) watch.fail('could not load ' + url + ': HTTP ' + response.status);
        }, Boolean);
      }
      return result;
    };
  }

  // The wasm's compilation and policy check end in these two calls: their
  // rejection is seen here in every engine, however the loader's own rejection
  // is reported. (The glue retries a streaming failure that only came from a
  // wrong Content-Type with `instantiate`: not a failure yet.)
  ['instantiateStreaming', 'instantiate'].forEach(function (name) {
    var original = WebAssembly[name];
    if (typeof original !== 'function') return;
    WebAssembly[name] = function (source) {
      var result = original.apply(WebAssembly, arguments);
      track(result, function (error) {
        Promise.resolve(source).then(
          function (response) {
            var retried =
              name === 'instantiateStreaming' &&
              typeof Response === 'function' &&
              response instanceof Response &&
              response.ok &&
              response.headers.get('Content-Type') !== 'application/wasm';
            if (!retried && !watch.started) watch.fail('WebAssembly.' + name + ': ' + error);
          },
          function () {
            if (!watch.started) watch.fail('WebAssembly.' + name + ': ' + error);
          }
        );
      });
      return result;
    };
  });

  timers.push(
    setTimeout(function () {
      watch.fail('the app did not start within ' + IN_ALL_MS / 1000 + ' s');
    }, IN_ALL_MS)
  );
  function afterLoad() {
    if (watch.started || watch.failed) return;
    if (loading > 0) {
      timers.push(setTimeout(afterLoad, 1000));
      return;
    }
    watch.fail('the app did not start within ' + AFTER_LOAD_MS / 1000 + ' s of the page loading');
  }
  addEventListener('load', function () {
    if (!watch.started && !watch.failed) timers.push(setTimeout(afterLoad, AFTER_LOAD_MS));
  });
})();
