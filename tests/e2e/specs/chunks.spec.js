// The app's wasm in chunks (issue 16, src/chunks.rs, scripts/wasm-split.mjs): the
// home page runs without the article's, tag's and comment sender's code; each
// comes when it is needed or before, and a chunk that does not come says so and
// can be tried again.
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const ARTICLE = SAMPLE_FEED.items.find((item) => item.content_html || item.content_text);
const chunkRequests = (site, name) => site.requests.filter((r) => r.path.includes(`-split_${name}_chunk.wasm`));

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
  expect(home.requests.filter((r) => /-(split|chunk)_\w+\.wasm$/.test(r.path) && r.at < homeMain.done)).toEqual([]);
});

test('a chunk that does not come leaves a Hebrew notice whose retry brings the page', async ({ page, siteWith }) => {
  const site = await siteWith();
  const index = await (await fetch(site.url)).text();
  const chunk = index.match(/"(\/[^"]+-split_article_chunk\.wasm)"/)[1];
  site.fail(chunk, 503);
  await page.goto(`${site.url}article/${encodeURIComponent(ARTICLE.id)}`);
  const notice = page.getByRole('alert').filter({ hasText: 'חלק מהדף לא נטען' });
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('article h1')).toHaveCount(0);
  site.heal(chunk);
  await notice.getByRole('button', { name: 'נסו שוב' }).click();
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title);
  await expect(notice).toHaveCount(0);
});

test('the comment sender’s chunk comes only for a page whose outbox holds a comment, and sends it from any page', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  // Idle, every other chunk prefetched: not this one.
  await page.waitForTimeout(2500);
  expect(chunkRequests(site, 'resume')).toEqual([]);
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
  expect(chunkRequests(site, 'resume')).toHaveLength(1);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('mivzak:outbox'))).toBeNull();
});
