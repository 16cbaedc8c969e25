// Talkbacks as Israeli sites run them (issue 24 §6), against a real Isso: every
// top-level comment numbered in the order it was written, whatever the sort, and
// "לא אהבתי" beside "אהבתי", counted and kept like likes.
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const ARTICLE = SAMPLE_FEED.items.find((i) => i.content_text);
const THREAD = `/article/${ARTICLE.id}`;

async function openArticle(page, site) {
  await page.goto(`${site.url}article/${ARTICLE.id}`);
  await expect(page.locator('#comments-heading')).toBeVisible();
}

/** Each top-level row's comment id and number, top to bottom. */
const shownNumbers = (page) =>
  page
    .locator('.comment-list:not(.held) > .comment')
    .evaluateAll((rows) => rows.map((li) => [li.id, li.querySelector(':scope > p .comment-number')?.textContent]));

test('top-level comments are numbered oldest first in every order, replies are not, and a new comment keeps the others’ numbers', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  // Others' comments, from other addresses; names beside the number that could
  // run into it: Latin, and one that starts with digits.
  const first = await isso.post(THREAD, { text: 'הראשונה בשרשור', author: 'נועה' }, '10.0.61.1');
  await isso.post(THREAD, { text: 'תשובה ראשונה', author: 'דן', parent: first.id }, '10.0.62.1');
  await isso.post(THREAD, { text: 'תשובה שנייה', author: 'גל', parent: first.id }, '10.0.63.1');
  const second = await isso.post(THREAD, { text: 'An English talkback', author: 'John Smith' }, '10.0.64.1');
  const third = await isso.post(THREAD, { text: 'השלישית', author: '42 קוראים' }, '10.0.65.1');
  await openArticle(page, site);
  const row = (c) => `comment-${c.id}`;
  // Newest first (the default): 3, 2, 1 from the top.
  await expect
    .poll(() => shownNumbers(page))
    .toEqual([
      [row(third), '3.'],
      [row(second), '2.'],
      [row(first), '1.'],
    ]);
  await expect(page.locator('.comment-replies .comment-number')).toHaveCount(0);
  await expect(page.locator(`#${row(first)} .comment-replies > .comment`)).toHaveCount(2);
  await page.getByLabel('מיון:').selectOption('oldest');
  await expect
    .poll(() => shownNumbers(page))
    .toEqual([
      [row(first), '1.'],
      [row(second), '2.'],
      [row(third), '3.'],
    ]);

  // What a reader sees: the number at the start of the line (the right), its
  // point after the digits (to their left), and the name wholly after it.
  for (const comment of [first, second, third]) {
    const seen = await page.locator(`#${row(comment)} > .comment-meta`).evaluate((meta) => {
      const number = meta.querySelector('.comment-number');
      const author = meta.querySelector('.comment-author');
      const text = number.textContent;
      // One character's box, wherever the number's text nodes split.
      const charRect = (wanted) => {
        const walker = document.createTreeWalker(number, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent.search(wanted);
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            return range.getBoundingClientRect();
          }
        }
        throw new Error(`no ${wanted} in ${text}`);
      };
      const digits = charRect(/\d/);
      const dot = charRect(/\./);
      const name = author.getBoundingClientRect();
      return {
        numberFirst: digits.right >= meta.getBoundingClientRect().right - 1,
        dotAfterDigits: dot.right <= digits.left + 0.5,
        nameAfterNumber: name.right <= dot.left + 0.5,
        isolated: getComputedStyle(number).unicodeBidi === 'isolate' && getComputedStyle(number).direction === 'rtl',
      };
    });
    expect(seen, comment.author).toEqual({
      numberFirst: true,
      dotAfterDigits: true,
      nameAfterNumber: true,
      isolated: true,
    });
  }
  // And what a screen reader reads: the number, then the name, as one line.
  const spoken = await page.locator('.comment-list:not(.held)').ariaSnapshot();
  expect(spoken).toContain('3. 42 קוראים ·');
  expect(spoken).toContain('2. John Smith ·');

  // The reader's own comment, newest first: it comes in at the top as 4, and
  // every other comment keeps its number.
  await page.getByLabel('מיון:').selectOption('newest');
  const form = page.locator('.comments > .comment-form');
  await form.getByLabel('התגובה שלכם').fill('הרביעית, שלי');
  await form.getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(page.locator('.comment-list:not(.held) > .comment').first()).toContainText('הרביעית, שלי');
  const mine = (await isso.thread(THREAD)).replies.find((c) => c.text.includes('הרביעית'));
  await expect
    .poll(() => shownNumbers(page))
    .toEqual([
      [row(mine), '4.'],
      [row(third), '3.'],
      [row(second), '2.'],
      [row(first), '1.'],
    ]);
});

test('"לא אהבתי" counts through Isso beside "אהבתי", one vote per reader, and is kept after a reload', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  const other = await isso.post(THREAD, { text: 'תגובה שלא כדאי לאהוב', author: 'נועה' }, '10.0.62.1');
  await openArticle(page, site);
  const buttons = (c) => ({
    like: page.locator(`#comment-${c.id} > .comment-actions .comment-like`),
    dislike: page.locator(`#comment-${c.id} > .comment-actions .comment-dislike`),
  });
  const { like, dislike } = buttons(other);
  await expect(dislike).toHaveText('לא אהבתי 0');
  await expect(like).toHaveText('אהבתי 0');
  // The count is isolated beside its label, to its left (after it, right to left).
  const placed = await dislike.evaluate((button) => {
    const count = button.querySelector('bdi');
    const range = document.createRange();
    range.selectNodeContents(button.firstChild);
    return { countAfterLabel: count.getBoundingClientRect().right <= range.getBoundingClientRect().left + 0.5 };
  });
  expect(placed).toEqual({ countAfterLabel: true });
  await dislike.click();
  await expect(dislike).toHaveText('לא אהבתי 1');
  await expect(dislike).toHaveAttribute('aria-pressed', 'true');
  // One vote per reader and comment, like or dislike, as Isso counts them.
  await expect(like).toBeDisabled();
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  expect((await isso.thread(THREAD)).replies[0]).toMatchObject({ likes: 0, dislikes: 1 });
  await page.reload();
  await expect(buttons(other).dislike).toHaveText('לא אהבתי 1');
  await expect(buttons(other).dislike).toBeDisabled();
  await expect(buttons(other).dislike).toHaveAttribute('aria-pressed', 'true');
  await expect(buttons(other).like).toBeDisabled();

  // The reader's own comment: Isso counts no vote from its author's address
  // (200, the counts unchanged and a message). The reader is told so.
  const form = page.locator('.comments > .comment-form');
  await form.getByLabel('התגובה שלכם').fill('תגובה שלי');
  await form.getByRole('button', { name: 'שליחת התגובה' }).click();
  const mine = page.locator('.comment-list > .comment', { hasText: 'תגובה שלי' });
  await mine.locator('.comment-dislike').click();
  await expect(mine.locator('.comment-vote-note')).toHaveText(/^ההצבעה לא נספרה/);
  await expect(mine.locator('.comment-dislike')).toHaveText('לא אהבתי 0');
  await expect(mine.locator('.comment-dislike')).toBeDisabled();
});

test('a vote the server fails is taken back, the reader is told in Hebrew, and the next try counts', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments({ proxied: true });
  const other = await isso.post(THREAD, { text: 'תגובה להצבעה', author: 'נועה' }, '10.0.63.1');
  await openArticle(page, site);
  const item = page.locator(`#comment-${other.id}`);
  const dislike = item.locator('.comment-dislike');
  await expect(dislike).toHaveText('לא אהבתי 0');
  for (const [status, extra] of [
    [503, {}],
    [200, { body: '<html>proxy</html>', headers: { 'content-type': 'text/html' } }],
  ]) {
    site.fail(`/isso/id/${other.id}/dislike`, status, extra);
    await dislike.click();
    await expect(item.locator('.comment-vote-note')).toHaveText(/^ההצבעה לא נשלחה/);
    await expect(item.locator('.comment-vote-note')).toHaveAttribute('role', 'status');
    // Nothing lost: the counts as they were, both buttons to try again.
    await expect(dislike).toHaveText('לא אהבתי 0');
    await expect(dislike).toBeEnabled();
    await expect(item.locator('.comment-like')).toBeEnabled();
    site.heal(`/isso/id/${other.id}/dislike`);
  }
  expect(await page.evaluate(() => localStorage.getItem('mivzak:disliked'))).toBeNull();
  await dislike.click();
  await expect(dislike).toHaveText('לא אהבתי 1');
  await expect(item.locator('.comment-vote-note')).toHaveText('');
  expect((await isso.thread(THREAD)).replies[0].dislikes).toBe(1);
});
