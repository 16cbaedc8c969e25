/* Mivzak's service worker: a reader who opens the site offline gets the app and
 * the last flashes and articles it saw, with an offline notice.
 *
 * - The app shell (index.html, the hashed js, wasm and css) is
 *   precached at install (the wasm chunks only where the connection allows); `scripts/service-worker.mjs` writes the list and the
 *   version into the copy in dist/. A new version installs beside the old one
 *   and removes it when it takes over.
 * - Pages (navigations) go to the network first; without one, the kept shell.
 * - config.json and the feed it names go to the network first, and every good
 *   answer (2xx: a JSON object, a feed with items, an RSS or Atom document) is kept,
 *   as its bytes and headers. Only when the network fails
 *   (offline, refused, reset) does the kept copy answer, marked with
 *   `x-mivzak-saved: <ms when kept>` so the app says how old it is. An HTTP
 *   error passes through as it is: the app's stale notice must see it. (A strict
 *   stale-while-revalidate would keep a live ticker one poll behind for ever.)
 * - Everything else (comments, images, other sites) is not touched.
 */
'use strict';

// The values shared with the app (shared/constants.json, as scripts/post-build.sh
// copies it), and the rule for which feed config.json names, shared with
// index.html and the build.
importScripts('shared-constants.js', 'config-rules.js');

const VERSION = 'dev';
const PRECACHE = [];
// Shell files kept the first time the page asks for them (the RSS and Atom
// reader's chunk, which a JSON Feed site never loads); written by the same script.
const ON_USE = [];
// The other wasm chunks (the article's, the tag page's …): kept at install where
// the connection allows the page to prefetch them on idle (src/chunk_prefetch.rs), else
// on use, like ON_USE; written by the same script.
const CHUNKS = [];

const SHELL = `mivzak-shell-${VERSION}`;
const DATA = 'mivzak-data';
const SCOPE = self.registration.scope;
const CONFIG_URL = new URL('config.json', SCOPE).href;
const SAVED_HEADER = self.MivzakShared.saved_copy_header;
const SHELL_URLS = new Set(PRECACHE.map((file) => new URL(file, SCOPE).href));
const ON_USE_URLS = new Set([...ON_USE, ...CHUNKS].map((file) => new URL(file, SCOPE).href));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE.map((file) => new URL(file, SCOPE).href)))
      .then(() => connectionAllows() && keepAll(CHUNKS))
      // The config and the feed too, so one visit is enough to read offline later;
      // a failure here is no reason to give up the shell.
      .then(() => keepData(CONFIG_URL).then((config) => config && keepData(feedFromConfig(config))))
      // An RSS or Atom site needs the XML reader offline too.
      .then((feed) => isXml(feed) && keepOnUse())
      .then(() => self.skipWaiting()),
  );
});

/** Whether a feed's text is RSS or Atom (src/feed/read.rs tells them by the first character too). */
function isXml(text) {
  return typeof text === 'string' && /^\s*</.test(text.replace(/^\uFEFF/, ''));
}

/** Keeps the ON_USE files now; a failure leaves them to be kept on use. */
function keepOnUse() {
  return keepAll(ON_USE);
}

/** Keeps `files` now; a failure leaves them to be kept on use. */
function keepAll(files) {
  return caches
    .open(SHELL)
    .then((cache) => cache.addAll(files.map((file) => new URL(file, SCOPE).href)))
    .catch(() => {});
}

/** Whether the worker may download what nobody asked for yet: the rule of
 *  src/chunk_prefetch.rs's idle_prefetch_allowed (no Save-Data, no effectiveType among
 *  shared/constants.json's slow_connections), on the worker's own navigator. */
function connectionAllows() {
  const connection = self.navigator.connection;
  if (!connection) return true;
  return !connection.saveData && !self.MivzakShared.slow_connections.includes(connection.effectiveType);
}

/** Fetches `url` and keeps it when good; its text, or null. */
function keepData(url) {
  return freshOrKept(new Request(url, { cache: 'no-cache', credentials: 'omit' }))
    .then((answer) => (answer.ok ? answer.text() : null))
    .catch(() => null);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith('mivzak-shell-') && name !== SHELL).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The feed's URL, from the config last seen (kept in DATA across restarts). */
let feedUrl = null;

function feedFromConfig(text) {
  let config = null;
  try {
    config = JSON.parse(text);
  } catch {
    /* the defaults, as the app does */
  }
  return self.MivzakConfig.feedUrl(config, CONFIG_URL);
}

async function knownFeedUrl() {
  if (feedUrl) return feedUrl;
  const kept = await caches.open(DATA).then((cache) => cache.match(CONFIG_URL));
  feedUrl = feedFromConfig(kept ? await kept.text() : '{}');
  return feedUrl;
}

/**
 * Whether an answer is worth keeping as "the last good" one: config.json a JSON
 * object; the feed a JSON Feed with items, or an RSS, RDF or Atom document (the
 * app reads it by its content, whatever its type: src/feed/read.rs). Not an error
 * page a portal or a proxy answered with 200.
 */
function isGood(url, bytes) {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  if (url !== CONFIG_URL && isXml(text)) return /<(?:[\w-]+:)?(?:rss|RDF|feed)[\s>]/.test(text.slice(0, 8192));
  try {
    const value = JSON.parse(text);
    if (url === CONFIG_URL) return value !== null && typeof value === 'object' && !Array.isArray(value);
    return value !== null && typeof value === 'object' && Array.isArray(value.items);
  } catch {
    return false;
  }
}

async function freshOrKept(request) {
  const cache = await caches.open(DATA);
  let answer;
  try {
    answer = await fetch(request);
  } catch (error) {
    const kept = await cache.match(request.url);
    if (!kept) throw error;
    return kept;
  }
  if (answer.ok) {
    // Bytes, not text: a feed in windows-1255 must be kept as it came, with the
    // Content-Type whose charset may name its encoding.
    const bytes = await answer
      .clone()
      .arrayBuffer()
      .catch(() => null);
    if (bytes !== null && isGood(request.url, bytes)) {
      if (request.url === CONFIG_URL) feedUrl = feedFromConfig(new TextDecoder().decode(bytes));
      const headers = new Headers(answer.headers);
      headers.set(SAVED_HEADER, String(Date.now()));
      await cache.put(request.url, new Response(bytes, { status: 200, headers }));
    }
  }
  return answer;
}

async function page(request) {
  try {
    return await fetch(request);
  } catch (error) {
    // Every route of the app is index.html; the embedded ticker is not kept.
    if (new URL(request.url).pathname.endsWith('/embed.html')) throw error;
    const kept = await caches.match(new URL('index.html', SCOPE).href, { cacheName: SHELL });
    if (!kept) throw error;
    return kept;
  }
}

async function asset(request) {
  const kept = await caches.match(request, { cacheName: SHELL });
  return kept || fetch(request);
}

/** An ON_USE file: the kept copy, else the network's, kept for next time. */
async function assetOnUse(request) {
  const cache = await caches.open(SHELL);
  const kept = await cache.match(request);
  if (kept) return kept;
  const answer = await fetch(request);
  if (answer.ok) await cache.put(request, answer.clone());
  return answer;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  const url = request.url;
  if (SHELL_URLS.has(url)) {
    event.respondWith(asset(request));
    return;
  }
  if (ON_USE_URLS.has(url)) {
    event.respondWith(assetOnUse(request));
    return;
  }
  if (request.destination !== '') return; // images, scripts of others: the browser's
  if (url === CONFIG_URL || url === feedUrl) {
    event.respondWith(freshOrKept(request));
  } else if (!feedUrl) {
    // Just started, the config not read yet: find out, then decide.
    event.respondWith(knownFeedUrl().then((feed) => (url === feed ? freshOrKept(request) : fetch(request))));
  }
});
