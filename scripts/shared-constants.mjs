// shared/constants.json, the values that Rust and the browser's scripts both
// need, as a classic script for the browser: `var MivzakShared = {…};`. Rust reads
// the same file at compile time (build.rs); node scripts `require` it as it is.
// Trunk runs this before each build (Trunk.toml, pre_build) and inlines the result
// first in index.html's and embed.html's <head>; scripts/post-build.sh gives it to
// sw.js (as shared-constants.js) and wraps it into embed.js. Generated into
// target/, never committed, so it cannot drift from the file.
//
//   node scripts/shared-constants.mjs [target/shared/constants.js]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The classic script that declares `MivzakShared`, from the file's text. */
export function sharedScript(jsonText) {
  return (
    '/* shared/constants.json (scripts/shared-constants.mjs): edit that file, not this copy. */\n' +
    `var MivzakShared = ${JSON.stringify(JSON.parse(jsonText))};\n`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const out = path.resolve(root, process.argv[2] ?? 'target/shared/constants.js');
  const script = sharedScript(fs.readFileSync(path.join(root, 'shared/constants.json'), 'utf8'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Unchanged, untouched: `trunk serve` would otherwise see a new file on every build.
  if (!fs.existsSync(out) || fs.readFileSync(out, 'utf8') !== script) fs.writeFileSync(out, script);
}
