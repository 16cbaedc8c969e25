// The app's wasm in chunks (issue 16, src/chunks.rs, scripts/wasm-split.mjs): the
// home page runs without the article's, tag's and comment sender's code; each
// comes when it is needed or before. (Chunks that fail, stall, or are gone after
// a new deployment, and offline: chunk-faults.spec.js.)
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const ARTICLE = SAMPLE_FEED.items.find((item) => item.content_html || item.content_text);
/** The page's requests for a split point's chunk (the service worker's precache
 *  of every chunk, sw.js, left out). */
const chunkRequests = (site, name) =>
  site.requests.filter((r) => r.path.includes(`-split_${name}_chunk.wasm`) && !r.headers.referer?.endsWith('/sw.js'));

test('a deep link to an article fetches its chunks beside the main wasm, not after it', async ({ page, siteWith }) => {
  const site = await siteWith();
  site.slow(/_bg\.wasm$/, 3000);
  await page.goto(`${site.url}article/${encodeURIComponent(ARTICLE.id)}`);
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title, { timeout: 30_000 });
  const main = site.requests.find((r) => r.path.endsWith('_bg.wasm'));
  const [chunk] = chunkRequests(site, 'article');
  expect(chunk, 'the article chunk was fetched').toBeTruthy();
  expect(chunk.at, 'asked for while the main wasm was still on its way').toBeLessThan(main.done);
  // Fetched once: the loader took the preloaded answer.
  expect(chunkRequests(site, 'article')).toHaveLength(1);
  // The home page's own deep link preloads none.
  const home = await siteWith();
  home.slow(/_bg\.wasm$/, 3000);
  await page.goto(home.url);
  await expect(page.locator('.article-list')).toBeVisible({ timeout: 30_000 });
  const homeMain = home.requests.find((r) => r.path.endsWith('_bg.wasm'));
  expect(
    home.requests.filter(
      (r) => /-(split|chunk)_\w+\.wasm$/.test(r.path) && r.at < homeMain.done && !r.headers.referer?.endsWith('/sw.js'),
    ),
  ).toEqual([]);
});

/** How many times this page fetched a split point's chunk (from the network or
 *  from its service worker's cache). */
const fetchedByPage = (page, name) =>
  page.evaluate(
    (name) =>
      performance.getEntriesByType('resource').filter((entry) => entry.name.includes(`-split_${name}_chunk.wasm`))
        .length,
    name,
  );

test('the comment sender’s chunk comes only for a page whose outbox holds a comment, and sends it from any page', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  // Idle, every other chunk prefetched: not this one.
  await page.waitForTimeout(2500);
  expect(await fetchedByPage(page, 'resume')).toBe(0);
  // A comment an earlier page left unsent, as the outbox keeps it (src/comments/outbox.rs).
  // Isso's thread: model::thread_uri, never under the site's base.
  const thread = `/article/${encodeURIComponent(ARTICLE.id)}`;
  await page.evaluate(
    ({ id, thread }) =>
      localStorage.setItem(
        'mivzak:outbox',
        JSON.stringify([
          {
            key: `draft:${id}`,
            thread,
            comment: {
              text: 'נשארה בתיבת הדואר היוצא',
              author: null,
              email: null,
              website: null,
              parent: null,
              title: 'כותרת',
            },
            first_tried: Date.now() / 1000,
          },
        ]),
      ),
    { id: ARTICLE.id, thread },
  );
  await page.reload();
  await expect(page.locator('.article-list')).toBeVisible();
  await expect.poll(async () => (await isso.thread(thread)).replies.length, { timeout: 15_000 }).toBe(1);
  expect(await fetchedByPage(page, 'resume')).toBe(1);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('mivzak:outbox'))).toBeNull();
});

test('on idle the chunks come only where the connection allows; pointing at a flash brings them anywhere', async ({
  context,
  siteWith,
}) => {
  // navigator.connection as Chromium's Network Information API gives it (src/chunks.rs reads it).
  for (const [connection, onIdle] of [
    [{ effectiveType: '4g', saveData: false }, true],
    [{ effectiveType: '3g', saveData: false }, false],
    [{ effectiveType: '4g', saveData: true }, false],
  ]) {
    const site = await siteWith();
    const tab = await context.newPage();
    await tab.addInitScript((connection) => {
      Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => connection });
    }, connection);
    await tab.goto(site.url);
    await expect(tab.locator('.article-list')).toBeVisible();
    const what = JSON.stringify(connection);
    if (onIdle) {
      await expect.poll(() => fetchedByPage(tab, 'article'), { message: what }).toBeGreaterThan(0);
    } else {
      await tab.waitForTimeout(2500); // idle, and past WebKit's one-second stand-in
      expect(await fetchedByPage(tab, 'article'), what).toBe(0);
      expect(await fetchedByPage(tab, 'tag'), what).toBe(0);
      await tab.locator('.flashes .flash a').first().hover();
      await expect.poll(() => fetchedByPage(tab, 'article'), { message: what }).toBeGreaterThan(0);
    }
    await tab.close();
  }
});

test('intent brings only the chunk its link’s route needs; on Save-Data or a slow connection a touch that may be a scroll is none', async ({
  browser,
  siteWith,
}) => {
  /** A tab of its own on `connection`, on the home page, idle, with links of every
   *  kind added under its header (src/chunk_prefetch.rs: `chunk_for_link`). */
  async function tab(site, connection, contextOptions = {}) {
    const context = await browser.newContext({ locale: 'he-IL', serviceWorkers: 'block', ...contextOptions });
    const page = await context.newPage();
    await page.addInitScript((connection) => {
      Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => connection });
    }, connection);
    await page.goto(site.url);
    await expect(page.locator('.article-list')).toBeVisible();
    await page.evaluate((origin) => {
      const links = document.createElement('nav');
      links.id = 'links';
      for (const [id, href] of Object.entries({
        external: 'https://www.facebook.com/article/x',
        mail: 'mailto:desk@news.example',
        phone: 'tel:+97235550100',
        fragment: '#main',
        home: './',
        outside: `${origin}/elsewhere/article/x`,
        tag: 'tag/%D7%91%D7%98%D7%97%D7%95%D7%9F',
        statement: 'accessibility',
      })) {
        const a = links.appendChild(document.createElement('a'));
        a.id = id;
        a.href = href;
        a.textContent = `${id} `;
      }
      document.querySelector('header').after(links);
    }, new URL(site.url).origin);
    return page;
  }
  const chunks = async (page) =>
    Object.fromEntries(
      await Promise.all(['article', 'tag', 'accessibility'].map(async (n) => [n, await fetchedByPage(page, n)])),
    );
  const none = { article: 0, tag: 0, accessibility: 0 };

  // Save-Data: nothing on idle; a mouse over links out of the app or to pages
  // without a chunk brings none; over a tag link, the tag's chunk alone; focus on
  // the statement's link, its chunk alone.
  const saving = await tab(await siteWith(), { effectiveType: '4g', saveData: true });
  for (const id of ['external', 'mail', 'phone', 'fragment', 'home', 'outside']) await saving.hover(`#${id}`);
  await saving.waitForTimeout(500);
  expect(await chunks(saving)).toEqual(none);
  await saving.hover('#tag');
  await expect.poll(() => chunks(saving)).toEqual({ ...none, tag: 1 });
  await saving.focus('#statement');
  await expect.poll(() => chunks(saving)).toEqual({ ...none, tag: 1, accessibility: 1 });
  await saving.context().close();

  // A phone on 3g: a scroll that starts on a headline is no intent; the tap
  // itself opens the article, whose route then fetches its chunk.
  const phone = await tab(
    await siteWith(),
    { effectiveType: '3g', saveData: false },
    {
      viewport: { width: 360, height: 740 },
      hasTouch: true,
      isMobile: true,
    },
  );
  const headline = phone.locator('.flashes .flash a[href*="article/"]').nth(2);
  const box = await headline.boundingBox();
  const cdp = await phone.context().newCDPSession(phone);
  const at = (dy) => [{ x: box.x + box.width / 2, y: box.y + box.height / 2 - dy }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let dy = 30; dy <= 150; dy += 30)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(dy) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await phone.waitForTimeout(500);
  expect(await chunks(phone)).toEqual(none);
  await phone.locator('.flashes .flash a[href*="article/"]').first().tap();
  await expect(phone.locator('article h1')).toBeVisible();
  expect(await chunks(phone)).toEqual({ ...none, article: 1 });
  await phone.context().close();
});

test('pointing at a flash draws its article once out of sight: no head, image or comment request changes, and the click opens it', async ({
  page,
  withComments,
}) => {
  // An article with a hero and an image in its HTML body, on a connection that
  // holds back the idle prefetch, so the pointer's intent is what draws it
  // (src/pages/article.rs: `rehearse`).
  const item = {
    id: 'rehearsed',
    title: 'מבזק עם תמונה ו-Windows 11',
    date_published: '2024-12-27T13:00:00+02:00',
    image: 'images/hero.jpg',
    content_html: '<p>פסקה ראשונה.</p><p><img src="images/in-body.jpg" alt=""> פסקה שנייה.</p>',
    tags: ['ביטחון'],
  };
  const { site, isso } = await withComments({
    site: { files: { 'feed.json': { ...SAMPLE_FEED, items: [item, ...SAMPLE_FEED.items] } } },
  });
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'connection', {
      configurable: true,
      get: () => ({ effectiveType: '3g', saveData: false }),
    });
    window.__articlesDrawn = 0;
    const create = Document.prototype.createElement;
    Document.prototype.createElement = function (name, ...rest) {
      if (String(name).toLowerCase() === 'article') window.__articlesDrawn++;
      return create.call(this, name, ...rest);
    };
  });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  await page.waitForTimeout(1500);
  const title = await page.title();
  const drawnBefore = await page.evaluate(() => window.__articlesDrawn);
  const asked = requests.length;
  await page.locator(`.flashes .flash a[href$="article/${item.id}"]`).hover();
  await expect.poll(() => page.evaluate(() => window.__articlesDrawn)).toBeGreaterThan(drawnBefore);
  await page.waitForTimeout(500);
  expect(await page.title(), 'the head is the home page’s').toBe(title);
  await expect(page.locator('article.article')).toHaveCount(0);
  expect(
    requests.filter((url) => url.includes('/images/')),
    'no image of a page not shown',
  ).toEqual([]);
  expect(
    requests.slice(asked).filter((url) => url.startsWith(isso.url)),
    'no comments of a page not shown',
  ).toEqual([]);
  // The click opens it as ever, its hero and comments with it.
  await page.locator(`.flashes .flash a[href$="article/${item.id}"]`).click();
  await expect(page.locator('article h1')).toHaveText(item.title);
  await expect(page.locator('article .article-body p').nth(1)).toContainText('פסקה שנייה');
  await expect.poll(() => requests.some((url) => url.endsWith('/images/hero.jpg'))).toBe(true);
  await expect.poll(() => requests.slice(asked).some((url) => url.includes('/?uri='))).toBe(true);
  await expect(page).not.toHaveTitle(title);
});
