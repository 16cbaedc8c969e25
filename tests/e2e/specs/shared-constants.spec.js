// shared/constants.json is one file for both sides: the values the app's Rust
// was built with (build.rs) are the ones the page's failure notice, the service
// worker and the embed read at run time, as MivzakShared, and embed.js keeps
// its copy to itself on a partner's page.
import fs from 'node:fs';
import { hostPage } from '../support/host-page.js';
import { expect, test } from '../support/site.js';

const SHARED = JSON.parse(fs.readFileSync(new URL('../../../shared/constants.json', import.meta.url), 'utf8'));

test('the page and its service worker read shared/constants.json as it is', async ({ page, site }) => {
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  expect(await page.evaluate(() => window.MivzakShared)).toEqual(SHARED);
  // The global the app's Rust reports a panic to (src/panic_notice.rs) is where the file says.
  expect(await page.evaluate((name) => typeof window[name]?.fail, SHARED.globals.failure_notice)).toBe('function');
  await page.evaluate(() => navigator.serviceWorker.ready);
  const worker = page.context().serviceWorkers()[0] ?? (await page.context().waitForEvent('serviceworker'));
  expect(await worker.evaluate(() => self.MivzakShared)).toEqual(SHARED);
  // Whether it keeps the chunks at install: src/chunks.rs's rule, on the same list.
  const allows = (connection) =>
    worker.evaluate((connection) => {
      Object.defineProperty(self.navigator, 'connection', { configurable: true, value: connection });
      return connectionAllows();
    }, connection);
  for (const effectiveType of SHARED.slow_connections)
    expect(await allows({ effectiveType }), effectiveType).toBe(false);
  expect(await allows({ effectiveType: '4g', saveData: true })).toBe(false);
  expect(await allows({ effectiveType: '4g' })).toBe(true);
  expect(await allows(undefined)).toBe(true);
});

test('embed.js reads the options and messages of shared/constants.json and leaves no global of it', async ({
  page,
  site,
}) => {
  const host = await hostPage(site, '<div id="w" data-mivzak-ticker data-count="3" data-theme="light"></div>');
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('#w iframe');
    await expect(frame.locator('.flashes .flash')).toHaveCount(3);
    expect(await frame.locator('html').evaluate(() => window.MivzakShared)).toEqual(SHARED);
    // The options went into the frame's query by the file's list, and its height
    // came back in the file's message (the frame is taller than its first 3rem).
    const src = new URL(await page.locator('#w iframe').getAttribute('src'));
    expect(src.searchParams.get('count')).toBe('3');
    await expect
      .poll(() => page.locator('#w iframe').evaluate((f) => f.getBoundingClientRect().height))
      .toBeGreaterThan(100);
    // A live option changes in place through the file's set message.
    await page.evaluate(() => window.MivzakTicker.set(document.getElementById('w'), { theme: 'dark' }));
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await page.evaluate(() => typeof window.MivzakShared)).toBe('undefined');
  } finally {
    await host.close();
  }
});
