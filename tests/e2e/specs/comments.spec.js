// Comments against a real Isso: read, post, reply, like, sort, and never lose a word.
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const ARTICLE = SAMPLE_FEED.items.find((i) => i.content_text);
const THREAD = `/article/${ARTICLE.id}`;

async function openArticle(page, site) {
  await page.goto(`${site.url}article/${ARTICLE.id}`);
  await expect(page.locator('#comments-heading')).toBeVisible();
}

const form = (page) => page.locator('.comments > .comment-form');

test('a posted comment shows, is stored by Isso, survives a reload, and counts on the home page', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  await openArticle(page, site);
  await expect(page.locator('#comments-heading')).toHaveText('תגובות (0)');
  await form(page).getByLabel('שם (לא חובה)').fill('רותי');
  await form(page).getByLabel('התגובה שלכם').fill('תגובה ראשונה לכתבה');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  const comment = page.locator('.comment-list .comment').first();
  await expect(comment).toContainText('תגובה ראשונה לכתבה');
  await expect(comment.locator('.comment-author')).toHaveText('רותי');
  await expect(page.locator('#comments-heading')).toHaveText('תגובות (1)');
  const stored = await isso.thread(THREAD);
  expect(stored.replies.map((r) => r.author)).toEqual(['רותי']);
  expect(stored.replies[0].text).toContain('תגובה ראשונה לכתבה');
  await page.reload();
  await expect(page.locator('.comment-list .comment')).toHaveCount(1);
  await expect(page.locator('#comments-heading')).toHaveText('תגובות (1)');
  // The name is remembered for next time.
  await expect(form(page).getByLabel('שם (לא חובה)')).toHaveValue('רותי');
  const countRequests = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().startsWith(`${isso.url}/count`)) countRequests.push(r.url());
  });
  await page.goto(site.url);
  const card = page.locator('.article-card', { hasText: ARTICLE.title });
  await expect(card.locator('.comment-count')).toHaveText('תגובות (1)');
  await expect(page.locator('.article-card .comment-count')).toHaveCount(9);
  // All nine counts came from one request.
  expect(countRequests).toHaveLength(1);
});

test('the home page asks for every count in one POST /count', async ({ page, withComments }) => {
  const { site, isso } = await withComments();
  await isso.post(THREAD, { text: 'מישהו אחר הגיב' });
  const counts = [];
  page.on('request', (r) => {
    if (r.url().startsWith(isso.url)) counts.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  await page.goto(site.url);
  await expect(page.locator('.article-card', { hasText: ARTICLE.title }).locator('.comment-count')).toHaveText(
    'תגובות (1)',
  );
  expect(counts.filter((c) => c === 'POST /count')).toHaveLength(1);
  expect(counts.filter((c) => c !== 'POST /count' && !c.startsWith('OPTIONS'))).toEqual([]);
});

test('a reply appears under its parent', async ({ page, withComments }) => {
  const { site, isso } = await withComments();
  const parent = await isso.post(THREAD, { text: 'תגובת האב', author: 'דני' });
  await openArticle(page, site);
  const parentItem = page.locator(`#comment-${parent.id}`);
  await expect(parentItem).toContainText('תגובת האב');
  await parentItem.getByRole('button', { name: 'הגיבו' }).click();
  await parentItem.getByLabel('תגובה לתגובה').fill('תשובה לדני');
  await parentItem.getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(parentItem.locator('.comment-replies .comment')).toContainText('תשובה לדני');
  const stored = await isso.thread(THREAD);
  expect(stored.replies[0].replies.map((r) => r.parent)).toEqual([parent.id]);
  await page.reload();
  await expect(page.locator(`#comment-${parent.id} .comment-replies .comment`)).toContainText('תשובה לדני');
});

test('text typed and not sent is back after a reload; after a post the draft is gone', async ({
  page,
  withComments,
}) => {
  const { site } = await withComments();
  await openArticle(page, site);
  await form(page).getByLabel('התגובה שלכם').fill('טיוטה שלא נשלחה');
  await page.reload();
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('טיוטה שלא נשלחה');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(page.locator('.comment-list .comment')).toContainText('טיוטה שלא נשלחה');
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('');
  await page.reload();
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mivzak:draft')))).toEqual([]);
});

test('with Isso stopped the text stays and the error shows; when it is back, a retry stores exactly one', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  await openArticle(page, site);
  await isso.stop();
  await form(page).getByLabel('התגובה שלכם').fill('נשלחת בזמן תקלה');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(form(page).getByRole('alert')).toContainText('אין חיבור לשרת התגובות');
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('נשלחת בזמן תקלה');
  await isso.start();
  await form(page).getByRole('button', { name: 'נסו שוב עכשיו' }).click();
  await expect(page.locator('.comment-list .comment')).toContainText('נשלחת בזמן תקלה');
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('');
  await page.waitForTimeout(3000); // any stray retry would have landed by now
  const stored = await isso.thread(THREAD);
  expect(stored.replies).toHaveLength(1);
});

test('posting past the rate limit says so and keeps the text', async ({ page, withComments }) => {
  const { site, isso } = await withComments();
  await openArticle(page, site);
  const text = form(page).getByLabel('התגובה שלכם');
  for (const n of ['אחת', 'שתיים']) {
    await text.fill(`תגובה מספר ${n}`);
    await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
    await expect(text).toHaveValue('');
  }
  await text.fill('תגובה מספר שלוש');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(form(page).getByRole('alert')).toContainText('שלחתם כמה תגובות ברצף');
  await expect(text).toHaveValue('תגובה מספר שלוש');
  expect((await isso.thread(THREAD)).replies).toHaveLength(2);
});

test('a double click posts once, and the button is disabled while sending', async ({ page, withComments }) => {
  const { site, isso } = await withComments();
  await openArticle(page, site);
  await form(page).getByLabel('התגובה שלכם').fill('לחיצה כפולה');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).dblclick();
  await expect(page.locator('.comment-list .comment')).toHaveCount(1);
  await page.waitForTimeout(1000);
  expect((await isso.thread(THREAD)).replies).toHaveLength(1);
});

test.describe('hostile comments', () => {
  test('a comment whose text carries XSS vectors runs no script', async ({ page, withComments }) => {
    const { site, isso } = await withComments();
    await page.addInitScript(() => {
      window.__ran = [];
      window.__xss = (n) => window.__ran.push(n);
      window.alert = (n) => window.__ran.push(n);
    });
    const vectors = [
      '<img src=x onerror=__xss(1)>',
      '[click](javascript:__xss(2))',
      '<a href="javascript:__xss(3)">a</a>',
      '<svg onload=__xss(4)>',
      '<script>__xss(5)</script>',
      '<iframe src="javascript:__xss(6)"></iframe>',
      '![x](javascript:__xss(7))',
      '<form><input name="nodeType"></form><b>bold</b>',
    ];
    for (const [i, text] of vectors.entries()) await isso.post(THREAD, { text }, `10.0.${i}.9`);
    await openArticle(page, site);
    await expect(page.locator('.comment-list > .comment')).toHaveCount(vectors.length);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__ran)).toEqual([]);
    const bad = await page
      .locator('.comment-list')
      .evaluate((el) =>
        [...el.querySelectorAll('.comment-text *')]
          .filter(
            (n) =>
              ['script', 'svg', 'iframe', 'form', 'input'].includes(n.localName) ||
              [...n.attributes].some((a) => a.name.startsWith('on') || /^\s*javascript:/i.test(a.value)),
          )
          .map((n) => n.outerHTML),
      );
    expect(bad).toEqual([]);
  });
});

test('if localStorage is full, typing keeps working in memory and says nothing is saved', async ({
  page,
  withComments,
}) => {
  const { site } = await withComments();
  await page.addInitScript(() => {
    // Really fill the origin's storage, as a long-lived page might have.
    let size = 1024 * 1024;
    for (let i = 0; size >= 1; i++) {
      try {
        localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await openArticle(page, site);
  const text = form(page).getByLabel('התגובה שלכם');
  await text.fill('לא נשמר בדפדפן');
  await expect(form(page).locator('.comment-not-saved')).toBeVisible();
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(page.locator('.comment-list .comment')).toContainText('לא נשמר בדפדפן');
});

test('likes: one per reader, through Isso', async ({ page, withComments }) => {
  const { site, isso } = await withComments();
  const other = await isso.post(THREAD, { text: 'תגובה שכדאי לאהוב', author: 'נועה' });
  await openArticle(page, site);
  const like = page.locator(`#comment-${other.id} .comment-like`);
  await expect(like).toHaveText('אהבתי 0');
  await like.click();
  await expect(like).toHaveText('אהבתי 1');
  await expect(like).toBeDisabled();
  expect((await isso.thread(THREAD)).replies[0].likes).toBe(1);
  await page.reload();
  await expect(page.locator(`#comment-${other.id} .comment-like`)).toBeDisabled();
});

test('comments sort newest, oldest or most liked; author falls back to אנונימי; text reads in its own direction', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  const first = await isso.post(THREAD, { text: 'הראשונה', author: 'א' }, '10.0.1.1');
  await new Promise((r) => setTimeout(r, 1100));
  await isso.post(THREAD, { text: 'An English comment' }, '10.0.2.1');
  await fetch(`${isso.url}/id/${first.id}/like`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.9.9' },
    body: '{}',
  });
  await openArticle(page, site);
  const authors = () => page.locator('.comment-list > .comment .comment-author').allTextContents();
  await expect.poll(authors).toEqual(['אנונימי', 'א']);
  await page.getByLabel('מיון:').selectOption('oldest');
  await expect.poll(authors).toEqual(['א', 'אנונימי']);
  await page.getByLabel('מיון:').selectOption('liked');
  await expect.poll(authors).toEqual(['א', 'אנונימי']);
  // Each paragraph in its own direction (comments-as-sent.spec.js for its lines).
  const paragraph = page.locator('.comment-text p', { hasText: 'An English comment' });
  expect(await paragraph.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('plaintext');
  // The relative time gives the absolute one on hover and focus.
  await expect(page.locator('.comment-time').first()).toHaveAttribute('title', /\d\d:\d\d/);
});

test('the counter counts characters, not bytes, and a too-short comment is not sent', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  await openArticle(page, site);
  await form(page).getByLabel('התגובה שלכם').fill('שלום');
  await expect(form(page).locator('.comment-counter')).toContainText('4 / 65535');
  await form(page).getByLabel('התגובה שלכם').fill('אב');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(form(page).locator('.comment-problem')).toContainText('קצרה מדי');
  expect((await isso.thread(THREAD)).replies).toHaveLength(0);
});

test('a comment held for moderation says so', async ({ page, withComments }) => {
  const { site } = await withComments({ isso: { moderation: true } });
  await openArticle(page, site);
  await form(page).getByLabel('התגובה שלכם').fill('צריכה אישור');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(page.locator('.comment.is-held')).toContainText('ממתינה לאישור');
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('');
});

test('a 5xx is retried by itself, honouring Retry-After, and lands once', async ({ page, withComments }) => {
  // The same Isso behind the site's own origin, where the test can make it fail.
  const { site, isso } = await withComments({ proxied: true });
  await openArticle(page, site);
  site.fail('/isso/new', 503, { headers: { 'retry-after': '2', 'content-type': 'text/plain' } });
  await form(page).getByLabel('התגובה שלכם').fill('אחרי תקלה בשרת');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  const alert = form(page).getByRole('alert');
  await expect(alert).toContainText('שרת התגובות נתקל בתקלה');
  await expect(alert).toContainText('ננסה שוב בעוד 2 שניות');
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('אחרי תקלה בשרת');
  site.heal('/isso/new');
  await expect(page.locator('.comment-list .comment')).toContainText('אחרי תקלה בשרת', { timeout: 8000 });
  expect((await isso.thread(THREAD)).replies).toHaveLength(1);
  const posts = site.requests.filter((r) => r.path === '/isso/new' && r.method === 'POST');
  expect(posts.length).toBeGreaterThanOrEqual(2);
});

test('a 400 is not retried by itself and keeps the text', async ({ page, withComments }) => {
  const { site } = await withComments({ proxied: true });
  await openArticle(page, site);
  site.fail('/isso/new', 400, { body: 'text is too short' });
  await form(page).getByLabel('התגובה שלכם').fill('נדחית כלא תקינה');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(form(page).getByRole('alert')).toContainText('דחה את התגובה כלא תקינה');
  await page.waitForTimeout(3000);
  expect(site.requests.filter((r) => r.path === '/isso/new' && r.method === 'POST')).toHaveLength(1);
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('נדחית כלא תקינה');
});

test('offline, the comment waits and is sent once the browser is back online', async ({
  page,
  context,
  withComments,
}) => {
  const { site, isso } = await withComments();
  await openArticle(page, site);
  await context.setOffline(true);
  await form(page).getByLabel('התגובה שלכם').fill('נכתבה בלי חיבור');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(form(page).getByRole('alert')).toContainText('נשלח כשהחיבור יחזור');
  await context.setOffline(false);
  await expect(page.locator('.comment-list .comment')).toContainText('נכתבה בלי חיבור');
  expect((await isso.thread(THREAD)).replies).toHaveLength(1);
});

test('a post that gets no answer times out, says so, keeps the text, and lands once later', async ({
  page,
  withComments,
}) => {
  test.setTimeout(60_000);
  const { site, isso } = await withComments({ proxied: true });
  await openArticle(page, site);
  site.fail('/isso/new', 200, { mode: 'stall', headers: { 'content-type': 'application/json' } });
  await form(page).getByLabel('התגובה שלכם').fill('שרת שלא עונה');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(form(page).getByRole('alert')).toContainText('שרת התגובות לא ענה בזמן', { timeout: 25_000 });
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('שרת שלא עונה');
  site.heal('/isso/new');
  await expect(page.locator('.comment-list .comment')).toContainText('שרת שלא עונה', { timeout: 15_000 });
  expect((await isso.thread(THREAD)).replies).toHaveLength(1);
});

test("a deleted comment with replies is a placeholder above them, and the count is Isso's", async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  const parent = await isso.post(THREAD, { text: 'תגובה שתימחק', author: 'מוחק' }, '10.0.31.1');
  await isso.post(THREAD, { text: 'תשובה שנשארת', author: 'משיבה', parent: parent.id }, '10.0.32.1');
  await isso.post(THREAD, { text: 'תגובה אחרת', author: 'שלישי' }, '10.0.33.1');
  const later = await isso.post(THREAD, { text: 'תגובה שתימחק בזמן הקריאה', author: 'רביעי' }, '10.0.34.1');
  await isso.remove(parent.id);
  // Isso keeps it (mode 4, no text, no author) because a reply hangs on it.
  const stored = (await isso.thread(THREAD)).replies.find((c) => c.id === parent.id);
  expect(stored.mode).toBe(4);
  expect(await isso.count(THREAD)).toBe(3);
  await openArticle(page, site);
  const placeholder = page.locator(`#comment-${parent.id}`);
  // It keeps its talkback number (talkbacks.spec.js), so the later ones keep theirs.
  await expect(placeholder.locator('.comment-deleted')).toHaveText('1. התגובה נמחקה');
  // Nothing else of its own: no author, no time, no like or reply button.
  expect(
    await placeholder.evaluate((el) =>
      [...el.children]
        .filter((n) => !n.matches('.comment-replies'))
        .map((n) => [n.className, n.textContent, n.querySelectorAll('button, time, .comment-author').length]),
    ),
  ).toEqual([['comment-deleted', '1. התגובה נמחקה', 0]]);
  // Its reply is still under it, whole.
  const reply = placeholder.locator('.comment-replies > .comment');
  await expect(reply).toContainText('תשובה שנשארת');
  await expect(reply.locator('.comment-author')).toHaveText('משיבה');
  await expect(reply.getByRole('button', { name: 'הגיבו' })).toBeVisible();
  await expect(page.locator('#comments-heading')).toHaveText('תגובות (3)');

  // Deleted while the reader answers it: with no reply yet, Isso removes it,
  // stores the answer at the top level and gives it the deleted one's id.
  const row = page.locator(`#comment-${later.id}`);
  await row.getByRole('button', { name: 'הגיבו' }).click();
  await isso.remove(later.id);
  await row.getByLabel('תגובה לתגובה').fill('תשובה לתגובה שנמחקה');
  await row.getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect.poll(async () => (await isso.thread(THREAD)).replies.length).toBe(3);
  const answer = (await isso.thread(THREAD)).replies.find((c) => c.text.includes('תשובה לתגובה שנמחקה'));
  expect([answer.parent, answer.id]).toEqual([null, later.id]);
  const top = page.locator('.comment-list > .comment');
  const shape = () =>
    top.evaluateAll((rows) =>
      rows.map((li) => [
        li.querySelector(':scope > .comment-deleted')?.textContent ?? li.querySelector('.comment-author').textContent,
        li.querySelectorAll(':scope > :not(.comment-replies) :is(button, time, .comment-author)').length > 0,
        [...li.querySelectorAll(':scope > .comment-replies > .comment')].map((r) => r.textContent.includes('תשובה')),
      ]),
    );
  // Newest first: in its place a placeholder with its number, the reader's answer under it.
  const expected = [
    ['3. התגובה נמחקה', false, [true]],
    ['שלישי', true, []],
    ['1. התגובה נמחקה', false, [true]],
  ];
  await expect.poll(shape).toEqual(expected);
  await expect(page.locator('.comment-replies .comment', { hasText: 'תשובה לתגובה שנמחקה' })).toHaveCount(1);
  // And so after the thread is loaded again (the page shown again).
  const loaded = page.waitForResponse((r) => r.url().startsWith(`${isso.url}/?uri=`));
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await loaded;
  await expect.poll(shape).toEqual(expected);
});

test("Isso's Markdown keeps its strikethrough, and code reads left to right in its own scroll", async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  const long = 'const headline = fetchFeed("https://news.example.co.il/feed.json").items[0].title; '.repeat(4);
  const struck = await isso.post(THREAD, { text: 'ירד מ-~~120~~ ל-90' }, '10.0.4.1');
  const code = await isso.post(
    THREAD,
    { text: `קוד לדוגמה:\n\n\`\`\`\n${long}\n\`\`\`\n\nוגם \`a->b\` בשורה.` },
    '10.0.4.2',
  );
  expect(struck.text).toContain('<del>120</del>');
  await page.setViewportSize({ width: 390, height: 800 });
  await openArticle(page, site);
  const del = page.locator(`#comment-${struck.id} .comment-text del`);
  await expect(del).toHaveText('120');
  expect(await del.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
  await expect(page.locator(`#comment-${struck.id} .comment-text`)).toHaveText('ירד מ-120 ל-90');
  const pre = page.locator(`#comment-${code.id} .comment-text pre`);
  await expect(pre).toHaveAttribute('dir', 'ltr');
  const box = await pre.evaluate((el) => {
    const text = el.querySelector('code').firstChild;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 5);
    const first = range.getBoundingClientRect();
    const own = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return {
      direction: style.direction,
      // The code's first word sits at the block's left edge (its start in LTR).
      fromLeft: first.left - (own.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth)),
      scrolls: el.scrollWidth > el.clientWidth,
      overflow: style.overflowX,
      right: own.right,
    };
  });
  expect(box.direction).toBe('ltr');
  expect(Math.abs(box.fromLeft)).toBeLessThan(2);
  expect(box.scrolls).toBe(true);
  expect(box.overflow).toBe('auto');
  expect(box.right).toBeLessThanOrEqual(390);
  // The page itself does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Inline code is an LTR isolate inside the Hebrew sentence.
  await expect(page.locator(`#comment-${code.id} .comment-text p code`)).toHaveAttribute('dir', 'ltr');
});

test('a 429 with Retry-After asks the reader to wait, retries by itself after it, and lands once', async ({
  page,
  withComments,
}) => {
  // A proxy in front of Isso, on the site's own origin, that answers one 429.
  const { site, isso } = await withComments({ proxied: true });
  await openArticle(page, site);
  site.fail('/isso/new', 429, {
    times: 1,
    body: 'Too Many Requests',
    headers: { 'retry-after': '3', 'content-type': 'text/plain' },
  });
  await form(page).getByLabel('התגובה שלכם').fill('נשלחה אחרי המתנה');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  const alert = form(page).getByRole('alert');
  await expect(alert).toContainText('מבקש להמתין');
  await expect(alert).toContainText('ננסה שוב בעוד 3 שניות');
  await expect(alert).not.toContainText('תשובה לא צפויה');
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('נשלחה אחרי המתנה');
  // Nobody clicks: it goes out by itself once the wait is over.
  await expect(page.locator('.comment-list .comment')).toContainText('נשלחה אחרי המתנה', { timeout: 10_000 });
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('');
  await page.waitForTimeout(2000); // any stray retry would have landed by now
  expect((await isso.thread(THREAD)).replies).toHaveLength(1);
  const posts = site.requests.filter((r) => r.path === '/isso/new' && r.method === 'POST');
  expect(posts.map((p) => p.status)).toEqual([429, 201]);
  expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(2900);
});
