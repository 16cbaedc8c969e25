// The vertical slice: home, article, deep links, not-found, the error state, a sub-path.
import { consoleWarnings, expect, SAMPLE_FEED, test } from '../support/site.js';

const TIMES = ['14:02', '13:13', '12:40', '12:02', '11:30', '11:02', '10:45', '10:19', '09:45'];
const ARTICLE = SAMPLE_FEED.items.find((item) => item.content_text);

test('the home page shows the nine flashes newest first, in Israel time', async ({ page, site }) => {
  await page.goto(site.url);
  const flashes = page.locator('.flashes .flash');
  await expect(flashes).toHaveCount(9);
  await expect(flashes.locator('time')).toHaveText(TIMES);
  await expect(flashes.first()).toContainText('כוחות ישראליים עוצרים');
  await expect(flashes.last()).toContainText('Windows 11');
  // The time is isolated left-to-right beside the headline; the headline is one
  // text in its own language, never cut into pieces (headlines.spec.js).
  await expect(flashes.first().locator('time')).toHaveAttribute('dir', 'ltr');
  await expect(flashes.last().locator('.headline')).toHaveAttribute('dir', 'rtl');
  await expect(flashes.last().locator('.headline *')).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'he');
  await expect(page).toHaveTitle('מבזק');
  // The latest articles list the same items with their summary.
  await expect(page.locator('.article-card')).toHaveCount(9);
  await expect(page.locator('.article-card .summary')).toHaveCount(1);
});

test('a time reads left to right at the start of its Hebrew line', async ({ page, site }) => {
  await page.goto(site.url);
  const first = page.locator('.flashes .flash').first();
  const time = await first.locator('time').boundingBox();
  const headline = await first.locator('.headline').boundingBox();
  // In a right-to-left line the time comes first, so it stands to the right of the headline.
  expect(time.x).toBeGreaterThan(headline.x);
  // And the digits are in order: "14" to the left of "02".
  const order = await first.locator('time').evaluate((el) => {
    const range = document.createRange();
    range.setStart(el.firstChild, 0);
    range.setEnd(el.firstChild, 2);
    const hours = range.getBoundingClientRect().x;
    range.setStart(el.firstChild, 3);
    range.setEnd(el.firstChild, 5);
    return hours < range.getBoundingClientRect().x;
  });
  expect(order).toBe(true);
});

test('clicking a flash opens its article with five paragraphs, and a reload keeps it', async ({ page, site }) => {
  await page.goto(site.url);
  await page.locator('.flashes a', { hasText: ARTICLE.title }).click();
  await expect(page).toHaveURL(new RegExp(`/article/${ARTICLE.id}$`));
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title);
  await expect(page.locator('.article-body p')).toHaveCount(5);
  await expect(page.locator('.article-body p').first()).toContainText('בהתפתחות דיפלומטית משמעותית');
  await expect(page.locator('.dateline time')).toContainText('12:40');
  await expect(page.getByRole('link', { name: 'עקבו אחרינו בפייסבוק' })).toHaveAttribute('href', /facebook\.com/);
  await expect(page).toHaveTitle(`${ARTICLE.title} | מבזק`);
  await page.reload();
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title);
  await expect(page.locator('.article-body p')).toHaveCount(5);
});

test('unknown routes and unknown article ids show the Hebrew not-found page', async ({ page, site }) => {
  await page.goto(`${site.url}no/such/page`);
  await expect(page.getByRole('heading', { name: 'הדף לא נמצא' })).toBeVisible();
  await page.goto(`${site.url}article/no-such-id`);
  await expect(page.getByRole('heading', { name: 'הדף לא נמצא' })).toBeVisible();
  await page.getByRole('link', { name: 'חזרה לעמוד הראשי' }).click();
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
});

test('a missing feed shows the error with retry, and retry recovers once it exists', async ({ page, siteWith }) => {
  const site = await siteWith({ config: { feed_url: 'later.json' } });
  const warnings = consoleWarnings(page);
  await page.goto(site.url);
  const error = page.getByRole('alert');
  await expect(error).toContainText('עדכון המבזקים לא נמצא');
  expect(warnings.join('\n')).toContain('404');
  site.write('later.json', SAMPLE_FEED);
  await error.getByRole('button', { name: 'נסו שוב' }).click();
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a feed that is not JSON, or not a JSON Feed, gets a clear message', async ({ page, siteWith }) => {
  const site = await siteWith({ config: { feed_url: 'bad.json' }, files: { 'bad.json': '<html>oops</html>' } });
  await page.goto(site.url);
  await expect(page.getByRole('alert')).toContainText('התקבל עדכון מבזקים פגום');
  site.write('bad.json', { items: [] });
  await page.getByRole('button', { name: 'נסו שוב' }).click();
  await expect(page.getByRole('alert')).toContainText('התקבל עדכון מבזקים פגום');
});

test('a broken config.json falls back to the defaults with a warning', async ({ page, siteWith }) => {
  const site = await siteWith({ files: { 'config.json': '{ not json' } });
  const warnings = consoleWarnings(page);
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  expect(warnings.join('\n')).toContain('config.json is not valid JSON');
});

test('an unknown config key is reported in the console', async ({ page, siteWith }) => {
  const site = await siteWith({ config: { feed_ulr: 'typo.json' } });
  const warnings = consoleWarnings(page);
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  expect(warnings.join('\n')).toContain('unknown key feed_ulr');
});

test('before the wasm arrives, an unpublished dist/ shows its header and skeleton, and no script draws flashes', async ({
  page,
  site,
}) => {
  site.slow(/\.wasm$/, 60_000); // hold the wasm back: the page as built alone is on screen
  await page.goto(site.url);
  await expect(page.locator('.site-header')).toContainText('מבזק');
  await expect(page.locator('.skeleton li')).toHaveCount(5);
  await page.waitForTimeout(500);
  await expect(page.locator('.flashes .flash')).toHaveCount(0);
  expect(site.requests.filter((r) => /\.wasm$/.test(r.path) && r.done)).toHaveLength(0);
});

test('dist/ ships what static hosts need for deep links: a _redirects rule to index.html and a 404.html copy of it', async ({
  site,
}) => {
  const fs = await import('node:fs');
  const redirects = fs.readFileSync(`${site.root}/_redirects`, 'utf8');
  expect(redirects).toMatch(/^\/\*\s+\/index\.html\s+200$/m);
  const notFound = fs.readFileSync(`${site.root}/404.html`, 'utf8');
  expect(notFound).toBe(fs.readFileSync(`${site.root}/index.html`, 'utf8'));
});

test("the app replaces the unpublished page's skeleton without a layout jump", async ({ page, site }) => {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    // The shell alone is on the page when the HTML has been parsed.
    document.addEventListener('DOMContentLoaded', () => {
      window.__shellY = document.getElementById('flashes-heading').getBoundingClientRect().y;
    });
  });
  await page.goto(site.url);
  // The app is in (the article list is its own) and the flashes are where they were.
  await expect(page.locator('.article-list')).toBeVisible();
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  const appHeading = await page.locator('#flashes-heading').boundingBox();
  expect(appHeading.y).toBeCloseTo(await page.evaluate(() => window.__shellY), 0);
  expect(await page.evaluate(() => window.__shift)).toBeLessThan(0.05);
});

test('config and feed are asked for once each by the app', async ({ page, site }) => {
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  // The page's own requests (the service worker keeps a copy of each as it installs).
  const byPage = (path) => site.requests.filter((r) => r.path === path && !r.headers.referer?.endsWith('/sw.js'));
  expect(byPage('/config.json')).toHaveLength(1);
  expect(byPage('/feed.json')).toHaveLength(1);
});

test('a blank feed_url means feed.json alike for the page, its service worker and the build scripts', async ({
  page,
  siteWith,
}) => {
  // One rule, public/config-rules.js, for sw.js and security-headers (which once
  // read "" as a feed of its own).
  const { policies } = await import('../../../scripts/security-headers.mjs');
  for (const blank of ['', '   ']) {
    const site = await siteWith({ config: { feed_url: blank } });
    await page.goto(site.url);
    await expect(page.locator('.flashes .flash')).toHaveCount(9);
    expect(site.requests.filter((r) => r.path === '/feed.json').length).toBeGreaterThan(0);
    expect(policies(site.root).app).toContain("connect-src 'self';");
    // The service worker, once in control, keeps the same feed.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect(page.locator('.flashes .flash')).toHaveCount(9);
    const kept = await page.evaluate(async () => {
      const cache = await caches.open('mivzak-data');
      return (await cache.keys()).map((request) => new URL(request.url).pathname);
    });
    expect(kept).toContain('/feed.json');
  }
});
