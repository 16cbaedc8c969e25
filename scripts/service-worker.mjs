// Writes the app shell's file list and a version into dist/sw.js (public/sw.js
// ships with an empty list and the version "dev", which `make serve` uses).
//
//   node scripts/service-worker.mjs dist
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] ?? 'dist';
// The app's page and what trunk built for it; not the data (the worker keeps the
// last good copy of that as it passes), and not the embedded ticker's files,
// which run in other sites' iframes, never under this worker.
const built = fs
  .readdirSync(dist)
  .filter((file) => !file.startsWith('embed'))
  .filter(
    (file) => /^(index\.html|favicon\.svg)$|\.(wasm|css)$/.test(file) || (file.endsWith('.js') && file !== 'sw.js'),
  )
  .sort();
// The RSS and Atom reader's chunk (src/feed/read.rs) is kept when it is first
// used, not precached: a JSON Feed site's readers never download it.
const onUse = built.filter((file) => /-split_xml_chunk\.wasm$/.test(file));
// The other chunks, kept at install only where the connection allows (sw.js):
// every chunk file but those the XML reader needs too, which an RSS or Atom site
// keeps with it (the split points' files, from the preload map that
// scripts/wasm-split.mjs writes into index.html).
const splitMap = fs.readFileSync(path.join(dist, 'index.html'), 'utf8').match(/var chunks = (\{[^;]*\});/);
const xmlNeeds = new Set((splitMap ? (JSON.parse(splitMap[1]).xml ?? []) : []).map((href) => href.split('/').pop()));
const chunks = built.filter(
  (file) => /-(split_\w+|chunk_\d+)\.wasm$/.test(file) && !onUse.includes(file) && !xmlNeeds.has(file),
);
const shell = built.filter((file) => !onUse.includes(file) && !chunks.includes(file));
const digest = crypto.createHash('sha256');
for (const file of built) digest.update(file).update(fs.readFileSync(path.join(dist, file)));
const version = digest.digest('hex').slice(0, 12);

const file = path.join(dist, 'sw.js');
const source = fs.readFileSync(file, 'utf8');
// Whatever the lines hold (public/sw.js's, or an earlier run's): a copy of a
// finished dist/ (scripts/subpath.mjs) is written anew.
const lines = [
  [/^const VERSION = '[^'\n]*';$/m, `const VERSION = '${version}';`],
  [/^const PRECACHE = \[[^\n]*\];$/m, `const PRECACHE = ${JSON.stringify(shell)};`],
  [/^const ON_USE = \[[^\n]*\];$/m, `const ON_USE = ${JSON.stringify(onUse)};`],
  [/^const CHUNKS = \[[^\n]*\];$/m, `const CHUNKS = ${JSON.stringify(chunks)};`],
];
if (!lines.every(([line]) => line.test(source)))
  throw new Error(`${file}: the VERSION, PRECACHE, ON_USE and CHUNKS lines were not found`);
const written = lines.reduce((text, [line, value]) => text.replace(line, value), source);
fs.writeFileSync(file, written);
console.log(
  `sw.js: version ${version}, ${shell.length} files kept for offline use, ${chunks.length} chunks where the connection allows`,
);
