// A page published by mivzak-render, taken over by the app
// whose article and tag views are now wasm chunks. The published page is readable
// from the first paint; the takeover must not blank it while its chunk downloads
// (before the split, the app's view was there at the swap).
import { expect, publish, SAMPLE_CONFIG, SAMPLE_FEED, test } from '../support/site.js';

const ITEM = SAMPLE_FEED.items.find((item) => item.content_html || item.content_text);
const TAG = SAMPLE_FEED.items.find((item) => item.tags?.length).tags[0];

const PAGES = [
  { kind: 'article', url: `article/${encodeURIComponent(ITEM.id)}/`, heading: 'main article h1', chunk: 'article' },
  { kind: 'tag', url: `tag/${encodeURIComponent(TAG)}/`, heading: 'main .tag-page h1', chunk: 'tag' },
];

for (const [kind, chunkMs] of [
  ['article', 0],
  ['article', 3000],
  ['tag', 3000],
]) {
  const published = PAGES.find((p) => p.kind === kind);
  test(`a published ${kind} page taken over while its chunk is still coming (${chunkMs} ms more) stays on screen`, async ({
    page,
    siteWith,
  }) => {
    const site = await siteWith({ files: { 'feed.json': SAMPLE_FEED } });
    site.write('config.json', { ...SAMPLE_CONFIG, site_url: site.url });
    publish(site.root);
    // A phone: the page's chunk takes a while (the main wasm is not held back).
    if (chunkMs) site.slow(new RegExp(`-split_${published.chunk}_chunk\\.wasm$`), chunkMs);
    await page.setViewportSize({ width: 390, height: 500 });
    await page.addInitScript((selector) => {
      // Frames in which the page's heading is not on screen, from the first paint on.
      window.__blank = [];
      const look = () => {
        const heading = document.querySelector(selector);
        if (!heading?.getClientRects().length) window.__blank.push(performance.now());
        requestAnimationFrame(look);
      };
      addEventListener('DOMContentLoaded', () => requestAnimationFrame(look));
    }, published.heading);
    await page.goto(site.url + published.url);
    await expect(page.locator(published.heading)).toBeVisible();
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    await page.waitForTimeout(chunkMs + 2000);
    // Each frame is 16 ms: 16 frames are a quarter of a second of a blank page.
    expect(await page.evaluate(() => window.__blank.length), 'frames without the page on screen').toBe(0);
  });
}

test('a published page whose chunk does not load stays, its links followed by the browser', async ({
  browser,
  siteWith,
}) => {
  const site = await siteWith({ files: { 'feed.json': SAMPLE_FEED } });
  site.write('config.json', { ...SAMPLE_CONFIG, site_url: site.url });
  publish(site.root);
  // No service worker: the chunks' answers are the test's. The article's is
  // gone (a newer deployment), the tag's never comes (the network drops).
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(/-split_(article|tag)_chunk\.wasm$/, (route) =>
    /article/.test(route.request().url()) ? route.fulfill({ status: 404, body: 'gone' }) : route.abort(),
  );
  for (const published of PAGES) {
    await page.goto(site.url + published.url);
    await expect(page.locator('#app[data-kept]'), published.kind).toHaveCount(1);
    await expect(page.locator(published.heading), published.kind).toBeVisible();
    await expect(page.locator('.chunk-error:visible'), published.kind).toHaveCount(0);
  }
  await page.locator('.site-name').click();
  await expect(page).toHaveURL(site.url);
  await expect(page.locator('#app[data-live] .flashes .flash').first()).toBeVisible();
  await context.close();
});
