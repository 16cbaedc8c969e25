// The Content-Security-Policy that dist/ passes with no violation, computed from
// what the build produced: the hashes of trunk's inline loader, of the inlined
// critical CSS and of the style sheets published pages inline, and the feed and comments origins that config.json names (and, for
// embed.html, the feeds its `embed_feeds` lets embedders ask for).
//
//   node scripts/security-headers.mjs dist   writes dist/_headers and prints the policy
//
// Run it again after changing config.json, so connect-src follows the new origins.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Which feed config.json names: the rule the page and the service worker use.
const { feedUrl } = createRequire(import.meta.url)('../public/config-rules.js');

const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function inlineHashes(html, tag) {
  const found = [];
  const pattern = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'gi');
  for (const match of html.matchAll(pattern)) if (match[2].trim()) found.push(hash(match[2]));
  return found;
}

/** The hashes of the style sheets a published page may inline: the ones the app's
 *  page links after its head for every medium (no `media`), which mivzak-render puts
 *  into the head of every page but the home as `<style>` with the file's text as it
 *  is (src/publish/styles.rs). */
function sheetHashes(dist, html) {
  const base = (html.match(/<base href="([^"]*)"/) ?? [])[1] ?? '/';
  const body = html.slice(html.indexOf('</head>'));
  return [...body.matchAll(/<link rel="stylesheet"[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => !/\smedia=/.test(tag))
    .map((tag) => (tag.match(/\shref="([^"]*)"/) ?? [])[1])
    .filter((href) => href?.startsWith(base))
    .map((href) => path.join(dist, href.slice(base.length)))
    .filter((file) => fs.existsSync(file))
    .map((file) => hash(fs.readFileSync(file, 'utf8')));
}

function originOf(url, base) {
  try {
    return new URL(url, base).origin;
  } catch {
    return null;
  }
}

/** A `connect-src` source for an `embed_feeds` entry of config.json: absolute
 *  http(s) only, path kept (a path ending in `/` allows every feed under it, as
 *  src/embed/options.rs `feed_is_allowed` reads it), query and fragment dropped. */
function embedFeedSource(entry) {
  try {
    const url = new URL(entry);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    // `;` and `,` would end the directive or the policy; CSP compares decoded paths.
    return url.origin + url.pathname.replace(/[;,]/g, encodeURIComponent);
  } catch {
    return null;
  }
}

/** The policies for the app and for the embedded ticker, from a built dist/,
 *  and what in config.json was left out of them. */
export function policies(dist) {
  // The app's page and the embedded ticker's, each with its own inline loader.
  const html = ['index.html', 'embed.html']
    .map((page) => path.join(dist, page))
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
  const app = path.join(dist, 'index.html');
  const sheets = fs.existsSync(app) ? sheetHashes(dist, fs.readFileSync(app, 'utf8')) : [];
  let config = {};
  try {
    config = JSON.parse(fs.readFileSync(path.join(dist, 'config.json'), 'utf8'));
  } catch {}
  // Relative URLs resolve against the site itself: 'self' covers them.
  const site = 'https://site.invalid/';
  const remote = [feedUrl(config, `${site}config.json`), config.comments_url]
    .filter(Boolean)
    .map((url) => originOf(url, site))
    .filter((origin) => origin && origin !== new URL(site).origin);
  const connect = ["'self'", ...new Set(remote)];
  // The feeds an embedder may ask the ticker for: embed.html's connect-src only.
  const warnings = [];
  const embedFeeds = (Array.isArray(config.embed_feeds) ? config.embed_feeds : []).flatMap((entry) => {
    const source = typeof entry === 'string' ? embedFeedSource(entry) : null;
    if (!source)
      warnings.push(`config.json: embed_feeds entry ${JSON.stringify(entry)} is not an absolute http(s) URL; left out`);
    return source ? [source] : [];
  });
  const directives = (connectSources) => [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(inlineHashes(html, 'script'))].join(' ')}`.trim(),
    `style-src 'self' ${[...new Set([...inlineHashes(html, 'style'), ...sheets])].join(' ')}`.trim(),
    // Feed images and avatars come from wherever the publisher hosts them.
    "img-src 'self' https: data:",
    `connect-src ${[...new Set(connectSources)].join(' ')}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  const appConnect = `connect-src ${connect.join(' ')}`;
  const embed = directives([...connect, ...embedFeeds]);
  return {
    // Served for every path: the embedded ticker's.
    common: embed.join('; '),
    // Added for the app's pages (two policies both apply): no framing by others,
    // and none of the embed's extra feeds.
    appOnly: ["frame-ancestors 'self'", ...(embedFeeds.length ? [appConnect] : [])].join('; '),
    app: [...directives(connect), "frame-ancestors 'self'"].join('; '),
    // The ticker is made to be framed by other sites.
    embed: embed.join('; '),
    warnings,
  };
}

/** `_headers` in the format Netlify and Cloudflare Pages read. Matching rules add
 *  up there, so the app's pages get a second policy that forbids framing (and
 *  reading the embed's extra feeds), and the embedded ticker, made to be framed
 *  anywhere, does not. */
export function headersFile(dist) {
  const { common, appOnly } = policies(dist);
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const base = (html.match(/<base href="([^"]*)"/) ?? [])[1] ?? '/';
  // Every path but embed.html is the app (the fallback serves it for any route).
  const pages = ['', 'index.html', '404.html', 'article/*', 'tag/*', 'accessibility', 'accessibility/*'].map(
    (p) => base + p,
  );
  return [
    `${base}*`,
    `  Content-Security-Policy: ${common}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    ...pages.flatMap((page) => [page, `  Content-Security-Policy: ${appOnly}`]),
    '',
  ].join('\n');
}

/** The rules of a `_headers` text, for servers that apply them (the test server). */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else if (rules.length) {
      const at = line.indexOf(':');
      rules.at(-1).headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** Whether a `_headers` path pattern ("/article/*") matches a request path. */
export function matches(pattern, pathname) {
  return pattern.endsWith('*') ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  fs.writeFileSync(path.join(dist, '_headers'), headersFile(dist));
  const { app, embed, warnings } = policies(dist);
  for (const warning of warnings) console.warn(warning);
  console.log(`Content-Security-Policy (app):   ${app}`);
  console.log(`Content-Security-Policy (embed): ${embed}`);
}
