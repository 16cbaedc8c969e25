// FRESH_INLINE=1: a site copy's index.html gets public/early-clicks.js and
// public/start-watch.js as they are in the work tree, in place of the copies the
// build inlined, to try a change to them before the next `make build` (the test
// server hashes inline scripts for the CSP from the page it serves).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The commit dist/ was built from. */
const BUILT_AT = process.env.FRESH_BUILT_AT ?? '2c468b8';

export function inlineCurrentScripts(root) {
  if (!process.env.FRESH_INLINE) return;
  const page = path.join(root, 'index.html');
  let html = fs.readFileSync(page, 'utf8');
  for (const file of ['public/early-clicks.js', 'public/start-watch.js']) {
    const built = execFileSync('git', ['show', `${BUILT_AT}:${file}`], { encoding: 'utf8', cwd: project });
    const now = fs.readFileSync(path.join(project, file), 'utf8');
    if (!html.includes(built)) throw new Error(`${file}: the copy built at ${BUILT_AT} is not in index.html`);
    html = html.replace(built, () => now);
  }
  fs.writeFileSync(page, html);
}

/** FRESH_INLINE=1: the site copy's split loader gets scripts/split-loader.mjs's
 *  changes, as `make build` now writes them (a no-op on a dist built with them). */
export async function currentSplitLoader(root) {
  if (!process.env.FRESH_INLINE) return;
  const { withChunkTimeout } = await import(path.join(project, 'scripts/split-loader.mjs'));
  const loader = fs.readdirSync(root).find((file) => /^mivzak-[0-9a-f]+-split\.js$/.test(file));
  const source = fs.readFileSync(path.join(root, loader), 'utf8');
  if (!source.includes('AbortSignal.timeout(')) fs.writeFileSync(path.join(root, loader), withChunkTimeout(source));
}
