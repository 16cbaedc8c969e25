/* A click made before the app runs is kept, not lost to a full page load.
 *
 * Until the app's router is live, a click on one of the app's own links (a flash,
 * a tag, the home page) would load the whole page again: on a slow phone that
 * throws away the wasm half downloaded, and the reader waits for all of it over
 * again (issue 16). Here the click only moves the address (`history.pushState`)
 * and the page says that it is on its way; the app, when it mounts, draws the
 * route the address names, and calls this file's `stop()` (a global named in
 * shared/constants.json's `globals.early_clicks`)
 * (src/mount.rs), after which its router takes every click.
 *
 * If the wasm cannot start (`start-watch.js`), the address is loaded for real, so
 * that the reader gets `start-check.js`'s simplified page of it.
 *
 * Not on a page that mivzak-render published: the page it links to is published
 * too, and a full load shows it at once.
 *
 * Inlined by trunk at the end of index.html's <body>.
 */
(function () {
  'use strict';
  var shared = window.MivzakShared;
  var watch = shared && window[shared.globals.start_watch];
  if (!watch || watch.failed || !window.history || !history.pushState) return;
  if (document.querySelector('meta[name="generator"][content="' + shared.generator + '"]')) return;
  var base = new URL(document.baseURI);
  var moved = false;
  var status = null;

  /** A plain click (no modifier, main button) on a link to this deployment's pages. */
  function appLink(event) {
    if (event.defaultPrevented || event.button !== 0) return null;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
    var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return null;
    var url = new URL(link.href, document.baseURI);
    if (url.origin !== location.origin || url.pathname.indexOf(base.pathname) !== 0) return null;
    // A link to a place within this page (a fragment) is the browser's to follow.
    if (url.hash && samePage(url)) return null;
    return url;
  }

  /** Whether `url` is the page the address already names (on its way, or shown). */
  function samePage(url) {
    return url.pathname === location.pathname && url.search === location.search;
  }

  function onClick(event) {
    // A page that could not start: the browser follows its links itself.
    if (watch.failed) return;
    var url = appLink(event);
    if (!url) return;
    event.preventDefault();
    // Nothing new to go to: the page the address names is already on its way (a
    // second, impatient click), or shown (the site name on the home page); and the
    // second click of a double click is no new choice (the notice below has moved
    // the rows down under the pointer: it would land on another flash). Letting the
    // browser have these would load the whole page again.
    if (event.detail > 1 || samePage(url)) return;
    history.pushState(null, '', url.href);
    moved = true;
    waiting();
  }

  function waiting() {
    var where;
    if (!status) {
      status = document.createElement('p');
      status.className = 'early-click';
      status.setAttribute('role', 'status');
      where = document.getElementById('main') || document.body;
      where.insertBefore(status, where.firstChild);
    }
    status.textContent = 'הדף בדרך…';
    window.scrollTo(0, 0);
  }

  // Back to where the page was loaded: nothing is on its way any more; forward
  // again: it is.
  var first = location.href;
  function onPopState() {
    if (location.href !== first) {
      if (moved) waiting();
    } else if (status) {
      status.remove();
      status = null;
    }
  }

  // As after any link the app follows (src/components/navigation_focus.rs): focus
  // goes to the new page's main heading, once the app shows it, so a keyboard or
  // screen-reader user starts reading there. Not if the reader has moved on, or
  // has put the focus somewhere themselves, meanwhile.
  function focusHeadingWhenShown() {
    var wanted = location.href;
    // What the reader focused in the shell (the flash they pressed Enter on) goes
    // with it: that focus is not a choice to keep.
    var shell = document.getElementById('app');
    var observer = new MutationObserver(tryFocus);
    var timer = setTimeout(function () {
      observer.disconnect();
    }, 30000);
    function tryFocus() {
      var heading = document.querySelector('#app:not([hidden]) main h1');
      var active = document.activeElement;
      var free = !active || active === document.body || (shell && shell.contains(active));
      if (location.href !== wanted || !free) return done();
      if (!heading) return;
      heading.focus();
      done();
    }
    function done() {
      observer.disconnect();
      clearTimeout(timer);
    }
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['id', 'hidden'],
    });
    tryFocus();
  }

  document.addEventListener('click', onClick);
  window.addEventListener('popstate', onPopState);
  // A wasm that cannot start: the address the reader went to is loaded for real.
  // But slow is not failed: a wasm still downloading when the start watch gives up
  // waiting (30 s on a bad link) may yet come, and a reload would throw the
  // download away and start it over; wait for it to end first.
  watch.on('fail', function reloadOnceDone() {
    if (watch.started || !moved || location.href === first) return;
    if (watch.loading()) setTimeout(reloadOnceDone, 500);
    else location.reload();
  });
  window[shared.globals.early_clicks] = {
    /** The app's router is live: every click is its from now on. */
    stop: function () {
      document.removeEventListener('click', onClick);
      window.removeEventListener('popstate', onPopState);
      if (performance.mark) performance.mark('mivzak:router-live');
      if (moved && location.href !== first) focusHeadingWhenShown();
    },
  };
})();
