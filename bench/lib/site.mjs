// The release dist/ served as a CDN would (precompressed brotli and gzip), in a
// copy of its own per measurement, and the feeds and polls the figures need.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { serveDir } from '../../tests/e2e/support/static-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository's root. */
export const ROOT = path.resolve(here, '../..');
/** The release build that `make build` writes. */
export const DIST = path.join(ROOT, 'dist');
/** The sample feed and config as built into dist/. */
export const SAMPLE = JSON.parse(fs.readFileSync(path.join(DIST, 'feed.json'), 'utf8'));
export const CONFIG = JSON.parse(fs.readFileSync(path.join(DIST, 'config.json'), 'utf8'));

const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'cross-origin',
};

/** A copy of dist/ with these files (strings as they are, anything else as JSON),
 *  served compressed; `isolate` adds COOP/COEP, which
 *  `measureUserAgentSpecificMemory` needs (and which Lighthouse hangs on);
 *  `headers` are sent with every answer.
 *  `write(name, json)` replaces a file while it is served; `close()` removes the copy. */
export async function site(files = {}, { isolate = false, headers = {} } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-bench-'));
  fs.cpSync(DIST, root, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(root, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  const server = await serveDir(root, { compress: true, headers: { ...(isolate ? ISOLATION : {}), ...headers } });
  return {
    ...server,
    root,
    write: (name, content) => fs.writeFileSync(path.join(root, name), JSON.stringify(content)),
    async close() {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The sample feed with `extra` then `n` generated flashes, a minute apart back from 14:00. */
export function feedOf(n, extra = []) {
  const items = [...extra];
  for (let i = 0; i < n; i++) {
    const minutes = 14 * 60 - i;
    const hh = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
    const mm = String(((minutes % 60) + 60) % 60).padStart(2, '0');
    items.push({
      id: `item-${i}`,
      title: `מבזק מספר ${i} על Windows 11 ו-TikTok`,
      summary: 'תקציר קצר של הכתבה',
      date_published: `2024-12-27T${hh}:${mm}:00+02:00`,
    });
  }
  return { ...SAMPLE, items };
}

/** How many answered requests for the feed `served` has seen. */
export const feedPolls = (served) => served.requests.filter((r) => r.path === '/feed.json' && r.status).length;

/** Polls at once by telling the app its tab became visible again. */
export const pollNow = (page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

/** Waits (up to 2 s) until `served` has answered more than `before` feed requests. */
export async function waitForPoll(served, before) {
  for (let i = 0; i < 200 && feedPolls(served) <= before; i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Brotli bytes of `body` at quality 11, as a CDN precompresses. */
export const brotli = (body) =>
  zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Waits until `served` has seen no new request for `quietMs`. */
export async function networkQuiet(served, quietMs = 1000) {
  let count = served.requests.length;
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    await new Promise((r) => setTimeout(r, 50));
    if (served.requests.length !== count) {
      count = served.requests.length;
      since = Date.now();
    }
  }
}
