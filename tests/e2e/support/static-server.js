// A plain static file server, set up the way CDNs serve a single-page app:
// files as they are, with ETag and Last-Modified revalidation (304), and
// index.html for any path that is not a file. Tests can mount it under a
// sub-path, add response headers, and make one path misbehave for a while.

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { headersFile, matches, parseHeaders } from '../../../scripts/security-headers.mjs';

/** The file's stat, or undefined when there is none (or its name is too long to be one). */
function statOf(file) {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

const PROBE_SCRIPT = '/__mivzak-probe.js';
const PROBE_REPORT = '/__mivzak-probe';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/**
 * Answers as a failing server would. `mode`: 'stall' sends the headers and then
 * nothing; 'trickle' sends the body a little at a time; 'reset' sends half the
 * body and drops the connection; 'lose-answer' (on a proxied path) forwards the
 * request and never answers. Otherwise `status`, `headers` and `body` as given.
 */
function misbehave(req, res, fault) {
  const body = Buffer.from(fault.body ?? 'fault');
  const headers = fault.headers ?? { 'content-type': 'text/plain' };
  if (fault.mode === 'stall') {
    res.writeHead(fault.status, headers);
    res.flushHeaders();
    return; // never ends; the client has to give up
  }
  if (fault.mode === 'reset') {
    res.writeHead(fault.status, { ...headers, 'content-length': body.length });
    res.write(body.subarray(0, body.length >> 1), () => setTimeout(() => req.socket.destroy(), 50));
    return;
  }
  if (fault.mode === 'trickle') {
    res.writeHead(fault.status, { ...headers, 'content-length': body.length });
    let at = 0;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      res.write(body.subarray(at, at + fault.chunk));
      at += fault.chunk;
      if (at >= body.length) {
        clearInterval(timer);
        res.end();
      }
    }, fault.every ?? 100);
    return;
  }
  res.writeHead(fault.status, headers);
  res.end(body);
}

/**
 * Serves `root` on a free port of 127.0.0.1.
 * options.base: the sub-path the site lives under ("/news/"), default "/".
 * options.headers: extra headers on every answer.
 * options.fallback: serve the app's shell (shell.html, else index.html) for unknown paths (default true).
 * options.securityHeaders: apply the `_headers` rules the build writes (the CSP),
 *   recomputed from the served config.json so a test's own origins are allowed.
 * options.compress: answer with brotli or gzip as the client accepts, compressed
 *   once per file at the highest level, the way a CDN serves precompressed files.
 * options.types: Content-Types by path under the base (`{ 'feed.xml': 'text/html' }`),
 *   for feeds served as newsrooms serve them; `null` sends none.
 * options.editPolicy: changes each Content-Security-Policy value before it is sent
 *   (a test serving a policy that lacks something).
 * options.probe: the source of an in-page error probe (engines/probe.js): every
 *   HTML page gets it as its first script, served from this origin (so the CSP
 *   allows it), and what it POSTs to /__mivzak-probe is kept in `probeReports`.
 */
export async function serveDir(root, options = {}) {
  const base = options.base ?? '/';
  const fallback = options.fallback ?? true;
  const faults = new Map();
  const compressed = new Map();
  const proxies = [];
  const requests = [];
  const delays = [];
  const probeReports = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const entry = { method: req.method, path: url.pathname, headers: req.headers, status: 0, at: Date.now() };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
      entry.done = Date.now();
    });
    const delay = delays.find(([pattern]) => pattern.test(url.pathname));
    if (!delay) return answer(req, res, url, entry);
    const timer = setTimeout(() => {
      held.delete(timer);
      answer(req, res, url, entry);
    }, delay[1]);
    held.add(timer);
  });
  // Answers still held back when the server closes are dropped with it.
  const held = new Set();
  function answer(req, res, url, entry) {
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    if (options.securityHeaders) {
      const added = {};
      for (const rule of parseHeaders(headersFile(root))) {
        if (!matches(rule.pattern, url.pathname)) continue;
        for (const [name, value] of rule.headers) {
          added[name] ??= [];
          added[name].push(value);
        }
      }
      for (const [name, values] of Object.entries(added)) {
        const edit = options.editPolicy && /^content-security-policy$/i.test(name) ? options.editPolicy : (v) => v;
        res.setHeader(name, values.map(edit));
      }
    }
    if (options.probe && url.pathname === PROBE_SCRIPT) {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
      res.end(options.probe);
      return;
    }
    if (options.probe && url.pathname === PROBE_REPORT && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        try {
          probeReports.push(JSON.parse(body));
        } catch {
          probeReports.push({ kind: 'probe', detail: `unreadable report: ${body.slice(0, 200)}` });
        }
        res.writeHead(204);
        res.end();
      });
      return;
    }
    const fault = faults.get(url.pathname);
    // 'lose-answer': the request goes through to the server behind, but its answer
    // never comes back, as when a connection drops on the way back.
    const loseAnswer = fault?.mode === 'lose-answer';
    if (fault && !loseAnswer) {
      // `times`: the fault answers that many requests, then the path works again.
      if (fault.times !== undefined && --fault.times <= 0) faults.delete(url.pathname);
      misbehave(req, res, fault);
      return;
    }
    const proxy = proxies.find(([prefix]) => url.pathname.startsWith(prefix));
    if (proxy) {
      const [prefix, target] = proxy;
      const upstream = http.request(
        target + url.pathname.slice(prefix.length) + url.search,
        {
          method: req.method,
          headers: { ...req.headers, host: new URL(target).host },
        },
        (answer) => {
          if (loseAnswer) {
            answer.resume();
            return;
          }
          res.writeHead(answer.statusCode, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end('bad gateway');
      });
      req.pipe(upstream);
      return;
    }
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      rel = url.pathname.slice(base.length);
    }
    let file = path.join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403);
      res.end();
      return;
    }
    let stat = statOf(file);
    if (stat?.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = statOf(file);
    }
    // A missing file of a kind the site serves (a script, the feed) is a 404; any
    // other path is the app's (an article id may end in ".co.il/" or be "~."), and
    // so is anything under its id routes, whatever it ends in (a micro.blog id ends
    // in ".html", a CMS id may end in ".json"), as `_redirects` has it on a CDN.
    const appRoute = /^\/?(article|tag)\//.test(rel);
    if (!stat && fallback && (appRoute || !TYPES[path.extname(rel)])) {
      // The app's shell: shell.html once mivzak-render has made index.html the
      // rendered home page (its _redirects says the same), else index.html.
      file = path.join(root, 'shell.html');
      if (!statOf(file)) file = path.join(root, 'index.html');
      stat = fs.statSync(file, { throwIfNoEntry: false });
    }
    if (!stat) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    let body = fs.readFileSync(file);
    if (options.probe && file.endsWith('.html')) {
      body = Buffer.from(
        String(body).replace(/<head[^>]*>/i, (head) => `${head}<script src="${PROBE_SCRIPT}"></script>`),
      );
    }
    const etag = `"${crypto.createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const headers = {
      'content-type':
        options.types && rel in options.types
          ? options.types[rel]
          : (TYPES[path.extname(file)] ?? 'application/octet-stream'),
      etag,
      'last-modified': stat.mtime.toUTCString(),
      'cache-control': 'no-cache',
    };
    if (!headers['content-type']) delete headers['content-type'];
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    let sent = body;
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = options.compress && (/\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null);
    if (encoding) {
      const key = `${file}:${etag}:${encoding}`;
      if (!compressed.has(key)) {
        compressed.set(
          key,
          encoding === 'br'
            ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
            : zlib.gzipSync(body, { level: 9 }),
        );
      }
      sent = compressed.get(key);
      headers['content-encoding'] = encoding;
      headers.vary = 'accept-encoding';
    }
    entry.bytes = sent.length;
    res.writeHead(200, { ...headers, 'content-length': sent.length });
    res.end(req.method === 'HEAD' ? undefined : sent);
  }
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + base,
    root,
    requests,
    probeReports,
    /** Forwards requests under `prefix` ("/isso/") to `target`, as a CDN in front of a server would. */
    proxy(prefix, target) {
      proxies.push([prefix, target]);
    },
    /** Holds every answer for a path matching `pattern` for `ms` first, as a slow
     *  link would, until the function it returns is called. */
    slow(pattern, ms) {
      const delay = [pattern, ms];
      delays.push(delay);
      return () => delays.splice(delays.indexOf(delay), 1);
    },
    /** Answers `pathname` with `status` until `heal` is called, or `extra.times` times. */
    fail(pathname, status, extra = {}) {
      faults.set(pathname, { status, ...extra });
    },
    heal(pathname) {
      faults.delete(pathname);
    },
    close: () =>
      new Promise((resolve) => {
        for (const timer of held) clearTimeout(timer);
        server.close(resolve);
        server.closeAllConnections?.();
      }),
  };
}
