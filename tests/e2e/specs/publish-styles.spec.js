// Which styles a published page waits for (src/publish/styles.rs, issue 23): the
// home inlines only what its own content needs and loads the article's, the
// comments' and print's style sheets without holding its first paint; an article
// reached from it by a click is styled all the same, and a published article
// page carries them in its head (a tag's page the article's only), styled at its
// first paint with JavaScript or not.
import zlib from 'node:zlib';
import { expect, publish, SAMPLE_CONFIG, SAMPLE_FEED, test } from '../support/site.js';

// 27 December 2024, 15:00 in Israel: the sample feed's day.
const NOW_SECONDS = String(Date.UTC(2024, 11, 27, 13, 0) / 1000);

function render(site) {
  publish(site.root, { now: NOW_SECONDS });
}

const FIRST = SAMPLE_FEED.items[0];
const articlePath = `article/${encodeURIComponent(FIRST.id)}/`;
const TAG = SAMPLE_FEED.items.find((item) => item.tags?.length).tags[0];

/** The external style sheets the page loaded, by file name's start, with
 *  Chromium's word on whether each held the first paint. */
const sheets = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.endsWith('.css'))
        .map((entry) => [new URL(entry.name).pathname.split('/').pop().split('-')[0], entry.renderBlockingStatus]),
    ),
  );

/** Every element's box and colours: what a reader sees of the page's layout. */
const look = (page) =>
  page.evaluate(() =>
    [...document.body.querySelectorAll('*')].map((element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return [
        element.tagName,
        element.className?.baseVal ?? element.className,
        Math.round(box.x),
        Math.round(box.y),
        Math.round(box.width),
        Math.round(box.height),
        style.color,
        style.backgroundColor,
        style.borderBlockEndWidth,
        style.fontSize,
      ].join(' ');
    }),
  );

test('the home waits for no style sheet; an article clicked from it, or published, is styled', async ({
  browser,
  page,
  withComments,
}) => {
  const { site } = await withComments({ site: { files: { 'feed.json': SAMPLE_FEED } } });
  render(site);

  // Nothing of comments or print is inlined in the home; the sheets are linked at its end.
  const home = await (await fetch(site.url)).text();
  const inlined = [...home.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
  expect(inlined).not.toContain('.comment-form');
  expect(inlined).not.toContain('.article-body');
  expect(inlined).not.toContain('orphans');
  const head = home.slice(0, home.indexOf('</head>'));
  expect(head).not.toContain('rel="stylesheet"');

  // Without JavaScript, the home looks the same whether or not the sheets
  // ever arrive: everything it shows is styled by what it inlines.
  const still = await browser.newContext({ javaScriptEnabled: false });
  const withSheets = await still.newPage();
  await withSheets.goto(site.url);
  expect(await sheets(withSheets)).toEqual({
    article: 'non-blocking',
    comments: 'non-blocking',
    print: 'non-blocking',
  });
  const styled = await look(withSheets);
  const withoutSheets = await still.newPage();
  await withoutSheets.route(/\/(article|comments)-[0-9a-f]+\.css$/, (route) => route.abort());
  await withoutSheets.goto(site.url);
  expect(await look(withoutSheets)).toEqual(styled);

  // A published article page carries the screen's two sheets inlined: styled at
  // its first paint, JavaScript or not, with no request to wait for.
  const article = await still.newPage();
  await article.goto(`${site.url}${articlePath}`);
  expect(await sheets(article)).toEqual({ print: 'non-blocking' });
  await expect(article.locator('.article h1')).toHaveCSS('line-height', '40px');
  // A tag's page inlines the article's sheet (its heading's size), and loads
  // the comments' without holding its paint, for an article clicked from it.
  const tag = await still.newPage();
  await tag.goto(`${site.url}tag/${encodeURIComponent(TAG)}/`);
  expect(await sheets(tag)).toEqual({ comments: 'non-blocking', print: 'non-blocking' });
  await expect(tag.locator('.tag-page h1')).toHaveCSS('font-size', '28px');
  await still.close();

  // The app, from the home, shows an article by a click: its comments are styled.
  await page.goto(site.url);
  await page.waitForFunction(() => window.wasmBindings !== undefined);
  await page.evaluate(() => {
    window.__samePage = true;
  });
  await page.locator('.flashes .flash > a').first().click();
  await expect(page).toHaveURL(new RegExp(`${articlePath}?$`));
  await expect(page.locator('.comments > .comment-form')).toBeVisible();
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
  await expect(page.locator('.article h1')).toHaveCSS('line-height', '40px');
  await expect(page.locator('.comments > .comment-form')).toHaveCSS('display', 'grid');
  await expect(page.locator('.comments')).toHaveCSS('border-block-start-width', '2px');
  // The published article itself, with JavaScript: its inlined sheets pass the
  // Content-Security-Policy (a violation fails the test).
  await page.goto(`${site.url}${articlePath}`);
  await expect(page.locator('.comments > .comment-form')).toHaveCSS('display', 'grid');
});

// Issue 23's budget: the sample's published home in at most 8 KB of brotli, with
// at most 4 KB of it inline script that runs (JSON-LD is data, not script).
test('the published sample home is at most 8 KB brotli, with at most 4 KB of inline script', async ({ siteWith }) => {
  const site = await siteWith({ files: { 'feed.json': SAMPLE_FEED } });
  site.write('config.json', SAMPLE_CONFIG);
  render(site);
  const home = await (await fetch(site.url)).text();
  const brotli = (text) =>
    zlib.brotliCompressSync(Buffer.from(text), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const scripts = [...home.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes = '']) => !/type="application\/(ld\+)?json"/.test(attributes))
    .map(([, , text]) => text)
    .join('');
  expect(brotli(home)).toBeLessThanOrEqual(8000);
  expect(Buffer.byteLength(scripts)).toBeLessThanOrEqual(4000);
});
