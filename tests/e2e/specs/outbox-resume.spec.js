// The comment outbox's resume chunk (src/comments/deliveries.rs,
// `resume_outbox`): unsent comments an earlier page left are sent from a wasm chunk
// fetched only when the outbox holds one. Each test says what the reader expects.
import fs from 'node:fs';
import { untilControlled } from '../support/service-worker.js';
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const ARTICLE = SAMPLE_FEED.items.find((i) => i.content_text);
const THREAD = `/article/${ARTICLE.id}`;
const form = (page) => page.locator('.comments > .comment-form');

test('a comment sent offline, then the home page reloaded offline: back online, the home page sends it once', async ({
  page,
  context,
  withComments,
}) => {
  const { site, isso } = await withComments();
  await page.goto(`${site.url}article/${ARTICLE.id}`);
  await expect(page.locator('#comments-heading')).toBeVisible();
  await untilControlled(page);
  await context.setOffline(true);
  await form(page).getByLabel('התגובה שלכם').fill('נשלחה בלי חיבור, ונשלחת מדף הבית');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(form(page).getByRole('alert')).toContainText('נשלח כשהחיבור יחזור');
  // The reader leaves for the home page, which is loaded afresh (offline, from the worker).
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  expect((await isso.thread(THREAD)).replies).toHaveLength(0);
  await context.setOffline(false);
  await expect.poll(async () => (await isso.thread(THREAD)).replies.length, { timeout: 15_000 }).toBe(1);
  await page.waitForTimeout(1500);
  expect((await isso.thread(THREAD)).replies).toHaveLength(1);
  expect(await page.evaluate(() => localStorage.getItem('mivzak:outbox'))).toBeNull();
});

test.describe('without a service worker', () => {
  test.use({ serviceWorkers: 'block' });

  for (const drops of [false, true]) {
    test(`the resume chunk ${drops ? 'fails once' : 'comes'} as the home page starts: the unsent comment goes out from this page`, async ({
      page,
      withComments,
    }) => {
      const { site, isso } = await withComments({ proxied: true });
      await page.goto(`${site.url}article/${ARTICLE.id}`);
      await expect(page.locator('#comments-heading')).toBeVisible();
      // Isso down: the comment waits in the outbox.
      site.fail('/isso/new', 503);
      await form(page).getByLabel('התגובה שלכם').fill('ממתינה בתיבת הדואר היוצא');
      await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
      await expect.poll(() => page.evaluate(() => localStorage.getItem('mivzak:outbox'))).not.toBeNull();
      // The reader goes home; Isso is back, and (the finding) the resume chunk's first download drops.
      site.heal('/isso/new');
      const resume = fs.readdirSync(site.root).find((file) => /-split_resume_chunk\.wasm$/.test(file));
      expect(resume, 'a resume chunk in dist').toBeTruthy();
      if (drops) site.fail(`/${resume}`, 200, { mode: 'reset', times: 1 });
      await page.goto(site.url);
      await expect(page.locator('.article-list')).toBeVisible();
      // Before the chunk, the outbox's sending started at once and retried with
      // backoff; now one failed download leaves it for "the next page".
      await expect.poll(async () => (await isso.thread(THREAD)).replies.length, { timeout: 20_000 }).toBe(1);
    });
  }
});
