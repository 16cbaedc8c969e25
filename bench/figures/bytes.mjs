// 1. First-load bytes over the wire, of the app and of the embedded ticker on a
// host page, by kind, at brotli 11 and gzip 9.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { serveDir } from '../../tests/e2e/support/static-server.js';
import { DEBUG, figure } from '../lib/figures.mjs';
import { site } from '../lib/site.mjs';

const kind = (p) =>
  p.endsWith('.wasm')
    ? 'wasm'
    : p.endsWith('.js')
      ? 'js'
      : p.endsWith('.css')
        ? 'css'
        : p.endsWith('.json')
          ? 'json'
          : /\.(svg|png|ico|jpg)$/.test(p)
            ? 'image'
            : 'html';

const compressed = (body, encoding) =>
  encoding === 'br'
    ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length
    : zlib.gzipSync(body, { level: 9 }).length;

export async function firstLoadBytes(browser) {
  const s = await site();
  try {
    const hostRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-host-'));
    fs.writeFileSync(
      path.join(hostRoot, 'index.html'),
      `<!DOCTYPE html><html><body><div data-mivzak-ticker data-count="8"></div><script src="${s.url}embed.js" async></script></body></html>`,
    );
    const host = await serveDir(hostRoot);
    for (const [label, url, wait] of [
      ['app', s.url, '.flashes .flash'],
      ['embed', host.url, null],
    ]) {
      const page = await browser.newPage();
      const before = s.requests.length;
      await page.goto(url);
      if (wait) await page.locator(wait).first().waitFor();
      else await page.frameLocator('iframe').locator('.flash').first().waitFor();
      await page.waitForTimeout(300);
      const loaded = s.requests.slice(before).filter((r) => r.status === 200 && r.method === 'GET');
      if (DEBUG) console.log(loaded.map((r) => r.path));
      for (const encoding of ['br', 'gzip']) {
        const totals = { html: 0, js: 0, wasm: 0, css: 0, json: 0, image: 0 };
        for (const r of loaded) {
          let file = path.join(s.root, r.path);
          if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(s.root, 'index.html');
          totals[kind(r.path)] += compressed(fs.readFileSync(file), encoding);
        }
        for (const [k, v] of Object.entries(totals)) figure(`${label}.first_load.${encoding}.${k}`, v / 1024, 'KB');
        figure(
          `${label}.first_load.${encoding}.total_without_feed`,
          (totals.html + totals.js + totals.wasm + totals.css) / 1024,
          'KB',
        );
      }
      await page.close();
    }
    await host.close();
    fs.rmSync(hostRoot, { recursive: true, force: true });
  } finally {
    await s.close();
  }
}
