// Comments as the real Isso sends them (issue 25): the names it escapes, read as
// typed (§8), and a comment's paragraphs and lines, each in its own direction (§9).
import { commentLines, flush } from '../support/comment-lines.js';
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const ARTICLE = SAMPLE_FEED.items.find((i) => i.content_text);
const THREAD = `/article/${ARTICLE.id}`;
const form = (page) => page.locator('.comments > .comment-form');

async function openArticle(page, site) {
  await page.goto(`${site.url}article/${ARTICLE.id}`);
  await expect(page.locator('#comments-heading')).toBeVisible();
}

/** The author names on screen, by comment id, and whether any holds an element. */
const names = (page) =>
  page
    .locator('.comment-list')
    .evaluateAll((lists) =>
      Object.fromEntries(
        lists.flatMap((list) =>
          [...list.querySelectorAll('.comment-author')].map((el) => [
            el.closest('.comment').id,
            el.children.length ? `markup: ${el.innerHTML}` : el.textContent,
          ]),
        ),
      ),
    );

test('names Isso escapes read as typed, right after sending and after a reload; markup in a name stays text', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  const others = ["ג'ון", '"הצופה" מחיפה', '&amp;', '<b>AT&T</b>', '<img src=x onerror=alert(1)>'];
  const posted = [];
  for (const [i, author] of others.entries()) {
    posted.push(await isso.post(THREAD, { text: `תגובה מספר ${i}`, author }, `10.0.8${i}.1`));
  }
  // Isso stores and answers them escaped (views/comments.py: html.escape).
  expect(posted[0].author).toBe("ג'ון");
  expect(posted[2].author).toBe('&amp;amp;');
  await openArticle(page, site);
  const sent = [];
  for (const author of ['כהן & בניו', '<דנה>']) {
    await form(page).getByLabel('שם (לא חובה)').fill(author);
    await form(page).getByLabel('התגובה שלכם').fill(`שלום מאת ${author}`);
    await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
    const mine = page.locator('.comment-list .comment', { hasText: `שלום מאת ${author}` });
    // Right after sending: the name from Isso's POST /new answer.
    await expect(mine.locator('.comment-author')).toHaveText(author);
    sent.push([await mine.getAttribute('id'), author]);
  }
  const expected = Object.fromEntries([...posted.map((c, i) => [`comment-${c.id}`, others[i]]), ...sent]);
  expect(await names(page)).toEqual(expected);
  await page.reload();
  await expect(page.locator('.comment-list .comment')).toHaveCount(7);
  // After a reload: the names from Isso's list, the same.
  expect(await names(page)).toEqual(expected);
});

test("a comment's paragraphs and lines each take their own direction, on screen", async ({ page, withComments }) => {
  const { site, isso } = await withComments();
  // [text as typed, the side each line sits flush with, in order]
  const cases = [
    // The issue's: a URL first, then a blank line and a Hebrew sentence.
    ['https://news.example.com/item?id=1&ref=2\n\nזה הקישור לכתבה המלאה!', ['left', 'right']],
    // An English quote first, then a single Enter (one <p>, split by <br>).
    ['"Breaking news is rarely breaking," he wrote\nוזה נכון גם אצלנו!', ['left', 'right']],
    // Arabic, English and Hebrew lines.
    ['مرحبا بكم في الموقع\nWelcome to the site\nברוכים הבאים לאתר!', ['right', 'left', 'right']],
    // A numbered list, each item in another language.
    ['1. First item in English\n2. פריט שני בעברית!\n3. البند الثالث بالعربية', ['left', 'right', 'right']],
    // Hebrew first: the English paragraph after it still reads left to right.
    ['שלום לכולם!\n\nThis paragraph is in English.', ['right', 'left']],
  ];
  const ids = [];
  for (const [i, [text]] of cases.entries()) {
    ids.push((await isso.post(THREAD, { text }, `10.0.9${i}.1`)).id);
  }
  await openArticle(page, site);
  for (const [i, [text, sides]] of cases.entries()) {
    const selector = `#comment-${ids[i]}`;
    await expect(page.locator(`${selector} .comment-text`)).not.toBeEmpty();
    const lines = await page.evaluate(commentLines, selector);
    expect(
      lines.map((l) => l.text),
      text,
    ).toHaveLength(sides.length);
    for (const [j, line] of lines.entries()) {
      expect(flush(line, sides[j]), `${JSON.stringify(line)} flush ${sides[j]}`).toBe(true);
      // A right-to-left sentence ends at its left: its "!" there.
      if (sides[j] === 'right' && line.bang !== null) expect(line.bang, line.text).toBe(0);
    }
  }
});
