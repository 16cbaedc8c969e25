// The thread changes under the reader (another reader's comment arrives, the
// order changes, the reader posts): rows are keyed by comment id, so a like's
// count and an open reply form, its text and its focus, stay where they were.
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const ARTICLE = SAMPLE_FEED.items.find((i) => i.content_text);
const THREAD = `/article/${ARTICLE.id}`;

async function openArticle(page, site) {
  await page.goto(`${site.url}article/${ARTICLE.id}`);
  await expect(page.locator('#comments-heading')).toBeVisible();
}

/** The tab hidden, then shown again, as when the reader comes back to it
 *  (the browser's own `visibilitychange` bubbles from the document). */
async function leaveAndComeBack(page) {
  for (const state of ['hidden', 'visible']) {
    await page.evaluate((state) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }, state);
  }
}

/** Likes `liked` and opens a reply form under `replied`, types in it and keeps
 *  the textarea aside in the page, to tell later whether it is the same one. */
async function likeAndStartAReply(page, liked, replied) {
  const like = page.locator(`#comment-${liked.id} .comment-like`);
  await expect(like).toHaveText('אהבתי 0');
  await like.click();
  await expect(like).toHaveText('אהבתי 1');
  const item = page.locator(`#comment-${replied.id}`);
  await item.getByRole('button', { name: 'הגיבו' }).click();
  const reply = item.getByLabel('תגובה לתגובה');
  await reply.fill('תשובה שעוד לא נשלחה');
  await reply.evaluate((box) => {
    window.replyBox = box;
  });
  return like;
}

const replyBox = (page) =>
  page.evaluate(() => ({
    connected: window.replyBox.isConnected,
    focused: document.activeElement === window.replyBox,
    value: window.replyBox.value,
  }));

test("another reader's comment comes in when the reader returns to the tab; the like count, the reply's text and its focus stay", async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  const liked = await isso.post(THREAD, { text: 'תגובה שכדאי לאהוב', author: 'נועה' }, '10.0.41.1');
  await new Promise((r) => setTimeout(r, 1100));
  const replied = await isso.post(THREAD, { text: 'תגובה שעונים לה', author: 'דני' }, '10.0.42.1');
  await openArticle(page, site);
  const like = await likeAndStartAReply(page, liked, replied);
  expect(await replyBox(page)).toEqual({ connected: true, focused: true, value: 'תשובה שעוד לא נשלחה' });

  await isso.post(THREAD, { text: 'תגובה חדשה של קוראת אחרת', author: 'שירה' }, '10.0.43.1');
  await leaveAndComeBack(page);
  // Newest first: the new comment goes on top of the two.
  await expect(page.locator('.comment-list > .comment .comment-author')).toHaveText(['שירה', 'דני', 'נועה']);
  await expect(page.locator('#comments-heading')).toHaveText('תגובות (3)');
  await expect(like).toHaveText('אהבתי 1');
  await expect(like).toBeDisabled();
  expect(await replyBox(page)).toEqual({ connected: true, focused: true, value: 'תשובה שעוד לא נשלחה' });
});

test("a change of order and the reader's own post keep the like count and the open reply form; the post brings in what others wrote", async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  const liked = await isso.post(THREAD, { text: 'תגובה שכדאי לאהוב', author: 'נועה' }, '10.0.51.1');
  await new Promise((r) => setTimeout(r, 1100));
  const replied = await isso.post(THREAD, { text: 'תגובה שעונים לה', author: 'דני' }, '10.0.52.1');
  await openArticle(page, site);
  const like = await likeAndStartAReply(page, liked, replied);

  await page.getByLabel('מיון:').selectOption('oldest');
  await expect(page.locator('.comment-list > .comment .comment-author')).toHaveText(['נועה', 'דני']);
  await expect(like).toHaveText('אהבתי 1');
  expect(await replyBox(page)).toMatchObject({ connected: true, value: 'תשובה שעוד לא נשלחה' });

  // Someone else writes meanwhile; then the reader posts a comment of their own.
  await isso.post(THREAD, { text: 'בינתיים כתבה מישהי אחרת', author: 'שירה' }, '10.0.53.1');
  const form = page.locator('.comments > .comment-form');
  await form.getByLabel('התגובה שלכם').fill('תגובה משלי');
  await form.getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(page.locator('.comment-list > .comment .comment-author')).toHaveText(['נועה', 'דני', 'שירה', 'אנונימי']);
  await expect(page.locator('#comments-heading')).toHaveText('תגובות (4)');
  await expect(like).toHaveText('אהבתי 1');
  expect(await replyBox(page)).toMatchObject({ connected: true, value: 'תשובה שעוד לא נשלחה' });
});

// The thread's source owns what the server stored (src/comments/deliveries.rs
// hands it over): no form has to be on screen when a delivery ends.
test('a reply whose form the reader closed while it waited still reaches its thread when the server takes it', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments({ proxied: true });
  const parent = await isso.post(THREAD, { text: 'תגובה שעונים לה', author: 'דני' }, '10.0.61.1');
  await openArticle(page, site);
  site.fail('/isso/new', 503, { headers: { 'retry-after': '1', 'content-type': 'text/plain' } });
  const item = page.locator(`#comment-${parent.id}`);
  await item.getByRole('button', { name: 'הגיבו' }).click();
  await item.getByLabel('תגובה לתגובה').fill('תשובה שיצאה אחרי שהטופס נסגר');
  await item.getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(item.getByRole('alert')).toContainText('ננסה שוב');
  // The reader closes the reply form; the delivery goes on without it.
  await item.getByRole('button', { name: 'הגיבו' }).click();
  await expect(item.getByLabel('תגובה לתגובה')).toHaveCount(0);
  site.heal('/isso/new');
  await expect(item.locator('.comment')).toContainText('תשובה שיצאה אחרי שהטופס נסגר', { timeout: 8000 });
  expect((await isso.thread(THREAD)).replies[0].replies).toHaveLength(1);
});

test('a comment held for moderation, delivered from the outbox on the home page, is in its thread when the reader opens it', async ({
  page,
  withComments,
}) => {
  const { site } = await withComments({ proxied: true, isso: { moderation: true } });
  await openArticle(page, site);
  site.fail('/isso/new', 503);
  const form = page.locator('.comments > .comment-form');
  await form.getByLabel('התגובה שלכם').fill('ממתינה לאישור ונשלחה מדף הבית');
  await form.getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('mivzak:outbox'))).not.toBeNull();
  // The reader goes home (a new page, which resumes the outbox); Isso is back.
  site.heal('/isso/new');
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('mivzak:outbox')), { timeout: 15_000 }).toBeNull();
  // Held, the comment is in no list Isso gives: only the delivery knows it.
  await page.evaluate(() => {
    window.samePage = true;
  });
  await page.locator('.article-list').getByRole('link', { name: ARTICLE.title }).first().click();
  await expect(page.locator('.comment.is-held')).toContainText('ממתינה לאישור ונשלחה מדף הבית');
  expect(await page.evaluate(() => window.samePage)).toBe(true);
});
