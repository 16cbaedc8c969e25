// A feed on another origin that does not allow this site to read it (no
// Access-Control-Allow-Origin): the reader is told the feed cannot be read from
// here, not to check their connection; the console names the URL and CORS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, consoleWarnings, expect, SAMPLE_FEED } from '../support/site.js';
import { serveDir } from '../support/static-server.js';

const CONNECTION = 'בדקו את החיבור לאינטרנט';
const NOT_SHARED = 'לא ניתן לקרוא את עדכון המבזקים מהאתר הזה';

// `await feedHost(headers)`: the sample feed on a second origin of its own.
const test = base.extend({
  feedHost: async ({}, use) => {
    const hosts = [];
    await use(async (headers = {}) => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-feed-host-'));
      fs.writeFileSync(path.join(root, 'feed.json'), JSON.stringify(SAMPLE_FEED));
      const host = await serveDir(root, { headers, fallback: false });
      hosts.push([host, root]);
      return host;
    });
    for (const [host, root] of hosts) {
      await host.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  },
});

test('a cross-origin feed without CORS says it cannot be read from this site, and the console says why', async ({
  page,
  siteWith,
  feedHost,
}) => {
  const other = await feedHost();
  const feedUrl = `${other.url}feed.json`;
  const site = await siteWith({ config: { feed_url: feedUrl } });
  const warnings = consoleWarnings(page);
  await page.goto(site.url);
  const error = page.locator('.feed-error');
  await expect(error).toContainText(NOT_SHARED);
  await expect(error).not.toContainText(CONNECTION);
  // The server was reached (the answer was there, only not readable).
  expect(other.requests.some((r) => r.path === '/feed.json')).toBe(true);
  await expect.poll(() => warnings.find((w) => w.includes(feedUrl) && w.includes('CORS'))).toBeTruthy();
});

test('the same feed allowed by CORS shows its flashes (the setup itself is sound)', async ({
  page,
  siteWith,
  feedHost,
}) => {
  const other = await feedHost({ 'access-control-allow-origin': '*' });
  const site = await siteWith({ config: { feed_url: `${other.url}feed.json` } });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(SAMPLE_FEED.items.length);
});

test('offline, the same feed asks the reader to check the connection', async ({
  page,
  context,
  siteWith,
  feedHost,
}) => {
  const other = await feedHost();
  const site = await siteWith({ config: { feed_url: `${other.url}feed.json` } });
  await page.goto(site.url);
  await expect(page.locator('.feed-error')).toContainText(NOT_SHARED);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'נסו שוב' }).click();
  await expect(page.locator('.feed-error')).toContainText(CONNECTION);
  await context.setOffline(false);
});

test('a cross-origin feed whose server is down is not called a CORS refusal', async ({ page, siteWith, feedHost }) => {
  const other = await feedHost();
  const feedUrl = `${other.url}feed.json`;
  await other.close();
  const site = await siteWith({ config: { feed_url: feedUrl } });
  await page.goto(site.url);
  await expect(page.locator('.feed-error')).toContainText(CONNECTION);
});

// Issue 25 §10: a refused feed backs off like any failing one. Over 12 s at a
// 2 s interval a healthy feed is asked 6 or 7 times; a failing one at most 3
// times (waits of 2–4, 4–8, 8–16 s: never sooner than the interval), and the
// check that tells a CORS refusal from a dead server is made once, not per poll.
// The page's clock is Playwright's, run on in steps (each fetch is real), and
// the service worker is kept out: its one copy of the feed at install is no poll.
test.describe('backoff', () => {
  test.use({ serviceWorkers: 'block' });
  test('a cross-origin feed without CORS backs off: few requests over a window, fewer than a healthy feed', async ({
    page,
    siteWith,
    feedHost,
  }) => {
    const other = await feedHost();
    const site = await siteWith({ config: { feed_url: `${other.url}feed.json`, poll_seconds: 2 } });
    await page.clock.install();
    await page.goto(site.url);
    await expect(page.locator('.feed-error')).toContainText(NOT_SHARED);
    for (let ms = 0; ms < 12_000; ms += 250) {
      await page.clock.runFor(250);
      // Let a request that a timer sent come back before the next step.
      await page.waitForTimeout(20);
    }
    const asked = other.requests.filter((r) => r.path === '/feed.json');
    const gets = asked.filter((r) => r.method === 'GET');
    const seen = JSON.stringify(asked.map((r) => r.method));
    expect(gets.length, seen).toBeGreaterThanOrEqual(2);
    expect(gets.length, seen).toBeLessThanOrEqual(3);
    expect(asked.length - gets.length, `opaque probes: ${seen}`).toBe(1);
  });
});
