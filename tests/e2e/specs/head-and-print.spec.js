// What readers' own tools read from a page (issue 25): the head after in-app
// navigation (the browser's Share sends the canonical link; previews and reader
// views read og:title, the description and JSON-LD), the title Readability
// (Firefox's and Safari's reader views) extracts, and the printout.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, publish, SAMPLE_CONFIG, test } from '../support/site.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const READABILITY = path.resolve(HERE, '../node_modules/@mozilla/readability/Readability.js');
const SITE_NAME = 'מבזק';
const FEED_DESCRIPTION = 'כל המבזקים של האתר, מתעדכנים';
const TAG = 'פוליטיקה';

const PARAGRAPH =
  'פסקה ארוכה של טקסט הכתבה, כדי שלכלי הקריאה יהיה גוף מאמר לחלץ ממנו, עם די מילים ומשפטים. ' +
  'הפסקה נמשכת עוד קצת, ומספרת את מה שקרה בפרטים, עם ציטוטים ומספרים כמו 40 ו-2024. ';
// Headlines of every kind Readability's title rule treats apart: a colon, " - ",
// "|", one or two words, English, a question mark. Ids are their pages' order:
// each one's "next article" link leads to the following.
const HEADLINES = [
  ['colon', 'הממשלה אישרה הלילה: מס חדש על משקאות ממותקים'],
  ['dash', 'ראש העיר - הכבישים במרכז ייסגרו מחר בבוקר'],
  ['pipe', 'תחזית | גשם כבד בצפון הארץ'],
  ['short', 'רעידת אדמה'],
  ['english', 'Ceasefire talks: Cairo round ends - next week'],
  ['question', 'האם הבחירות יוקדמו לאביב?'],
];
const ITEMS = HEADLINES.map(([id, title], i) => ({
  id,
  title,
  summary: `תקציר הכתבה ${id}: מה שצריך לדעת`,
  language: id === 'english' ? 'en' : 'he',
  date_published: `2024-12-27T14:${String(50 - i).padStart(2, '0')}:00+02:00`,
  tags: [TAG],
  content_html:
    `<p>${PARAGRAPH.repeat(3)}</p><p>${PARAGRAPH.repeat(2)} ראו ` +
    '<a href="https://www.example.org/reports/2024/a-very-long-address-that-must-wrap-on-paper-and-never-widen-the-page">הדוח המלא</a>.</p>',
  attachments: [{ url: 'https://files.example.org/report.pdf', mime_type: 'application/pdf', title: 'הדוח' }],
}));
const FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: SITE_NAME,
  description: FEED_DESCRIPTION,
  items: ITEMS,
};
const headline = (id) => ITEMS.find((item) => item.id === id).title;

// Readability is injected as a script tag, which the site's Content-Security-Policy refuses.
test.use({ bypassCSP: true });

/** A site with this feed and its own address; rendered by mivzak-render when `published`. */
async function siteOf(siteWith, { published, config = {} }) {
  const site = await siteWith({ files: { 'feed.json': FEED } });
  site.write('config.json', { ...SAMPLE_CONFIG, site_url: site.url, ...config });
  if (published) {
    publish(site.root);
  }
  return site;
}

/** Everything in the head that says which page this is. */
function readHead(page) {
  return page.evaluate(() => {
    const meta = (selector) => [...document.head.querySelectorAll(selector)].map((m) => m.content);
    const ld = [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) =>
      JSON.parse(s.textContent),
    );
    return {
      title: document.title,
      canonical: [...document.head.querySelectorAll('link[rel=canonical]')].map((l) => l.href),
      ogUrl: meta('meta[property="og:url"]'),
      ogTitle: meta('meta[property="og:title"]'),
      ogType: meta('meta[property="og:type"]'),
      description: meta('meta[name=description]'),
      ogDescription: meta('meta[property="og:description"]'),
      headlines: ld.flatMap((doc) => doc['@graph'] ?? [doc]).flatMap((node) => node.headline ?? node.name ?? []),
      images: meta('meta[property^="og:image"]').length,
    };
  });
}

/** The title Readability extracts from the page as it is now. */
async function readerTitle(page) {
  if (!(await page.evaluate(() => typeof window.Readability === 'function'))) {
    await page.addScriptTag({ path: READABILITY });
  }
  return page.evaluate(() => new window.Readability(document.cloneNode(true)).parse()?.title);
}

/** The head of the article `id` (its JSON-LD, when there is one, of it alone). */
async function expectArticle(page, site, id) {
  await expect(page.locator('article h1')).toHaveText(headline(id));
  const item = ITEMS.find((i) => i.id === id);
  const address = `${site.url}article/${id}/`;
  await expect
    .poll(() => readHead(page))
    .toMatchObject({
      title: `${item.title} | ${SITE_NAME}`,
      canonical: [address],
      ogUrl: [address],
      ogTitle: [item.title],
      ogType: ['article'],
      description: [item.summary],
      ogDescription: [item.summary],
    });
  const head = await readHead(page);
  expect(head.headlines.every((h) => h === item.title)).toBe(true);
  expect(await readerTitle(page), `Readability on ${id}`).toBe(item.title);
}

for (const published of [true, false]) {
  test(`${published ? 'a published page' : 'the app'}: every in-app navigation rewrites the head, and Readability reads each whole headline`, async ({
    page,
    siteWith,
  }) => {
    test.setTimeout(60_000);
    const site = await siteOf(siteWith, { published });
    await page.goto(`${site.url}article/colon${published ? '/' : ''}`);
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    await expectArticle(page, site, 'colon');
    if (published) expect((await readHead(page)).headlines).toEqual([headline('colon')]);
    // Through every kind of headline by the "next article" link.
    for (const [id] of HEADLINES.slice(1)) {
      await page.locator('.neighbours a.older').click();
      await expectArticle(page, site, id);
      // What only the renderer knows of the first page is not said of this one.
      expect((await readHead(page)).images).toBe(0);
    }
    // A tag page, then home: no JSON-LD, no article of the page before.
    await page.locator('.tags a').first().click();
    await expect(page.locator('.tag-page h1')).toContainText(TAG);
    const tagAddress = `${site.url}tag/${encodeURIComponent(TAG)}/`;
    await expect
      .poll(() => readHead(page))
      .toMatchObject({
        title: `${TAG} | ${SITE_NAME}`,
        canonical: [tagAddress],
        ogUrl: [tagAddress],
        ogTitle: [TAG],
        ogType: ['website'],
        description: [`מבזקים וכתבות בתגית ${TAG}`],
        ogDescription: [`מבזקים וכתבות בתגית ${TAG}`],
        headlines: [],
      });
    await page.locator('.site-header a.site-name').click();
    await expect(page.locator('.flashes .flash').first()).toBeVisible();
    await expect
      .poll(() => readHead(page))
      .toMatchObject({
        title: SITE_NAME,
        canonical: [site.url],
        ogUrl: [site.url],
        ogTitle: [SITE_NAME],
        ogType: ['website'],
        description: [FEED_DESCRIPTION],
        ogDescription: [FEED_DESCRIPTION],
        headlines: [],
      });
    // Back to the page first loaded: its own published tags are back.
    // Home, the tag page and five articles back.
    for (let step = 0; step < HEADLINES.length + 1; step++) await page.goBack();
    await expectArticle(page, site, 'colon');
    if (published) expect((await readHead(page)).headlines).toEqual([headline('colon')]);
  });
}

test('without site_url, the app names no canonical address rather than a wrong one', async ({ page, siteWith }) => {
  const site = await siteOf(siteWith, { published: false, config: { site_url: null } });
  await page.goto(`${site.url}article/dash`);
  await expect(page.locator('article h1')).toHaveText(headline('dash'));
  await expect.poll(() => readHead(page)).toMatchObject({ canonical: [], ogUrl: [], ogTitle: [headline('dash')] });
});

/** What prints, at a paper's width: every box inside the page, all text black,
 *  no control, each link's address after it. */
function printout(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const beyond = [];
    const grey = [];
    for (const element of document.querySelectorAll('body *')) {
      const style = getComputedStyle(element);
      if (element.getClientRects().length === 0) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && (rect.left < -0.5 || rect.right > width + 0.5)) {
        beyond.push(`${element.tagName}.${element.className} ${rect.left}..${rect.right}`);
      }
      if (element.childNodes.length && [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) {
        if (style.color !== 'rgb(0, 0, 0)') grey.push(`${element.tagName}.${element.className} ${style.color}`);
      }
    }
    const shown = (selector) =>
      [...document.querySelectorAll(selector)].filter((e) => getComputedStyle(e).display !== 'none').length;
    const after = (selector) =>
      [...document.querySelectorAll(selector)].map((a) => getComputedStyle(a, '::after').content);
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      beyond,
      grey,
      background: getComputedStyle(document.body).backgroundColor,
      controls: shown('button, .share, .comments, .comment-form, .skip-link, .ticker, .neighbours'),
      article: shown('article h1') + shown('.dateline') + shown('.article-body') + shown('.attachments'),
      bodyLinks: after('.article-body a'),
      fileLinks: after('.attachments a'),
    };
  });
}

for (const theme of ['light', 'dark']) {
  test(`printing a published article in the ${theme} theme: black on white, the article alone, nothing wider than the paper`, async ({
    page,
    siteWith,
  }) => {
    const site = await siteOf(siteWith, { published: true, config: { theme } });
    // A4's text width at 96 dpi with Chromium's default margins.
    await page.setViewportSize({ width: 718, height: 1000 });
    await page.emulateMedia({ media: 'print', colorScheme: theme });
    await page.goto(`${site.url}article/english/`);
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    await expect(page.locator('.share')).toBeAttached();
    const printed = await printout(page);
    expect(printed.beyond).toEqual([]);
    expect(printed.overflow).toBe(0);
    expect(printed.grey).toEqual([]);
    expect(printed.background).toMatch(/rgb\(255, 255, 255\)|rgba\(0, 0, 0, 0\)/);
    expect(printed.controls).toBe(0);
    expect(printed.article).toBe(4);
    expect(printed.bodyLinks.join()).toContain('https://www.example.org/reports/2024/a-very-long-address');
    expect(printed.fileLinks.join()).toContain('https://files.example.org/report.pdf');
  });
}
