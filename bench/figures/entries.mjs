// 9. Per entry (issue 16): what a first visit fetches until the network is quiet
// (brotli 11, the service worker blocked so its precache is left out), and how
// soon the app takes a click: interactive (a click on a flash handled by the app,
// not by a full page load) and click to article, on a slow phone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDir } from '../../tests/e2e/support/static-server.js';
import { CPU_SLOWDOWN, SLOW_4G } from '../lib/chromium.mjs';
import { DEBUG, figure, median, RUNS } from '../lib/figures.mjs';
import { brotli, networkQuiet, SAMPLE, site } from '../lib/site.mjs';

/** Brotli bytes of what `s` answered since request number `from`, wasm apart. */
function bytesSince(s, from) {
  let total = 0;
  let wasm = 0;
  const loaded = s.requests.slice(from).filter((r) => r.status === 200 && r.method === 'GET');
  for (const r of loaded) {
    if (/\.json$/.test(r.path)) continue; // the feed and config are the reader's news, not the app
    let file = path.join(s.root, decodeURIComponent(r.path));
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(s.root, 'index.html');
    const size = brotli(fs.readFileSync(file));
    total += size;
    if (r.path.endsWith('.wasm')) wasm += size;
  }
  if (DEBUG) console.log(loaded.map((r) => r.path));
  return { total, wasm };
}

/** No idle callbacks (nor the timer that stands in for them without
 *  requestIdleCallback): the app's idle prefetch of chunks never starts. */
const HOLD_IDLE = () => {
  window.requestIdleCallback = () => 0;
};

/** A phone on slow 4G with a 4x slower CPU, nothing cached. */
async function slowPhone(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}

/** From navigation start until a click on a flash link is taken without a full
 *  page load (its default prevented by the app's router; before it, a click is
 *  the browser's, which on a published page loads the published file): a
 *  synthetic click every 25 ms, with a listener added last that notes whether
 *  anyone took it and stops a full load. */
const PROBE_CLICKS = () => {
  window.__interactive = 0;
  const probe = setInterval(() => {
    const link = document.querySelector('.flashes .flash a');
    if (!link) return;
    let taken = false;
    const last = (event) => {
      taken = event.defaultPrevented;
      event.preventDefault();
    };
    window.addEventListener('click', last);
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(event);
    window.removeEventListener('click', last);
    if (taken) {
      window.__interactive = performance.now();
      clearInterval(probe);
    }
  }, 25);
};

/** Notes in `window.__seen` when `selector` is first on screen (ms from navigation). */
const WATCH_FOR = (selector) => {
  window.__seen = 0;
  const observer = new MutationObserver(() => {
    // On screen: the app builds its view hidden beside the shell first (src/mount.rs).
    if (window.__seen || !document.querySelector(selector)?.getClientRects().length) return;
    window.__seen = -1;
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__seen = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
};

/** Milliseconds from calling `act` in the page until `selector` is on screen. */
const timeTo = (page, selector, act) =>
  page.evaluate(
    ({ selector, act }) =>
      new Promise((resolve) => {
        const start = performance.now();
        const done = () => {
          if (!document.querySelector(selector)) return false;
          requestAnimationFrame(() => resolve(performance.now() - start));
          return true;
        };
        const observer = new MutationObserver(() => done() && observer.disconnect());
        observer.observe(document, { childList: true, subtree: true, characterData: true });
        if (act === 'click') document.querySelector('.flashes .flash a').click();
        if (done()) observer.disconnect();
      }),
    { selector, act },
  );

export async function entries(browser) {
  const s = await site();
  const article = SAMPLE.items.find((item) => item.tags?.length) ?? SAMPLE.items[0];
  const tag = article.tags?.[0] ?? '';
  const hostRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-host-'));
  fs.writeFileSync(
    path.join(hostRoot, 'index.html'),
    `<!DOCTYPE html><html><body><div data-mivzak-ticker data-count="8"></div><script src="${s.url}embed.js" async></script></body></html>`,
  );
  const host = await serveDir(hostRoot);
  const onlyEntries = process.env.BENCH_ENTRIES ? process.env.BENCH_ENTRIES.split(',') : null;
  try {
    // First-load bytes per entry (deterministic: one run), with the idle prefetch
    // of the other chunks held back (what the entry itself needs), then with it.
    for (const [label, url, ready] of [
      ['home', s.url, '.flashes .flash'],
      ['article', `${s.url}article/${encodeURIComponent(article.id)}`, 'article h1'],
      ['tag', `${s.url}tag/${encodeURIComponent(tag)}`, '.tag-page .article-card'],
      ['embed', host.url, null],
    ]) {
      if (onlyEntries && !onlyEntries.includes(label)) continue;
      const bytes = {};
      for (const idle of [false, true]) {
        const context = await browser.newContext({ serviceWorkers: 'block' });
        const page = await context.newPage();
        if (!idle) await page.addInitScript(HOLD_IDLE);
        const before = s.requests.length;
        await page.goto(url, { waitUntil: 'commit' });
        const shown = { timeout: 120_000 };
        if (ready) await page.locator(ready).first().waitFor(shown);
        else await page.frameLocator('iframe').locator('.flash').first().waitFor(shown);
        await networkQuiet(s, 1500);
        bytes[idle] = bytesSince(s, before);
        await context.close();
      }
      const { total, wasm } = bytes[false];
      figure(
        `${label}.first_load.br`,
        total / 1024,
        'KB',
        `wasm ${(wasm / 1024).toFixed(1)} KB; until quiet, idle prefetch held back`,
      );
      figure(
        `${label}.idle_prefetch.br`,
        (bytes[true].total - total) / 1024,
        'KB',
        'the other chunks, fetched when idle',
      );
    }

    // Interactive, deep link to an article, and click to article, on a slow phone.
    const interactive = [];
    const deepLink = [];
    const click = [];
    const earlyArticle = [];
    const routerLive = [];
    for (let i = 0; i < RUNS; i++) {
      let context = await browser.newContext();
      let page = await context.newPage();
      await slowPhone(context, page);
      await page.addInitScript(PROBE_CLICKS);
      await page.addInitScript(WATCH_FOR, 'article h1');
      await page.goto(s.url);
      await page.waitForFunction(() => window.__interactive > 0, null, { timeout: 60_000, polling: 100 });
      interactive.push(await page.evaluate(() => window.__interactive));
      // The probe's click took the page to an article, which the app draws when it
      // comes: back home, the app idle there (any prefetch done), then a click on a flash.
      await page.waitForFunction(() => window.__seen > 0, null, { timeout: 60_000, polling: 100 });
      earlyArticle.push(await page.evaluate(() => window.__seen));
      routerLive.push(
        await page.evaluate(() => performance.getEntriesByName('mivzak:router-live')[0]?.startTime ?? Number.NaN),
      );
      await page.goBack();
      await page.locator('.flashes .flash a').first().waitFor({ timeout: 60_000 });
      await networkQuiet(s, 2000);
      click.push(await timeTo(page, 'article h1', 'click'));
      await context.close();

      context = await browser.newContext();
      page = await context.newPage();
      await slowPhone(context, page);
      await page.addInitScript(WATCH_FOR, 'article h1');
      await page.goto(`${s.url}article/${encodeURIComponent(article.id)}`);
      await page.waitForFunction(() => window.__seen > 0, null, { timeout: 60_000, polling: 100 });
      deepLink.push(await page.evaluate(() => window.__seen));
      await context.close();
      if (DEBUG) console.log('run', i, interactive.at(-1), click.at(-1), deepLink.at(-1));
    }
    const phone = `${CPU_SLOWDOWN}x CPU, slow 4G`;
    figure(
      'home.interactive',
      median(interactive),
      'ms',
      `${phone}: a click on a flash taken without a full page load (the app's router)`,
    );
    figure('home.router_live', median(routerLive), 'ms', `${phone}: the app's router takes clicks itself`);
    figure(
      'home.early_click_to_article',
      median(earlyArticle),
      'ms',
      `${phone}: from navigation, the article a click at "interactive" asked for on screen`,
    );
    figure('home.click_to_article', median(click), 'ms', `${phone}, after the network is quiet`);
    figure(
      'article.deep_link_to_article',
      median(deepLink),
      'ms',
      `${phone}: navigation to the article's headline on screen`,
    );
  } finally {
    await host.close();
    fs.rmSync(hostRoot, { recursive: true, force: true });
    await s.close();
  }
}
