// A site for one test, in any browser: a copy of the built dist/ in a temporary
// folder, with the config and feed the test asks for, served by the plain static
// server. The Playwright fixtures (site.js) and the cross-engine suite
// (engines/) both use it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir } from './static-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '../../../dist');
/** The same build with `--public-url /news/`. */
export const DIST_NEWS = path.resolve(here, '../../../target/dist-news');
/** mivzak-render as `make` built it: `make test` builds it in the dev profile and
 *  names it in MIVZAK_RENDER; `make build` alone in the render profile. */
export const RENDER = process.env.MIVZAK_RENDER ?? path.resolve(here, '../../../target/render/mivzak-render');
export const SAMPLE_FEED = JSON.parse(fs.readFileSync(path.join(DIST, 'feed.json'), 'utf8'));
export const SAMPLE_CONFIG = JSON.parse(fs.readFileSync(path.join(DIST, 'config.json'), 'utf8'));

/** The sample feed's own "now": 27 December 2024, 13:00 UTC, in seconds. */
export const SAMPLE_NOW = Date.UTC(2024, 11, 27, 13, 0) / 1000;

/** Runs mivzak-render on the site folder `root` (`SOURCE_DATE_EPOCH` set to
 *  `now`, in seconds; the renderer's clock when `null`), and throws with its
 *  output unless it succeeds. Returns the run (`stdout`, `stderr`). */
export function publish(root, { now = SAMPLE_NOW } = {}) {
  const env = { ...process.env };
  if (now === null) delete env.SOURCE_DATE_EPOCH;
  else env.SOURCE_DATE_EPOCH = String(now);
  const run = spawnSync(RENDER, ['--dist', root], { encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`mivzak-render exited with ${run.status}: ${run.stderr}`);
  return run;
}

/** Copies dist/ and starts a server; `config` and `files` override what is there.
 *  `types`: Content-Types by path (static-server.js); `probe`: add the cross-engine suite's error probe to every page; `editPolicy`:
 *  change the served Content-Security-Policy (both in static-server.js). */
export async function makeSite({
  config,
  files = {},
  base: sub = '/',
  headers,
  types,
  dist = DIST,
  probe,
  editPolicy,
} = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-site-'));
  fs.cpSync(dist, root, { recursive: true });
  if (config) fs.writeFileSync(path.join(root, 'config.json'), JSON.stringify({ ...SAMPLE_CONFIG, ...config }));
  for (const [name, content] of Object.entries(files)) writeFile(root, name, content);
  // Served with the Content-Security-Policy the build writes, as a CDN would.
  const server = await serveDir(root, { base: sub, headers, types, securityHeaders: true, probe, editPolicy });
  return {
    ...server,
    /** The folder served (mivzak-render writes into it). */
    root,
    write: (name, content) => writeFile(root, name, content),
    remove: (name) => fs.rmSync(path.join(root, name), { force: true }),
    async close() {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

function writeFile(root, name, content) {
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a poll never reads half a file.
  const bytes = typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content);
  fs.writeFileSync(`${file}.tmp`, bytes);
  fs.renameSync(`${file}.tmp`, file);
}
