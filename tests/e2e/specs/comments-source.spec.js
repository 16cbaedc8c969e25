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
