/*! Mivzak ticker embed: <script src="https://OUR-HOST/embed.js" async></script>
 * then <div data-mivzak-ticker data-mode="marquee"></div> or <mivzak-ticker mode="marquee">.
 * Each element gets a cross-origin iframe of embed.html, sized to its content
 * through postMessage. Every message is checked for its exact origin and source,
 * and none is ever posted to "*". No dependencies, no cookies, no storage. */
(function () {
  'use strict';
  if (window.MivzakTicker) return; // loaded twice: the first copy serves
  var script = document.currentScript;
  var base = new URL('.', script ? script.src : location.href);
  var APP_ORIGIN = base.origin;
  var FRAME_URL = new URL('embed.html', base);
  // Attributes an embedder may set, as data-* on a div or plain on <mivzak-ticker>.
  var OPTIONS = ['mode', 'count', 'theme', 'speed', 'feed', 'lang', 'target', 'bg', 'fg', 'accent', 'font', 'title'];
  var frames = new Map(); // element -> { iframe, id }
  var nextId = 1;

  function read(element) {
    var options = {};
    var custom = element.localName === 'mivzak-ticker';
    OPTIONS.forEach(function (name) {
      var value = element.getAttribute(custom ? name : 'data-' + name);
      if (value !== null && value !== '') options[name] = value;
    });
    return options;
  }

  function frameSrc(id, options) {
    var url = new URL(FRAME_URL);
    Object.keys(options).forEach(function (name) { url.searchParams.set(name, options[name]); });
    url.searchParams.set('id', String(id));
    url.searchParams.set('parent', location.origin);
    return url.href;
  }

  function mount(element) {
    if (frames.has(element)) return;
    var id = nextId++;
    var options = read(element);
    var iframe = document.createElement('iframe');
    iframe.src = frameSrc(id, options);
    iframe.title = options.title || 'מבזקים';
    iframe.loading = 'lazy';
    iframe.referrerPolicy = 'strict-origin-when-cross-origin';
    iframe.setAttribute('scrolling', 'no');
    // Inline styles, so the host's stylesheet has the least to say about the frame.
    iframe.style.cssText = 'display:block;border:0;width:100%;height:3rem;background:transparent;color-scheme:normal';
    frames.set(element, { iframe: iframe, id: id, options: options });
    element.textContent = '';
    element.appendChild(iframe);
  }

  function unmount(element) {
    var entry = frames.get(element);
    if (entry) {
      entry.iframe.remove();
      frames.delete(element);
    }
  }

  function scan(root) {
    if (root.nodeType !== 1 && root.nodeType !== 9) return;
    if (root.matches && root.matches('[data-mivzak-ticker], mivzak-ticker')) mount(root);
    if (root.querySelectorAll) root.querySelectorAll('[data-mivzak-ticker], mivzak-ticker').forEach(mount);
  }

  function entryFor(source) {
    var found = null;
    frames.forEach(function (entry) {
      if (entry.iframe.contentWindow === source) found = entry;
    });
    return found;
  }

  /** Changes a ticker's options without reloading it: MivzakTicker.set(el, {theme: "dark"}). */
  function set(element, changes) {
    var entry = frames.get(element);
    if (!entry || !entry.iframe.contentWindow) return false;
    Object.keys(changes || {}).forEach(function (name) {
      if (OPTIONS.indexOf(name) >= 0) entry.options[name] = String(changes[name]);
    });
    entry.iframe.contentWindow.postMessage({ type: 'mivzak:set', id: entry.id, options: entry.options }, APP_ORIGIN);
    return true;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== APP_ORIGIN) return; // exact origin, nothing else
    var entry = entryFor(event.source);
    var data = event.data;
    if (!entry || !data || data.id !== entry.id) return;
    if (data.type === 'mivzak:height' && typeof data.height === 'number' && isFinite(data.height)) {
      entry.iframe.style.height = Math.max(0, Math.min(data.height, 5000)) + 'px';
    }
  });

  function start() {
    scan(document);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === 'attributes') {
          var element = record.target;
          if (frames.has(element)) set(element, read(element));
          else scan(element);
          return;
        }
        record.addedNodes.forEach(scan);
        record.removedNodes.forEach(function (node) {
          if (node.nodeType !== 1) return;
          frames.forEach(function (_, element) {
            if (element === node || node.contains(element)) unmount(element);
          });
        });
      });
    }).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-mivzak-ticker'].concat(OPTIONS, OPTIONS.map(function (n) { return 'data-' + n; })),
    });
  }

  if (window.customElements && !customElements.get('mivzak-ticker')) {
    customElements.define('mivzak-ticker', class extends HTMLElement {});
  }
  window.MivzakTicker = { set: set, scan: function () { scan(document); } };
  // The host page's load event never waits for the tickers.
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
})();
