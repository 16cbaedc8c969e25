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
// Nothing else holds the public URL: the app reads its base from `<base href>` at run
// time (src/paths.rs), and public/ is copied as it is.
import fs from 'node:fs';
import path from 'node:path';

const [from, to, base] = process.argv.slice(2);
if (!from || !to || !/^\/([\w.~-]+\/)+$/.test(base ?? '')) {
  console.error('usage: node scripts/subpath.mjs FROM TO /sub/path/');
  process.exit(2);
}

/** The names trunk gave the files it hashed (`mivzak-<hash>`, `embed-<hash>`, `print-<hash>`: the
 * hash is a u64 in hex, without its leading zeros), from FROM's files: letters,
 * `_`, `-` and hex digits, nothing a regular expression would read. */
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
const references = new RegExp(`(["'])/((?:${hashed.join('|')})[\\w.-]*)`, 'g');

/** `html` as trunk writes it for `base`; throws when the page has no `<base href="/">`. */
function rebase(html, base) {
  const root = '<base href="/">';
  if (html.split(root).length !== 2) throw new Error(`expected one ${root}`);
  return html.replace(root, `<base href="${base}">`).replace(references, (_, quote, file) => `${quote}${base}${file}`);
}

fs.rmSync(to, { recursive: true, force: true });
fs.cpSync(from, to, { recursive: true });
for (const name of fs.readdirSync(to).filter((name) => name.endsWith('.html'))) {
  const file = path.join(to, name);
  fs.writeFileSync(file, rebase(fs.readFileSync(file, 'utf8'), base));
}
