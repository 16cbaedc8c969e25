// The built site for a sub-path without building it again: `node scripts/subpath.mjs
// FROM TO /news/` copies the release dist/ FROM to TO as `trunk build --public-url
// /news/` would have written it. Then write TO's service worker and headers
// (scripts/service-worker.mjs, security-headers.mjs) for its own base.
//
// What the public URL changes in trunk 0.21's output (compared file by file with a
// second release build under /news/, which wrote the same wasm and JS byte for byte):
// - each page's `<base href="/">`;
// - root-absolute references to trunk's hashed files (`/mivzak-<hash>…`,
//   `/embed-<hash>…`, `/article-<hash>.css`, the names read from FROM's files) in the pages: the module
//   import, the preloads, the style sheets' links, and the chunk list of scripts/split-loader.mjs.
// - `_redirects` (Netlify, Cloudflare Pages): its rules' paths, so the fallback to the
//   app's shell covers the sub-path's routes and serves the sub-path's shell.
// Nothing else holds the public URL: the app reads its base from `<base href>` at run
// time (src/paths.rs), and public/ is copied as it is (`_headers` is written after,
// by scripts/security-headers.mjs, from the page's `<base href>`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A segment of a clean path: letters and digits of any script (`/חדשות/`), marks,
 *  `-`, `.`, `_`, `~`, and percent-escapes already made. */
const SEGMENT = /^(?:[\p{L}\p{N}\p{M}._~-]|%[0-9A-Fa-f]{2})+$/u;

/** The sub-path `arg` (`/news/`, `/he/חדשות/`) as the browser sends it: the
 *  `<base href>` and the paths of `_redirects`, each segment percent-encoded as
 *  the URL Standard's path encoding does for these characters. Throws unless `arg`
 *  is a clean absolute folder: it starts and ends with `/`, has no empty segment,
 *  no `.` or `..` (escaped or not: the browser resolves them, `/../` leaves the
 *  host's root), nor anything but the characters of [`SEGMENT`]. */
export function publicUrl(arg) {
  if (typeof arg !== 'string' || !arg.startsWith('/') || !arg.endsWith('/') || arg === '/')
    throw new Error(`${JSON.stringify(arg)}: not a folder path such as /news/`);
  const segments = arg.slice(1, -1).split('/');
  return `/${segments
    .map((segment) => {
      let decoded = null;
      try {
        decoded = decodeURIComponent(segment);
      } catch {}
      if (!SEGMENT.test(segment) || decoded === null || !SEGMENT.test(decoded) || /^\.{1,2}$/.test(decoded))
        throw new Error(`${JSON.stringify(arg)}: ${JSON.stringify(segment)} is not a clean path segment`);
      return encodeURIComponent(decoded.normalize('NFC'));
    })
    .join('/')}/`;
}

/** `_redirects` as it reads under `base`: every rule's source and root-relative
 *  target moved under it (`/*  /shell.html  200` → `/news/*  /news/shell.html  200`);
 *  comments, blank lines and absolute URLs as they were. */
export function rebaseRedirects(text, base) {
  const under = (target) => (target.startsWith('/') ? base + target.slice(1) : target);
  return text
    .split('\n')
    .map((line) => {
      if (!line.trim() || line.trim().startsWith('#')) return line;
      return line.replace(/^(\s*)(\S+)(\s+)(\S+)/, (_, lead, from, gap, to) => lead + under(from) + gap + under(to));
    })
    .join('\n');
}

/** The names trunk gave the files it hashed (`mivzak-<hash>`, `embed-<hash>`, `print-<hash>`: the
 * hash is a u64 in hex, without its leading zeros), from FROM's files: letters,
 * `_`, `-` and hex digits, nothing a regular expression would read. */
function referencesOf(from) {
  const hashed = [
    ...new Set(
      fs
        .readdirSync(from)
        .map((name) => /^([A-Za-z_]+-[0-9a-f]{1,16})(?:\.js|_bg\.wasm|\.css)$/.exec(name)?.[1])
        .filter(Boolean),
    ),
  ];
  if (hashed.length === 0)
    throw new Error(`${from}: no file of trunk's (name-hash.js, name-hash_bg.wasm, name-hash.css)`);
  return new RegExp(`(["'])/((?:${hashed.join('|')})[\\w.-]*)`, 'g');
}

/** `html` as trunk writes it for `base`; throws when the page has no `<base href="/">`. */
function rebase(html, base, references) {
  const root = '<base href="/">';
  if (html.split(root).length !== 2) throw new Error(`expected one ${root}`);
  return html.replace(root, `<base href="${base}">`).replace(references, (_, quote, file) => `${quote}${base}${file}`);
}

/** FROM copied to TO for the sub-path `base` (see [`publicUrl`]). */
export function subpath(from, to, arg) {
  const base = publicUrl(arg);
  const references = referencesOf(from);
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
  for (const name of fs.readdirSync(to).filter((name) => name.endsWith('.html'))) {
    const file = path.join(to, name);
    fs.writeFileSync(file, rebase(fs.readFileSync(file, 'utf8'), base, references));
  }
  const redirects = path.join(to, '_redirects');
  if (fs.existsSync(redirects)) fs.writeFileSync(redirects, rebaseRedirects(fs.readFileSync(redirects, 'utf8'), base));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [from, to, base] = process.argv.slice(2);
  try {
    if (!from || !to) throw new Error('FROM and TO are needed');
    publicUrl(base);
  } catch (error) {
    console.error(`${error.message}\nusage: node scripts/subpath.mjs FROM TO /sub/path/`);
    process.exit(2);
  }
  subpath(from, to, base);
}
