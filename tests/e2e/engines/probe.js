/* The cross-engine suite's in-page probe: the test server adds it as the first
 * script of every HTML page it serves (support/static-server.js), so each engine
 * reports page problems the same way, whatever its automation protocol can see
 * (WebKitWebDriver has no BiDi and no log of page errors).
 *
 * It records uncaught errors, unhandled rejections, scripts and preloads that
 * failed to load, Content-Security-Policy violations, console errors that speak
 * of a panic or a trap, and rejections of the WebAssembly API; each is posted to
 * the test server at once (/__mivzak-probe) and kept in `window.__probe.problems`.
 * `window.__probe.started` turns true when trunk's loader reports the wasm started:
 * WebKit reports nothing when that loader's `await init()` rejects, so the suite
 * checks this flag after every navigation to an app page.
 */
(function () {
  'use strict';
  var probe = { started: false, problems: [] };
  window.__probe = probe;

  function record(kind, detail) {
    var entry = { kind: kind, detail: String(detail).slice(0, 600), page: location.href };
    probe.problems.push(entry);
    try {
      navigator.sendBeacon('/__mivzak-probe', JSON.stringify(entry));
    } catch (_e) {
      /* the list in the page still has it */
    }
  }

  addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (target && target !== window && target.tagName) {
        if (/^(SCRIPT|LINK)$/.test(target.tagName))
          record('resource', `${target.tagName} ${target.src || target.href}`);
        return;
      }
      record('error', `${event.message} (${event.filename}:${event.lineno})`);
    },
    true
  );
  addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    record('rejection', (reason && (reason.stack || reason.message)) || reason);
  });
  document.addEventListener(
    'securitypolicyviolation',
    function (event) {
      record(
        'csp',
        event.violatedDirective +
          ' blocked ' +
          event.blockedURI +
          ' (' +
          event.sourceFile +
          ':' +
          event.lineNumber +
          ')'
      );
    },
    true
  );

  var consoleError = console.error;
  console.error = function () {
    var text = Array.prototype.map.call(arguments, String).join(' ');
    if (/panicked|RuntimeError|unreachable|could not start/.test(text)) record('console', text);
    return consoleError.apply(console, arguments);
  };

  if (typeof WebAssembly === 'object') {
    ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile'].forEach(function (name) {
      var original = WebAssembly[name];
      if (typeof original !== 'function') return;
      WebAssembly[name] = function () {
        var result = original.apply(WebAssembly, arguments);
        result.then(null, function (error) {
          record('wasm', `${name}: ${error}`);
        });
        return result;
      };
    });
  }

  addEventListener('TrunkApplicationStarted', function () {
    probe.started = true;
  });
})();
