// The split step that trunk does not run (issue 16): the app's (and the
// embed's: its RSS and Atom reader) `#[lazy]` functions cut out of its wasm into
// chunks that load when first called.
// cargo-leptos does the same for `--split`; this follows its order:
//
//   rustc's wasm (linked with --emit-relocs, build.rs)
//     -> wasm-split-cli (crates.io wasm_split_cli_support): the main module,
//        one .wasm per split point, and a JS loader the main module imports
//     -> wasm-bindgen --keep-lld-exports (the exports the chunks link to)
//     -> wasm-opt on each module (release)
//
// and puts the result where trunk's own output was, under trunk's hashed name
// (chunks and loader named after it, so one deployment never loads another's
// chunk), with the pages' integrity attributes recomputed.
//
//   node scripts/wasm-split.mjs STAGING_DIR   (from scripts/post-build.sh)
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withChunkTimeout } from './split-loader.mjs';

const staging = process.argv[2];
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(source, 'target');
// The app's page or the embed's: trunk names the glue after the binary.
const glue = fs.readdirSync(staging).find((file) => /^(mivzak|embed)-[0-9a-f]+\.js$/.test(file));
if (!glue) throw new Error(`wasm-split: no mivzak-*.js or embed-*.js in ${staging}`);
const bin = glue.split('-')[0];
const raw = path.join(targetDir, 'wasm32-unknown-unknown', profile, `${bin}.wasm`);
const tool = [process.env.WASM_SPLIT_CLI, path.join(source, '.tools/wasm-split/bin/wasm-split-cli')].find(
  (candidate) => candidate && fs.existsSync(candidate),
);

const stem = glue.slice(0, -'.js'.length);
if (!tool) throw new Error('wasm-split: no wasm-split-cli (make rust-tools installs it under .tools/wasm-split)');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-split-'));
try {
  execFileSync(tool, [raw, work, '--out-name', stem], { stdio: 'inherit' });
  const chunks = fs.readdirSync(work).filter((file) => file.endsWith('.wasm') && file !== `${stem}.wasm`);
  if (chunks.length === 0) {
    console.log('wasm-split: no split points, the wasm stays whole');
    process.exit(0);
  }
  execFileSync(
    'wasm-bindgen',
    [
      '--target=web',
      '--keep-lld-exports',
      '--no-demangle',
      '--no-typescript',
      `--out-dir=${path.join(work, 'bg')}`,
      `--out-name=${stem}`,
      path.join(work, `${stem}.wasm`),
    ],
    { stdio: 'inherit' },
  );
  const optimise = (from, to) => {
    if (profile === 'release') {
      execFileSync('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', from, '-o', to], {
        stdio: 'inherit',
      });
    } else fs.copyFileSync(from, to);
  };
  const loader = `${stem}-split.js`;
  optimise(path.join(work, 'bg', `${stem}_bg.wasm`), path.join(staging, `${stem}_bg.wasm`));
  fs.writeFileSync(
    path.join(staging, glue),
    fs
      .readFileSync(path.join(work, 'bg', `${stem}.js`), 'utf8')
      .replaceAll('from "./__wasm_split.js"', `from "./${loader}"`),
  );
  let loaderSource = fs.readFileSync(path.join(work, '__wasm_split.js'), 'utf8');
  for (const chunk of chunks) {
    optimise(path.join(work, chunk), path.join(staging, `${stem}-${chunk}`));
    loaderSource = loaderSource.replaceAll(`"./${chunk}"`, `"./${stem}-${chunk}"`);
  }
  fs.writeFileSync(path.join(staging, loader), withChunkTimeout(loaderSource));

  // trunk's integrity attributes name the files it wrote: name the ones written here.
  const integrity = (file) =>
    `sha384-${crypto
      .createHash('sha384')
      .update(fs.readFileSync(path.join(staging, file)))
      .digest('base64')}`;
  const splits = filesPerSplit(loaderSource);
  for (const page of ['index.html', '404.html'].filter((page) => fs.existsSync(path.join(staging, page)))) {
    const file = path.join(staging, page);
    let html = fs.readFileSync(file, 'utf8');
    for (const name of [glue, `${stem}_bg.wasm`]) {
      html = html.replace(
        new RegExp(`(href="[^"]*${name.replace('.', '\\.')}"[^>]*integrity=")[^"]*(")`),
        `$1${integrity(name)}$2`,
      );
    }
    const prefix = html.match(new RegExp(`href="([^"]*)${stem}_bg\\.wasm"`))?.[1];
    if (prefix === undefined) throw new Error(`wasm-split: ${page} has no preload of ${stem}_bg.wasm`);
    // The embed has no routes to preload for.
    if (bin === 'mivzak') html = html.replace('</head>', `${deepLinkPreload(splits, prefix)}</head>`);
    fs.writeFileSync(file, html);
  }
  console.log(`wasm-split: ${stem}: ${chunks.length} chunk(s): ${chunks.join(', ')}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

/** The files each split point loads, its own and the shared chunks it waits
 *  for, read from the loader wasm-split-cli wrote: `{ article: [...], tag: [...] }`
 *  for the split points `article_chunk` and `tag_chunk`. */
function filesPerSplit(source) {
  const fetched = (body) => body.match(/fetch\(new URL\("\.\/([^"]+)"/)?.[1];
  const shared = new Map();
  for (const [, name, body] of source.matchAll(/const (__chunk_\d+) = makeLoad\(([\s\S]*?)\n, \[/g)) {
    shared.set(name, fetched(body));
  }
  const splits = {};
  for (const [, name, body, deps] of source.matchAll(
    /export const __wasm_split_load_(\w+?)_chunk = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]\)\)/g,
  )) {
    const waits = deps
      .split(',')
      .map((dep) => dep.trim())
      .filter(Boolean);
    splits[name] = [fetched(body), ...waits.map((dep) => shared.get(dep))];
  }
  const files = Object.values(splits).flat();
  if (files.length === 0 || files.some((file) => !file)) {
    throw new Error('wasm-split: the loader is not written as this script reads it (filesPerSplit)');
  }
  return splits;
}

/** A deep link to a page drawn from a chunk (a split point named after its
 *  route: `article_chunk` for article/…, `tag_chunk` for tag/…) fetches the
 *  chunk beside the main wasm, not after it has started: one round trip and a
 *  download fewer before the page. The same request as the loader's `fetch`
 *  (cors, same-origin credentials), so the loader takes the preloaded answer. */
function deepLinkPreload(splits, prefix) {
  const routes = Object.fromEntries(
    Object.entries(splits).map(([name, files]) => [name, files.map((file) => prefix + file)]),
  );
  return `<script>(function () { var chunks = ${JSON.stringify(routes)}; var base = new URL(document.baseURI).pathname; var route = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length).split('/')[0] : ''; if (!Object.prototype.hasOwnProperty.call(chunks, route)) return; chunks[route].forEach(function (href) { var link = document.createElement('link'); link.rel = 'preload'; link.as = 'fetch'; link.crossOrigin = 'anonymous'; link.setAttribute('fetchpriority', 'low'); link.href = href; document.head.appendChild(link); }); })();</script>`;
}
