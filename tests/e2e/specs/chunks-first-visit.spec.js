// What a first visit to the home page downloads of the chunks.
// The idle prefetch (src/chunks.rs) and the service worker's install (sw.js's
// PRECACHE) both ask for every chunk but the XML reader's, at about the same time after the load event.
import { expect, test } from '../support/site.js';

test('a first visit downloads each chunk once, not once for the page and once for the service worker', async ({
  page,
  site,
}) => {
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForTimeout(3000);
  const chunks = site.requests.filter((r) => /-(split_\w+|chunk_\d+)\.wasm$/.test(r.path));
  const full = chunks.filter((r) => r.status === 200);
  const byPath = {};
  for (const r of full) byPath[r.path] = (byPath[r.path] ?? 0) + 1;
  const twice = Object.entries(byPath).filter(([, n]) => n > 1);
  const bytes = full.reduce((sum, r) => sum + (r.bytes ?? 0), 0);
  console.log(`chunk answers: ${chunks.length} (${full.length} full, ${bytes} bytes uncompressed)`, byPath);
  expect(twice, 'chunks downloaded in full more than once').toEqual([]);
});
