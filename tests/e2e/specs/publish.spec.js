// Publish-time HTML (mivzak-render, issue 15): a feed rendered into a copy of
// dist/, served as a CDN serves it, read without JavaScript (a plain HTTP client
// as share scrapers are; Chromium with JavaScript off) and taken over by the app.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, holdWasm, RENDER, SAMPLE_CONFIG, SAMPLE_FEED, test } from '../support/site.js';

// 27 December 2024, 15:00 in Israel: the sample feed's day.
const NOW_SECONDS = String(Date.UTC(2024, 11, 27, 13, 0) / 1000);

/** Runs the renderer on the site's folder ("now" fixed unless `now` is false);
 *  returns its exit status and output. */
function render(site, { now = NOW_SECONDS } = {}) {
  const env = { ...process.env };
  if (now) env.SOURCE_DATE_EPOCH = now;
  else delete env.SOURCE_DATE_EPOCH;
  const run = spawnSync(RENDER, ['--dist', site.root], { encoding: 'utf8', env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A site whose config has its own address, rendered once. */
async function renderedSite(siteWith, { config = {}, now } = {}) {
  const site = await siteWith({ files: { 'feed.json': SAMPLE_FEED } });
  site.write('config.json', { ...SAMPLE_CONFIG, site_url: site.url, site_image: 'favicon.svg', ...config });
  const run = render(site, { now });
  expect(run.status, run.stderr).toBe(0);
  return site;
}

const ITEM = SAMPLE_FEED.items.find((item) => item.content_html || item.content_text);
const articlePath = (id) => `article/${encodeURIComponent(id)}/`;

/** The folder's files and their hashes: what a CDN sync would compare. */
function snapshot(root) {
  const files = {};
  for (const name of fs.readdirSync(root, { recursive: true })) {
    const file = path.join(root, name);
    if (fs.statSync(file).isFile()) {
      files[name] = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    }
  }
  return files;
}

test('a share scraper without JavaScript reads the headline, Open Graph, JSON-LD and the body', async ({
  siteWith,
}) => {
  const site = await renderedSite(siteWith);
  const answer = await fetch(`${site.url}${articlePath(ITEM.id)}`);
  expect(answer.status).toBe(200);
  const html = await answer.text();
  const meta = (property) => html.match(new RegExp(`<meta property="${property}" content="([^"]*)"`))?.[1];
  expect(meta('og:type')).toBe('article');
  expect(meta('og:title')).toBe(ITEM.title);
  expect(meta('og:url')).toBe(`${site.url}${articlePath(ITEM.id)}`);
  expect(meta('og:locale')).toBe('he_IL');
  expect(html).toMatch(new RegExp(`<link rel="canonical" href="${site.url}${articlePath(ITEM.id)}"`));
  expect(html).toMatch(/<html lang="he" dir="rtl"/);
  expect(html).toContain(`<title>${ITEM.title} | ${SAMPLE_CONFIG.site_name}</title>`);
  const jsonLd = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) =>
    JSON.parse(m[1]),
  );
  const article = jsonLd.flatMap((block) => block['@graph'] ?? [block]).find((n) => n['@type'] === 'NewsArticle');
  expect(article.headline).toBe(ITEM.title);
  expect(article.datePublished).toBeTruthy();
  // The body is in the page, inside the app's own markup.
  expect(html).toContain('class="article-body"');
  const home = await (await fetch(site.url)).text();
  expect(home).toContain('class="flashes"');
  expect(home).toMatch(/<meta property="og:type" content="website"/);
});

test('Chromium with JavaScript off reads the flashes with their times, and the article', async ({
  browser,
  siteWith,
}) => {
  const site = await renderedSite(siteWith);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url);
  const flashes = page.locator('.flashes .flash');
  await expect(flashes).toHaveCount(SAMPLE_FEED.items.length);
  // Each row: its time at the start of the line (the right, in Hebrew), then the headline.
  for (const row of await flashes.all()) {
    const time = await row.locator('time').boundingBox();
    const headline = await row.locator('.headline').boundingBox();
    expect(time.x).toBeGreaterThan(headline.x);
    expect(await row.locator('time').textContent()).toMatch(/^\d\d:\d\d$/);
  }
  await page.goto(`${site.url}${articlePath(ITEM.id)}`);
  await expect(page.locator('h1')).toHaveText(ITEM.title);
  await expect(page.locator('.article-body')).not.toBeEmpty();
  await expect(page.locator('.share a').first()).toBeVisible();
  await context.close();
});

test('the app takes over a rendered page with no layout shift, then stays live', async ({
  browser,
  page,
  siteWith,
}) => {
  test.setTimeout(60_000);
  // Rendered now, as a publisher's run just before the reader comes.
  const site = await renderedSite(siteWith, { config: { poll_seconds: 2 }, now: false });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // What the rendered page shows, read without JavaScript.
  const still = await browser.newContext({ javaScriptEnabled: false });
  const rendered = await still.newPage();
  await rendered.goto(site.url);
  // The headline link: a row's share menu is drawn by the app when it opens (flash_share.rs).
  const first = await rendered.locator('.flashes .flash > a').first().textContent();
  await still.close();
  await page.goto(site.url);
  // The app has taken over when its article list (drawn by the app only after
  // the first poll, and by the renderer) and its pause button respond.
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  await expect(page.locator('.article-list')).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0))).toBe(0);
  expect(await page.locator('.flashes .flash > a').first().textContent()).toBe(first);
  // A live poll brings a new flash in place.
  const fresh = { ...SAMPLE_FEED.items[0], id: 'fresh', title: 'מבזק חדש אחרי הפרסום' };
  fresh.date_published = '2024-12-27T14:30:00+02:00';
  site.write('feed.json', { ...SAMPLE_FEED, items: [fresh, ...SAMPLE_FEED.items] });
  await expect(page.locator('.flashes .flash').first()).toContainText('מבזק חדש אחרי הפרסום', {
    timeout: 20_000,
  });
});

/** The sample feed with two flashes published after the render (14:40, 14:50). */
function movedOn() {
  const later = (id, time, title) => ({
    ...SAMPLE_FEED.items[0],
    id,
    title,
    date_published: `2024-12-27T${time}:00+02:00`,
  });
  return {
    ...SAMPLE_FEED,
    items: [
      later('after-2', '14:50', 'מבזק שני אחרי הפרסום'),
      later('after-1', '14:40', 'מבזק ראשון אחרי הפרסום'),
      ...SAMPLE_FEED.items,
    ],
  };
}

test("flashes published after the render come in as a poll's do: marked new and announced", async ({
  page,
  siteWith,
}) => {
  const site = await renderedSite(siteWith);
  site.write('feed.json', movedOn());
  await page.goto(site.url);
  const flashes = page.locator('.flashes .flash');
  await expect(flashes.nth(0)).toHaveClass(/is-new/);
  await expect(flashes.nth(1)).toHaveClass(/is-new/);
  await expect(flashes.nth(2)).not.toHaveClass(/is-new/);
  await expect(page.locator('.ticker [aria-live="polite"]')).toContainText('מבזק שני אחרי הפרסום');
  await expect(page.locator('.ticker [aria-live="polite"]')).toContainText('מבזק ראשון אחרי הפרסום');
});

test('a reader scrolled down a rendered page keeps their place when the app brings newer flashes', async ({
  page,
  siteWith,
}) => {
  await page.setViewportSize({ width: 360, height: 640 });
  // Rendered now, so the page and the app agree on each flash's day label.
  const site = await renderedSite(siteWith, { now: false });
  site.write('feed.json', movedOn());
  // The app arrives a while after the page: the reader has scrolled by then.
  site.slow(/\.wasm$/, 2000);
  await page.goto(site.url, { waitUntil: 'domcontentloaded' });
  // Down the rendered page, on the article list's fourth entry.
  const anchor = await page.evaluate(() => {
    const row = document.querySelectorAll('#app .article-list li')[3];
    row.scrollIntoView({ block: 'start' });
    return {
      href: row.querySelector('a').getAttribute('href'),
      top: row.getBoundingClientRect().top,
      appStarted: Boolean(window.wasmBindings),
    };
  });
  expect(anchor.appStarted).toBe(false);
  // The app has taken over and brought the two newer flashes in.
  await expect(page.locator('.flashes .flash.is-new')).toHaveCount(2);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const top = await page.evaluate(
    (href) =>
      document.querySelector(`#app .article-list li a[href="${href}"]`).closest('li').getBoundingClientRect().top,
    anchor.href,
  );
  expect(Math.abs(top - anchor.top)).toBeLessThanOrEqual(1);
  // Away from the ticker, the newer flashes are counted on its badge, as a poll's are.
  await expect(page.locator('.new-flashes')).toBeVisible();
});

test('an item that leaves the feed keeps its page and its place in the sitemap', async ({ page, siteWith }) => {
  const site = await renderedSite(siteWith);
  const gone = SAMPLE_FEED.items.at(-1);
  site.write('feed.json', { ...SAMPLE_FEED, items: SAMPLE_FEED.items.slice(0, -1) });
  const run = render(site);
  expect(run.status, run.stderr).toBe(0);
  const answer = await fetch(`${site.url}${articlePath(gone.id)}`);
  expect(answer.status).toBe(200);
  expect(await answer.text()).toContain(gone.title);
  const sitemap = await (await fetch(`${site.url}sitemap.xml`)).text();
  expect(sitemap).toContain(`${site.url}${articlePath(gone.id)}`);
  expect(await (await fetch(`${site.url}robots.txt`)).text()).toContain(`Sitemap: ${site.url}sitemap.xml`);
  // With JavaScript too: the app, which has no such item any more, leaves the
  // published article on screen rather than its not-found page.
  await page.goto(`${site.url}${articlePath(gone.id)}`);
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  await page.waitForTimeout(1000);
  await expect(page.locator('h1')).toHaveText(gone.title);
  await expect(page.locator('.not-found')).toHaveCount(0);
  // Its head too: the app's hidden "not found" page wrote nothing into it.
  expect(await page.title()).toContain(gone.title);
  // The reader's controls are the app's, and work (takeover::keep_reader_controls).
  await page.locator('.text-larger').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.style.fontSize)).toBe('115%');
  await page.locator('.scheme select').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
  await expect(page.locator('.reader-controls')).toHaveCount(1);
  // Its links are followed by the browser: the home page opens, with the app.
  await page.locator('.site-name').click();
  await expect(page).toHaveURL(site.url);
  await expect(page.locator('#app[data-live] .article-list')).toBeVisible();
});

// A feed carries its latest items; a busy newsroom's pushes an item out within
// the hour, maybe while a reader is in the middle of it (feed/segment_index.rs).
test('an article that leaves the feed while it is read stays as it was, and Back brings it again', async ({
  page,
  siteWith,
}) => {
  test.setTimeout(60_000);
  const site = await renderedSite(siteWith, { config: { poll_seconds: 2 } });
  const gone = ITEM;
  await page.goto(`${site.url}${articlePath(gone.id)}`);
  await page.locator('#app[data-live]').waitFor();
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const seen = () =>
    page.evaluate(() => ({
      headline: document.querySelector('article h1')?.textContent,
      paragraphs: document.querySelectorAll('.article-body p').length,
      title: document.title,
      scrollY: Math.round(window.scrollY),
      top: Math.round(document.querySelector('.article-body p').getBoundingClientRect().top),
      notFound: document.querySelectorAll('.not-found').length,
      neighbours: [...document.querySelectorAll('.neighbours a')].map((a) => a.getAttribute('href')),
      alerts: [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent),
    }));
  const before = await seen();
  expect(before.headline).toBe(gone.title);
  expect(before.neighbours).toHaveLength(2);
  // The poll: the item leaves, two come in at the top, another is edited.
  const polled = page.waitForResponse((answer) => answer.url().endsWith('/feed.json') && answer.status() === 200);
  const arrivals = [
    { id: 'arrived-1', title: 'מבזק שהגיע אחרי', date_published: '2024-12-27T14:40:00+02:00' },
    { id: 'arrived-2', title: 'Breaking: a second one', language: 'en', date_published: '2024-12-27T14:41:00+02:00' },
  ];
  const rest = SAMPLE_FEED.items.filter((item) => item.id !== gone.id);
  rest[0] = { ...rest[0], title: `${rest[0].title} (עודכן)` };
  site.write('feed.json', { ...SAMPLE_FEED, items: [...arrivals.reverse(), ...rest] });
  await polled;
  await page.waitForTimeout(500);
  expect(await seen()).toEqual(before);
  // Home shows the feed as it is now; Back, the article as it was.
  await page.locator('.site-name').click();
  await expect(page.locator('.article-list')).toContainText('מבזק שהגיע אחרי');
  await expect(page.locator('.article-list')).not.toContainText(gone.title);
  await page.goBack();
  await expect(page.locator('article h1')).toHaveText(gone.title);
  await expect(page).toHaveTitle(before.title);
  await expect(page.locator('.not-found')).toHaveCount(0);
  // Its neighbours as they were when it left.
  await expect(page.locator('.neighbours a')).toHaveCount(2);
  expect(await page.locator('.neighbours a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(
    before.neighbours,
  );
  // It comes back, edited: the feed's again.
  site.write('feed.json', { ...SAMPLE_FEED, items: [{ ...gone, title: `${gone.title} (חזר)` }, ...rest] });
  await expect(page.locator('article h1')).toHaveText(`${gone.title} (חזר)`);
});

// A host without folder indexes, or a link copied from one, gives a published
// page by its file's address (paths::folder_of_index_file).
test('a published page opened by its index.html address is taken over, with its own head', async ({
  page,
  siteWith,
}) => {
  const site = await renderedSite(siteWith);
  const tag = SAMPLE_FEED.items.find((item) => item.tags?.length).tags[0];
  for (const [folder, shows] of [
    ['', '.article-list'],
    [articlePath(ITEM.id), 'article h1'],
    [`tag/${encodeURIComponent(tag)}/`, '.tag-page h1'],
  ]) {
    const published = await (await fetch(`${site.url}${folder}`)).text();
    const title = published
      .match(/<title>([^<]*)<\/title>/)[1]
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    await page.goto(`${site.url}${folder}index.html?utm_source=x#main`);
    await page.locator('#app[data-live]').waitFor();
    await expect(page.locator(shows)).toBeVisible();
    await expect(page.locator('.not-found')).toHaveCount(0);
    expect(page.url()).toBe(`${site.url}${folder}?utm_source=x#main`);
    await expect(page).toHaveTitle(title);
    await expect(page.locator('.text-larger')).toBeEnabled();
  }
});

const TAGGED = SAMPLE_FEED.items.find((item) => item.tags?.length);
const tagPath = (tag) => `tag/${encodeURIComponent(tag)}/`;

/** A page of its own context with no service worker: its answers to the feed
 *  are the test's (`page.route` does not see a service worker's requests). */
async function pageWithoutWorker(browser) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  return { context, page: await context.newPage() };
}

test('a first poll that fails leaves a published page as it is, until a later poll answers', async ({
  browser,
  siteWith,
}) => {
  const site = await renderedSite(siteWith);
  const { context, page } = await pageWithoutWorker(browser);
  // Each kind of page, each way a feed fails: a server error, no network (a
  // feed without CORS fails the same way), a captive portal's HTML.
  const cases = [
    { path: '', shows: '#app .flashes .flash', fail: (route) => route.fulfill({ status: 500, body: 'oops' }) },
    { path: articlePath(ITEM.id), shows: '#app article.article h1', fail: (route) => route.abort() },
    {
      path: tagPath(TAGGED.tags[0]),
      shows: '#app .article-card',
      fail: (route) => route.fulfill({ contentType: 'text/html', body: '<html><body>התחברו לרשת</body></html>' }),
    },
  ];
  let shown = 0;
  for (const { path, shows, fail } of cases) {
    await page.route(/feed\.json/, fail);
    await page.goto(site.url + path);
    shown = await page.locator(shows).count();
    expect(shown, path).toBeGreaterThan(0);
    // The app has had the failure, and keeps the published page.
    await expect(page.locator('#app[data-kept]'), path).toHaveCount(1);
    await expect(page.locator(shows), path).toHaveCount(shown);
    await expect(page.locator(':is(.feed-error, .loading, .not-found):visible'), path).toHaveCount(0);
    await page.unroute(/feed\.json/);
  }
  // The feed is back: the next poll takes the page over as a first one would.
  await page.evaluate(() => dispatchEvent(new Event('online')));
  await expect(page.locator('#app[data-live]')).toHaveCount(1);
  await expect(page.locator('#app .article-card')).toHaveCount(shown);
  await context.close();
});

test('a published tag page whose tag has left the feed keeps its list', async ({ browser, siteWith }) => {
  const site = await renderedSite(siteWith);
  const tag = TAGGED.tags.at(-1);
  site.write('feed.json', { ...SAMPLE_FEED, items: SAMPLE_FEED.items.filter((item) => !item.tags?.includes(tag)) });
  const { context, page } = await pageWithoutWorker(browser);
  await page.goto(site.url + tagPath(tag));
  const cards = await page.locator('.article-card').count();
  expect(cards).toBeGreaterThan(0);
  await expect(page.locator('#app[data-kept]')).toHaveCount(1);
  await expect(page.locator('.article-card:visible')).toHaveCount(cards);
  // Its links are the browser's: the article (gone from the feed with its tag)
  // opens as published, and stays so.
  await page.locator('.article-card a').first().click();
  await expect(page).toHaveURL(new RegExp(`/article/${TAGGED.id}/?$`));
  await expect(page.locator('#app[data-kept] h1')).toHaveText(TAGGED.title);
  await context.close();
});

test('focus a reader gave a flash before the app came stays on the same link, without a scroll', async ({
  page,
  siteWith,
}) => {
  const site = await renderedSite(siteWith);
  await page.setViewportSize({ width: 1280, height: 500 });
  const release = await holdWasm(page);
  await page.goto(site.url, { waitUntil: 'domcontentloaded' });
  const onFlash = () =>
    page.evaluate(
      () => document.activeElement.matches('.flashes .flash a[href]') && !document.querySelector('#app[data-live]'),
    );
  for (let tab = 0; tab < 40 && !(await onFlash()); tab++) await page.keyboard.press('Tab');
  // Down to the third flash's link.
  for (let flash = 0; flash < 2; flash++) {
    do await page.keyboard.press('Tab');
    while (!(await onFlash()));
  }
  const before = await page.evaluate(() => ({ href: document.activeElement.getAttribute('href'), y: scrollY }));
  release();
  await expect(page.locator('#app[data-live]')).toHaveCount(1, { timeout: 20_000 });
  const after = await page.evaluate(() => ({
    href: document.activeElement.getAttribute('href'),
    y: scrollY,
    live: Boolean(document.activeElement.closest('#app[data-live] .flashes')),
  }));
  expect(after).toEqual({ ...before, live: true });
  // The keyboard goes on from there: the next Tab is further down the list.
  const focused = await page.evaluateHandle(() => document.activeElement);
  await page.keyboard.press('Tab');
  expect(
    await page.evaluate(
      (old) =>
        Boolean(old.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING) &&
        Boolean(document.activeElement.closest('.flashes')),
      focused,
    ),
  ).toBe(true);
});

test('an article of today moves nothing below its dateline when the app adds its age, at 360 px', async ({
  page,
  siteWith,
}) => {
  const site = await siteWith({ files: { 'feed.json': SAMPLE_FEED } });
  site.write('config.json', { ...SAMPLE_CONFIG, site_url: site.url });
  // Nine hours old at 15:00 in Israel (the renderer's and the page's fixed
  // "now": the same day whenever the test runs): the app says "(לפני 9
  // שעות)", the published page no age.
  const now = Number(NOW_SECONDS) * 1000;
  const today = {
    ...ITEM,
    id: 'today',
    title: 'כותרת ארוכה למדי של כתבה שפורסמה היום בבוקר',
    date_published: new Date(now - 9 * 3600_000).toISOString(),
  };
  site.write('feed.json', { ...SAMPLE_FEED, items: [today, ...SAMPLE_FEED.items] });
  const run = render(site);
  expect(run.status, run.stderr).toBe(0);
  await page.clock.setFixedTime(now);
  await page.setViewportSize({ width: 360, height: 740 });
  const release = await holdWasm(page);
  await page.goto(`${site.url}${articlePath(today.id)}`, { waitUntil: 'domcontentloaded' });
  const below = () =>
    page.evaluate(() =>
      ['.dateline', '.article-body', '.share'].map((selector) => {
        const box = document.querySelector(`#app ${selector}`).getBoundingClientRect();
        return [selector, box.top, box.height];
      }),
    );
  const published = await below();
  release();
  await expect(page.locator('#app[data-live] .dateline')).toContainText('לפני 9 שעות', { timeout: 20_000 });
  expect(await below()).toEqual(published);
});

test('a re-run with one new item rewrites only its own pages and those that show it', async ({ siteWith }) => {
  const site = await renderedSite(siteWith);
  const again = render(site);
  expect(again.stdout).toContain('0 written');
  const fresh = { ...SAMPLE_FEED.items[0], id: 'fresh', title: 'מבזק חדש', tags: [] };
  fresh.date_published = '2024-12-27T14:30:00+02:00';
  site.write('feed.json', { ...SAMPLE_FEED, items: [fresh, ...SAMPLE_FEED.items] });
  const run = render(site);
  expect(run.status, run.stderr).toBe(0);
  const written = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('wrote '))
    .map((line) => line.slice(6))
    .filter((file) => !/sitemap|mivzak-render\.json/.test(file));
  expect(written).toContain('article/fresh/index.html');
  expect(written.length).toBeLessThanOrEqual(5);
});

test('a broken feed or config leaves every page as it was, and says why', async ({ siteWith }) => {
  const site = await renderedSite(siteWith);
  const before = snapshot(site.root);
  site.write('feed.json', '{"version": "https://jsonfeed.org/version/1.1", "items": [');
  const broken = render(site);
  expect(broken.status).toBe(1);
  expect(broken.stderr).toMatch(/feed/);
  expect(broken.stderr).toMatch(/nothing was written/);
  site.write('feed.json', SAMPLE_FEED);
  site.write('config.json', '{ not json');
  const badConfig = render(site);
  expect(badConfig.status).toBe(1);
  expect(badConfig.stderr).toMatch(/config\.json/);
  site.write('config.json', { ...SAMPLE_CONFIG, site_url: site.url, site_image: 'favicon.svg' });
  const after = snapshot(site.root);
  delete after['config.json'];
  delete before['config.json'];
  expect(after).toEqual(before);
});

test('an id the renderer has not seen still opens through the app', async ({ page, siteWith }) => {
  const site = await renderedSite(siteWith);
  const late = { ...SAMPLE_FEED.items[0], id: 'late/arrival', title: 'כתבה שלא פורסמה עדיין' };
  site.write('feed.json', { ...SAMPLE_FEED, items: [late, ...SAMPLE_FEED.items] });
  await page.goto(site.url);
  await page.locator('.flashes .flash a', { hasText: late.title }).click();
  await expect(page.locator('h1')).toHaveText(late.title);
  await page.reload();
  await expect(page.locator('h1')).toHaveText(late.title);
});

test('the renderer refuses a wrong command line', () => {
  const run = spawnSync(RENDER, ['--watch', 'soon'], { encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('usage: mivzak-render');
  expect(() => execFileSync(RENDER, ['--dist'], { stdio: 'pipe' })).toThrow();
});
