/*! Mivzak ticker embed: <script src="https://OUR-HOST/embed.js" async></script>
 * then <div data-mivzak-ticker data-mode="marquee"></div> or <mivzak-ticker mode="marquee">.
 * Each element gets a cross-origin iframe of embed.html, sized to its content
 * through postMessage. Every message is checked for its exact origin and source,
 * and none is ever posted to "*". No dependencies, no cookies, no storage.
 *
 * Several Mivzak sites can share a page: each copy of this file serves only the
 * placeholders that belong to its own site (see `ownerOf`), and `MivzakTicker`
 * routes each call to the copy that serves the element. */
(function () {
  'use strict';
  // The values shared with the app (shared/constants.json): scripts/post-build.sh
  // puts its MivzakShared and this file inside one function, so the host page
  // gets no global of it.
  var shared = MivzakShared.embed;
  var previous = window.MivzakTicker;
  // A copy from before sites could share a page serves every placeholder itself.
  if (previous && !Array.isArray(previous.deployments)) return;
  var script = document.currentScript;
  var base = new URL('.', script ? script.src : location.href);
  var APP_ORIGIN = base.origin;
  var FRAME_URL = new URL('embed.html', base);
  // Attributes an embedder may set, as data-* on a div or plain on <mivzak-ticker>.
  var OPTIONS = shared.options;
  var SELECTOR = '[data-mivzak-ticker], mivzak-ticker';
  // A runaway height must not make the host page endless: 200 flashes of 500 px.
  var MAX_HEIGHT = 100000;
  var frames = new Map(); // element -> { iframe, id, options, height, ready, pending }
  var nextId = 1;
  var started = false;

  function attribute(element, name) {
    return element.getAttribute(element.localName === 'mivzak-ticker' ? name : 'data-' + name);
  }

  function read(element) {
    var options = {};
    OPTIONS.forEach(function (name) {
      var value = attribute(element, name);
      if (value !== null && value !== '') options[name] = value;
    });
    return options;
  }

  function frameSrc(id, options) {
    var url = new URL(FRAME_URL);
    Object.keys(options).forEach(function (name) {
      url.searchParams.set(name, options[name]);
    });
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
    // The frame's geometry is ours, and `!important` in the style attribute beats
    // any host stylesheet: border-box, so the full width never overflows the
    // host's column, and a height that `fit` computes. Its border and padding are
    // 0 unless the host insists with `!important`; `fit` adds those to the height.
    iframe.style.cssText =
      'display:block;border:0;padding:0;background:transparent;color-scheme:normal;' +
      'box-sizing:border-box!important;width:100%!important;min-width:0!important;max-width:none!important;' +
      'height:3rem!important;min-height:0!important;max-height:none!important';
    // `applied`: the options the frame has (its query, then each change); `live`:
    // the ones it says it can change in place (its first message).
    frames.set(element, {
      iframe: iframe,
      id: id,
      options: options,
      applied: Object.assign({}, options),
      live: [],
      height: null,
      ready: false,
      pending: false,
    });
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

  /** Makes the frame's content box exactly as tall as the document inside it,
   *  whatever border and padding the host's CSS gives the frame. */
  function fit(entry) {
    if (entry.height === null) return;
    var style = getComputedStyle(entry.iframe);
    var frame = ['border-top-width', 'border-bottom-width', 'padding-top', 'padding-bottom'].reduce(function (
      sum,
      name
    ) {
      return sum + (parseFloat(style.getPropertyValue(name)) || 0);
    }, 0);
    entry.iframe.style.setProperty('height', entry.height + frame + 'px', 'important');
  }

  function scan(root) {
    if (root.nodeType !== 1 && root.nodeType !== 9) return;
    var found = root.matches && root.matches(SELECTOR) ? [root] : [];
    if (root.querySelectorAll) found = found.concat(Array.prototype.slice.call(root.querySelectorAll(SELECTOR)));
    found.forEach(function (element) {
      var owner = registry.ownerOf(element);
      if (owner === me) mount(element);
      else if (!owner) registry.unserved(element);
    });
  }

  /** Gives up the placeholders that now belong to another site, then takes ours. */
  function refresh() {
    frames.forEach(function (_, element) {
      if (!element.isConnected || registry.ownerOf(element) !== me) unmount(element);
    });
    if (started) scan(document);
  }

  function entryFor(source) {
    var found = null;
    frames.forEach(function (entry) {
      if (entry.iframe.contentWindow === source) found = entry;
    });
    return found;
  }

  /** Changes a ticker's options: MivzakTicker.set(el, {theme: "dark"}); null or ""
   *  puts an option back to its default. */
  function set(element, changes) {
    var entry = frames.get(element);
    if (!entry || !entry.iframe.contentWindow) return false;
    var options = Object.assign({}, entry.options);
    Object.keys(changes || {}).forEach(function (name) {
      if (OPTIONS.indexOf(name) < 0) return;
      if (changes[name] === null || changes[name] === undefined || changes[name] === '') delete options[name];
      else options[name] = String(changes[name]);
    });
    update(entry, options);
    return true;
  }

  /** Gives the frame `options`: in place when it can change every one that
   *  changed, else by loading it again with them (a new feed, count, language…). */
  function update(entry, options) {
    entry.options = options;
    entry.iframe.title = options.title || 'מבזקים';
    // Until the frame has spoken it may not be listening yet: the changes go
    // out with its first message.
    if (!entry.ready) {
      entry.pending = true;
      return;
    }
    entry.pending = false;
    var changed = OPTIONS.filter(function (name) {
      return name !== 'title' && entry.applied[name] !== options[name];
    });
    if (!changed.length) return;
    entry.applied = Object.assign({}, options);
    var inPlace = changed.every(function (name) {
      return entry.live.indexOf(name) >= 0 && options[name] !== undefined;
    });
    if (inPlace) {
      entry.iframe.contentWindow.postMessage({ type: shared.messages.set, id: entry.id, options: options }, APP_ORIGIN);
    } else {
      entry.ready = false;
      entry.iframe.src = frameSrc(entry.id, options);
    }
  }

  function receive(event) {
    if (event.origin !== APP_ORIGIN) return; // exact origin, nothing else
    var entry = entryFor(event.source);
    var data = event.data;
    if (!entry || !data || data.id !== entry.id) return;
    if (data.type === shared.messages.height && typeof data.height === 'number' && isFinite(data.height)) {
      entry.height = Math.max(0, Math.min(data.height, MAX_HEIGHT));
      fit(entry);
      if (!entry.ready && Array.isArray(data.live))
        entry.live = data.live.filter(function (name) {
          return typeof name === 'string';
        });
      entry.ready = true;
      if (entry.pending) update(entry, entry.options);
    }
  }

  function start() {
    started = true;
    scan(document);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === 'attributes') {
          var element = record.target;
          if (!frames.has(element)) scan(element);
          else if (!element.matches(SELECTOR) || registry.ownerOf(element) !== me) unmount(element);
          else update(frames.get(element), read(element));
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
      attributeFilter: ['data-mivzak-ticker', 'site', 'data-site'].concat(
        OPTIONS,
        OPTIONS.map(function (n) {
          return 'data-' + n;
        })
      ),
    });
  }

  /** The page-wide registry of the Mivzak sites on this page, made by the first
   *  copy of this file to run; later copies join it. */
  function createRegistry() {
    var deployments = [];
    var warned = new WeakSet();

    /** `https://b.example/news`, `…/news/` and `…/news/embed.js` all name the
     *  site at `https://b.example/news/`. */
    function siteOf(element) {
      var value = attribute(element, 'site');
      if (!value) return null;
      try {
        var url = new URL(value, location.href);
        var path = /\/[^/]*\.[^/]*$/.test(url.pathname)
          ? url.pathname.replace(/[^/]*$/, '')
          : url.pathname.replace(/\/?$/, '/');
        return { base: url.origin + path, origin: url.origin };
      } catch (_error) {
        return { base: String(value), origin: '' };
      }
    }

    function follows(a, b) {
      return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    }

    return {
      deployments: deployments,
      /** The site that serves `element`: the one its `site` attribute names (the
       *  exact folder, else the origin), else any. Among those, the one whose
       *  embed.js stands nearest before the element in the page, else the first
       *  after it: the order in which embedders paste a script and its ticker. */
      ownerOf: function (element) {
        var site = siteOf(element);
        var candidates = deployments;
        if (site) {
          candidates = deployments.filter(function (d) {
            return d.base === site.base;
          });
          if (!candidates.length)
            candidates = deployments.filter(function (d) {
              return d.origin === site.origin;
            });
        }
        var before = null,
          after = null,
          elsewhere = null;
        candidates.forEach(function (d) {
          d.scripts.forEach(function (tag) {
            var at = tag && tag.isConnected ? element.compareDocumentPosition(tag) : 0;
            if (at & Node.DOCUMENT_POSITION_PRECEDING) {
              if (!before || follows(before.tag, tag)) before = { d: d, tag: tag };
            } else if (at & Node.DOCUMENT_POSITION_FOLLOWING) {
              if (!after || follows(tag, after.tag)) after = { d: d, tag: tag };
            } else if (!elsewhere) {
              elsewhere = { d: d };
            }
          });
        });
        var owner = before || after || elsewhere;
        return owner ? owner.d : null;
      },
      /** Says once, in the console, that no site on the page serves `element`. */
      unserved: function (element) {
        if (warned.has(element)) return;
        warned.add(element);
        console.warn(
          '[mivzak] no embed.js on this page comes from ' +
            attribute(element, 'site') +
            ', which this ticker names in its site attribute',
          element
        );
      },
      /** A copy of embed.js has run: its site joins (or, run twice, adds its script
       *  tag to) the registry, and the others give up what is now its. */
      join: function (deployment, tag) {
        var known = deployments.filter(function (d) {
          return d.base === deployment.base;
        })[0];
        if (known) {
          known.scripts.push(tag);
        } else {
          deployment.scripts.push(tag);
          deployments.push(deployment);
        }
        deployments.forEach(function (d) {
          d.refresh();
        });
        return known || deployment;
      },
      set: function (element, changes) {
        var owner = deployments.filter(function (d) {
          return d.serves(element);
        })[0];
        return owner ? owner.set(element, changes) : false;
      },
      scan: function () {
        deployments.forEach(function (d) {
          d.refresh();
        });
      },
    };
  }

  var registry = previous || createRegistry();
  window.MivzakTicker = registry;
  var me = {
    base: base.href,
    origin: APP_ORIGIN,
    scripts: [],
    serves: function (element) {
      return frames.has(element);
    },
    set: set,
    refresh: refresh,
  };
  // Run twice from the same site: the first copy serves.
  if (registry.join(me, script) !== me) return;

  window.addEventListener('message', receive);

  if (window.customElements && !customElements.get('mivzak-ticker')) {
    customElements.define('mivzak-ticker', class extends HTMLElement {});
  }
  // The host page's load event never waits for the tickers.
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
})();
