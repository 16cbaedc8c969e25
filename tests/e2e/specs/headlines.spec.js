// A headline reads exactly as it was typed: one text in the lang and dir of its
// language (item, feed, site, else dir="auto"), laid out by the browser's bidi
// algorithm, never cut into pieces; plain text, whatever the publisher escaped into
// it; and no word so long that a page gets wider than a phone. Every order is
// checked on screen, character by character, not in the DOM's text.

import { feedWith, flash } from '../support/feeds.js';
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const MIXED = [
  flash('mc', '14:55', 'סניף McDonald’s נסגר', { summary: 'סניף McDonald’s נסגר אחרי 30 שנה' }),
  flash('tlv', '14:54', 'עיריית Tel Aviv–Yafo'),
  flash('dalle', '14:53', 'כלי DALL·E זמין'),
  flash('pct', '14:52', 'עלייה של 50% במחירים'),
  flash('cpp', '14:51', 'שפת C++ חוזרת לצמרת', { tags: ['C++'] }),
  flash('minus', '14:50', '-3 מעלות בירושלים'),
  flash('plus', '14:49', 'תשואה של +2.5% בנובמבר'),
];

/**
 * The on-screen boxes of the characters of `element`'s text, in typed order:
 * `{ ch, left, right, top }` per character, leaving out spaces and invisible marks.
 */
function characterBoxes(element) {
  const boxes = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const ch = node.data[i];
      if (/\s|\u200e|\u200f/.test(ch)) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = [...range.getClientRects()].find((r) => r.width > 0);
      if (rect) boxes.push({ ch, left: rect.left, right: rect.right, top: rect.top });
    }
  }
  return boxes;
}

/** The boxes of `word`'s characters (its first occurrence) among `boxes`. */
function wordBoxes(boxes, word) {
  const letters = [...word.replace(/\s/g, '')];
  const text = boxes.map((b) => b.ch).join('');
  const at = text.indexOf(letters.join(''));
  expect(at, `"${word}" on screen in "${text}"`).toBeGreaterThanOrEqual(0);
  return boxes.slice(at, at + letters.length);
}

/** Each character to the right of the one typed before it. */
function expectLeftToRight(boxes, word) {
  const chars = wordBoxes(boxes, word);
  for (let i = 1; i < chars.length; i++) {
    expect(chars[i].left, `"${word}": ${chars[i].ch} after ${chars[i - 1].ch}`).toBeGreaterThan(chars[i - 1].left);
  }
}

/** Each character to the left of the one typed before it. */
function expectRightToLeft(boxes, word) {
  const chars = wordBoxes(boxes, word);
  for (let i = 1; i < chars.length; i++) {
    expect(chars[i].left, `"${word}": ${chars[i].ch} after ${chars[i - 1].ch}`).toBeLessThan(chars[i - 1].left);
  }
}

/** In a right-to-left line, `words` stand from right to left in the order given. */
function expectWordsRightToLeft(boxes, words) {
  const spans = words.map((w) => wordBoxes(boxes, w));
  for (let i = 1; i < spans.length; i++) {
    const before = Math.min(...spans[i - 1].map((b) => b.left));
    const after = Math.max(...spans[i].map((b) => b.right));
    expect(after, `"${words[i]}" left of "${words[i - 1]}"`).toBeLessThanOrEqual(before + 0.5);
  }
}

/** Runs `check` on the app, once it is in, on a site made with `options`. */
async function inApp(page, siteWith, options, check) {
  const site = await siteWith(options);
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  return check();
}

/** The checks of one mixed line, whatever element shows it. */
async function expectReadsAsTyped(locator, id) {
  const boxes = await locator.evaluate(characterBoxes);
  expect(new Set(boxes.map((b) => Math.round(b.top))).size, `${id} on one line`).toBe(1);
  switch (id) {
    case 'mc':
      expectLeftToRight(boxes, 'McDonald’s');
      expectRightToLeft(boxes, 'סניף');
      expectWordsRightToLeft(boxes, ['סניף', 'McDonald’s', 'נסגר']);
      break;
    case 'tlv':
      expectLeftToRight(boxes, 'Tel Aviv–Yafo');
      expectWordsRightToLeft(boxes, ['עיריית', 'Tel Aviv–Yafo']);
      break;
    case 'dalle':
      expectLeftToRight(boxes, 'DALL·E');
      expectWordsRightToLeft(boxes, ['כלי', 'DALL·E', 'זמין']);
      break;
    case 'pct':
      expectLeftToRight(boxes, '50%');
      expectWordsRightToLeft(boxes, ['עלייה', 'של', '50%', 'במחירים']);
      break;
    case 'cpp':
      expectLeftToRight(boxes, 'C++');
      expectWordsRightToLeft(boxes, ['שפת', 'C++', 'חוזרת', 'לצמרת']);
      break;
    case 'minus':
      // A number keeps its sign on its left, as a Hebrew newspaper prints it.
      expectLeftToRight(boxes, '-3');
      expectWordsRightToLeft(boxes, ['-3', 'מעלות', 'בירושלים']);
      break;
    case 'plus':
      expectLeftToRight(boxes, '+2.5%');
      expectWordsRightToLeft(boxes, ['תשואה', 'של', '+2.5%', 'בנובמבר']);
      break;
    default:
      throw new Error(id);
  }
}

test('mixed Hebrew and Latin headlines read as typed in the flashes, the article list and the article', async ({
  page,
  siteWith,
}) => {
  const site = await siteWith({ files: { 'feed.json': feedWith(MIXED) } });
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  for (const { id } of MIXED) {
    const row = page.locator('.flashes .flash', { has: page.locator(`a[href$="/article/${id}"]`) });
    const headline = row.locator('.headline');
    // One text, never cut into isolated pieces, in the site's Hebrew.
    await expect(headline.locator('*')).toHaveCount(0);
    await expect(headline).toHaveAttribute('lang', 'he');
    await expect(headline).toHaveAttribute('dir', 'rtl');
    await expectReadsAsTyped(headline, id);
    // The time beside it is isolated, at the start of the line (the right).
    const time = await row.locator('time').boundingBox();
    expect(time.x).toBeGreaterThan((await headline.boundingBox()).x);
    await expectReadsAsTyped(page.locator(`.article-card h3:has(a[href$="/article/${id}"])`), id);
  }
  for (const id of ['mc', 'cpp']) {
    await page.goto(`${site.url}article/${id}`);
    const h1 = page.locator('article h1');
    await expect(h1).toHaveAttribute('dir', 'rtl');
    await expectReadsAsTyped(h1, id);
  }
  await page.goto(`${site.url}article/mc`);
  const standfirst = await page.locator('.standfirst').evaluate(characterBoxes);
  expectLeftToRight(standfirst, 'McDonald’s');
  expectLeftToRight(standfirst, '30');
  expectWordsRightToLeft(standfirst, ['סניף', 'McDonald’s', 'נסגר', 'אחרי', '30', 'שנה']);
  // A tag is one of the item's texts too.
  await page.goto(`${site.url}article/cpp`);
  expectLeftToRight(await page.locator('.tags a').evaluate(characterBoxes), 'C++');
});

test('a feed that names its language at the top shows every flash and article in it', async ({ page, siteWith }) => {
  const english = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Wire',
    language: 'en-US',
    items: [
      flash('e1', '14:50', 'Markets rally on rate hopes.', {
        summary: 'Stocks rose on Friday.',
        content_text: 'Stocks rose on Friday.',
      }),
      flash('e2', '14:40', 'Storm warning for the coast!'),
    ],
  };
  const options = { files: { 'feed.json': english } };
  await inApp(page, siteWith, options, async () => {
    const flashes = page.locator('.flashes .flash .headline');
    await expect(flashes).toHaveCount(2);
    for (let i = 0; i < 2; i++) {
      const headline = flashes.nth(i);
      await expect(headline).toHaveAttribute('lang', 'en-US');
      await expect(headline).toHaveAttribute('dir', 'ltr');
      // The sentence's full stop or exclamation mark is at its end: the right.
      const boxes = await headline.evaluate(characterBoxes);
      const last = boxes[boxes.length - 1];
      expect(['.', '!']).toContain(last.ch);
      expect(last.left).toBe(Math.max(...boxes.map((b) => b.left)));
    }
  });
  for (let i = 0; i < 2; i++) await expect(page.locator('.article-card h3').nth(i)).toHaveAttribute('dir', 'ltr');
  await page.goto(`${new URL(page.url()).origin}/article/e1`);
  for (const selector of ['article h1', '.standfirst', '.article-body']) {
    await expect(page.locator(selector)).toHaveAttribute('lang', 'en-US');
    await expect(page.locator(selector)).toHaveAttribute('dir', 'ltr');
  }
  const h1 = await page.locator('article h1').evaluate(characterBoxes);
  expect(h1[h1.length - 1].ch).toBe('.');
  expect(h1[h1.length - 1].left).toBe(Math.max(...h1.map((b) => b.left)));
  // The page's own words around the article stay Hebrew.
  await expect(page.locator('article')).not.toHaveAttribute('dir', 'ltr');
});

test('where nothing names a language, the browser decides each headline by its text', async ({ page, siteWith }) => {
  const unnamed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'x',
    items: [flash('u1', '14:50', 'Markets rally.'), flash('u2', '14:40', 'שפת C++ חוזרת לצמרת')],
  };
  await inApp(page, siteWith, { config: { language: null }, files: { 'feed.json': unnamed } }, async () => {
    const headlines = page.locator('.flashes .flash .headline');
    await expect(headlines).toHaveCount(2);
    for (const headline of await headlines.all()) {
      await expect(headline).toHaveAttribute('dir', 'auto');
      await expect(headline).not.toHaveAttribute('lang');
    }
    const english = await headlines.nth(0).evaluate(characterBoxes);
    expect(english[english.length - 1].left).toBe(Math.max(...english.map((b) => b.left)));
    expect(await headlines.nth(0).evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(await headlines.nth(1).evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await expectReadsAsTyped(headlines.nth(1), 'cpp');
  });
});

test('titles, summaries, names, tags and attachment titles show as plain text', async ({ page, siteWith }) => {
  const items = [
    flash('q', '14:59', 'צה&quot;ל מודיע &#8211; Q&amp;A', {
      summary: '<p>תקציר &amp; עוד</p>',
      authors: [{ name: 'ג&#8217;ון &amp; דנה' }],
      tags: ['<i>ביטחון</i> &amp; צבא'],
      content_text: 'גוף',
      attachments: [{ url: 'files/a.pdf', mime_type: 'application/pdf', title: 'דוח &#8211; <b>מלא</b>' }],
    }),
    flash('b', '14:58', '<b>דחוף:</b> נסגר'),
    flash('d', '14:57', 'שם &amp;quot;כפול&amp;quot;'),
    // A microblog post: its title is made up from its Markdown text.
    {
      id: 'm',
      date_published: '2024-12-27T14:56:00+02:00',
      content_text: 'ראו [את הכתבה](https://example.com/a) ![תמונה](https://example.com/i.png) עכשיו',
    },
  ];
  const site = await siteWith({ files: { 'feed.json': feedWith(items) } });
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  const flashes = page.locator('.flashes .flash .headline');
  await expect(flashes.nth(0)).toHaveText('צה"ל מודיע – Q&A');
  await expect(flashes.nth(1)).toHaveText('דחוף: נסגר');
  await expect(flashes.nth(2)).toHaveText('שם &quot;כפול&quot;'); // decoded once
  await expect(flashes.nth(3)).toHaveText('ראו את הכתבה עכשיו');
  const visible = async () => page.locator('main').evaluate((el) => el.innerText);
  for (const raw of ['&#8211;', '&amp;', '<b>', '<i>', '&#8217;', '![', '](']) {
    expect(await visible()).not.toContain(raw);
  }
  await page.goto(`${site.url}article/q`);
  await expect(page.locator('article h1')).toHaveText('צה"ל מודיע – Q&A');
  await expect(page.locator('.standfirst')).toHaveText('תקציר & עוד');
  await expect(page.locator('.byline')).toHaveText('מאת ג’ון & דנה');
  await expect(page.locator('.tags a')).toHaveText('ביטחון & צבא');
  await expect(page.locator('.attachments a')).toHaveText('דוח – מלא');
  await expect(page).toHaveTitle('צה"ל מודיע – Q&A | מבזק');
  for (const raw of ['&quot;', '&#8211;', '&amp;', '<b>', '<i>', '<p>']) {
    expect(await visible()).not.toContain(raw);
  }
  // The byline isolates each name from "מאת" and the commas the page puts between them.
  await expect(page.locator('.byline bdi')).toHaveCount(1);
});

test('on a 360 px phone no long word or wide table makes a page wider than the screen', async ({ page, siteWith }) => {
  const hashtag = `#${Array.from({ length: 14 }, () => 'מבזק').join('_')}`; // 70 characters, no space
  const url = `https://example.com/${'a'.repeat(50)}`;
  expect(hashtag.length).toBe(70);
  const table = `<table><tr>${Array.from({ length: 12 }, (_, i) => `<th>עמודה_${i}_ארוכה</th>`).join('')}</tr>
    <tr>${Array.from({ length: 12 }, (_, i) => `<td>${1_000_000 + i}</td>`).join('')}</tr></table>`;
  const long = flash('long', '14:59', `כותרת ${hashtag} ${url}`, {
    summary: `תקציר ${hashtag}`,
    tags: [hashtag],
    authors: [{ name: hashtag }],
    content_html: `<p>גוף ${url}${url}</p>${table}<pre>${'x'.repeat(200)}</pre>`,
  });
  const site = await siteWith({ files: { 'feed.json': feedWith([long]) } });
  await page.setViewportSize({ width: 360, height: 740 });
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  expect(await fits()).toBe(true);

  await page.goto(`${site.url}article/long`);
  await expect(page.locator('.article-body table')).toBeVisible();
  expect(await fits()).toBe(true);
  // The table is still a table, and scrolls sideways inside its own box.
  await expect(page.getByRole('table')).toHaveCount(1);
  await expect(page.getByRole('columnheader', { name: 'עמודה_0_ארוכה' })).toBeVisible();
  const box = page.locator('.article-body table').locator('xpath=..');
  const sizes = await box.evaluate((el) => ({
    client: el.clientWidth,
    scroll: el.scrollWidth,
    right: el.getBoundingClientRect().right,
  }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  expect(sizes.right).toBeLessThanOrEqual(360);

  await page.goto(`${site.url}tag/${encodeURIComponent(hashtag)}`);
  await expect(page.locator('.tag-page .article-card')).toHaveCount(1);
  expect(await fits()).toBe(true);
});

test("a flash of another language in a Hebrew feed carries its own lang and dir, the rest the site's", async ({
  page,
  siteWith,
}) => {
  const site = await siteWith({
    files: { 'feed.json': feedWith([flash('en', '14:50', 'Breaking: markets rally!', { language: 'en' })]) },
  });
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  const rows = page.locator('.flashes .flash .headline');
  await expect(rows.first()).toHaveAttribute('dir', 'ltr');
  const boxes = await rows.first().evaluate(characterBoxes);
  expectLeftToRight(boxes, 'Breaking:');
  expect(boxes[boxes.length - 1].left).toBe(Math.max(...boxes.map((b) => b.left)));
  await expect(rows.nth(1)).toHaveAttribute('lang', SAMPLE_FEED.items[0].language);
});

test('date phrases read right to left, isolated from their labels, and numbers keep their signs in bodies', async ({
  page,
  siteWith,
}) => {
  const item = {
    id: 'dated',
    title: 'סערה בצפון',
    url: 'https://news.example/dated',
    date_published: '2024-12-27T10:40:00Z',
    date_modified: '2024-12-28T07:05:00Z',
    content_html: '<p>בלילה צפויות -3 מעלות, ביום 40℃ ולחות של +15%.</p><p><code>x = -3</code></p>',
  };
  const site = await siteWith({ files: { 'feed.json': feedWith([item]) } });
  await page.goto(`${site.url}article/dated`);
  const [published, modified] = [page.locator('.dateline time').first(), page.locator('.dateline time').nth(1)];
  await expect(published).toHaveText('27 בדצמבר 2024 בשעה 12:40');
  // The phrase, day first on the right, the time last on the left, and the label beside it.
  const line = await page.locator('.dateline').evaluate(characterBoxes);
  expectWordsRightToLeft(line, ['פורסם:', '27', 'בדצמבר', '2024', 'בשעה', '12:40', 'עודכן:', '28']);
  expectLeftToRight(line, '12:40');
  expectLeftToRight(line, '2024');
  await expect(modified).toContainText('09:05');
  const body = await page.locator('.article-body p').first().evaluate(characterBoxes);
  expectLeftToRight(body, '-3');
  expectLeftToRight(body, '40℃');
  expectLeftToRight(body, '+15%');
  expectWordsRightToLeft(body, ['בלילה', 'צפויות', '-3', 'מעלות,', 'ביום', '40℃', 'ולחות', 'של', '+15%']);
  // Code is shown exactly as written: no invisible mark goes into what a reader copies.
  await expect(page.locator('.article-body code')).toHaveText('x = -3');
  expect(await page.locator('.article-body code').evaluate((c) => c.textContent.includes('\u200e'))).toBe(false);
});
