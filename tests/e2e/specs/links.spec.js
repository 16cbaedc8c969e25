// Links, ids and images: every id (WordPress's percent-encoded permalinks, and ids
// made to break paths) opens its article by every road in; relative URLs resolve
// from the item's own page; lazy-loaded images show their real picture.
import { DIST_NEWS, expect, test } from '../support/site.js';

// Every road in starts from the network, not the service worker's copy.
test.use({ serviceWorkers: 'block' });

const WORDPRESS = 'https://news.example.co.il/2024/12/%D7%A9%D7%9C%D7%92-%D7%91%D7%97%D7%A8%D7%9E%D7%95%D7%9F/';
const IDS = [
  WORDPRESS,
  'https://news.example.co.il/?p=123',
  '%',
  '%25',
  '%2F',
  '%41',
  '/',
  'a/b',
  '.',
  '..',
  '../x',
  '~.',
  '?',
  '#',
  'a?b=c&d#e',
  'with space',
  ' padded ',
  'tab\there',
  'back\\slash',
  '"double" \'single\'',
  "!'()*~",
  '🚀 emoji 👩‍👩‍👧',
  'שלג בחרמון',
  // 2,000 characters of everything above.
  'a/%.?#ש '.repeat(250),
];
const title = (i) => `מזהה ${String(i).padStart(2, '0')}`;

function hostileFeed() {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'מזהים',
    items: IDS.map((id, i) => ({
      id,
      title: title(i),
      content_text: `גוף הכתבה ${i}`,
      date_published: `2024-12-27T12:${String(59 - i).padStart(2, '0')}:00+02:00`,
    })),
  };
}

async function hostileSite(siteWith, options = {}) {
  return siteWith({
    config: { ticker: { mode: 'list', count: 50 } },
    files: { 'feed.json': hostileFeed() },
    ...options,
  });
}

/** The flash link for item `i` in the ticker. */
const flash = (page, i) => page.locator('.flashes .flash a').filter({ hasText: title(i) });

async function expectArticle(page, i) {
  await expect(page.locator('article h1')).toHaveText(title(i));
  await expect(page.getByRole('heading', { name: 'הדף לא נמצא' })).toHaveCount(0);
}

test('the app draws one link an id, the same as the embedded ticker', async ({ page, siteWith }) => {
  const site = await hostileSite(siteWith);
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  await expect(page.locator('.flashes .flash')).toHaveCount(IDS.length);
  const app = await page.locator('.flashes .flash a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(new Set(app).size).toBe(IDS.length);
  // Pinned by hand: an id with a slash (WordPress's permalink) is hashed
  // (FNV-1a 64 of its UTF-8, src/paths.rs route_segment), a dot segment marked,
  // and the rest percent-encoded.
  expect(app[0]).toBe('/article/!33738539fe1c80e4'); // tests/suite/paths.rs pins the same
  expect(app[IDS.indexOf('.')]).toBe('/article/~.');
  // An id starting with "!" is hashed too (its readable form would decode to a hash's folder).
  expect(app[IDS.indexOf("!'()*~")]).toMatch(/^\/article\/![0-9a-f]{16}$/);
  await page.goto(`${site.url}embed.html?count=50`);
  await expect(page.locator('.flashes .flash')).toHaveCount(IDS.length);
  const embedded = await page.locator('.flashes .flash a').evaluateAll((links) => links.map((a) => a.href));
  expect(embedded).toEqual(app.map((href) => site.origin + href));
});

// Every id by every road, in two sweeps of one page each (the id round trip
// itself is native: tests/suite/paths.rs).
test('every id opens by a click in the app, and back and forward, and its share bar shares that path', async ({
  page,
  siteWith,
}) => {
  test.setTimeout(120_000);
  const site = await hostileSite(siteWith);
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  for (const i of IDS.keys()) {
    const href = await flash(page, i).getAttribute('href');
    await flash(page, i).click();
    await expectArticle(page, i);
    // The router kept the path as it was written.
    await expect(page).toHaveURL(site.origin + href);
    const shared = new URL(await page.locator('.share-facebook').getAttribute('href')).searchParams.get('u');
    // Its published folder (src/share.rs flash_address): the same segment.
    expect(shared, IDS[i]).toBe(`${site.origin + href}/`);
    await page.goBack();
    await expect(flash(page, i)).toBeVisible();
    await page.goForward();
    await expectArticle(page, i);
    await page.goBack();
    await expect(page.locator('.article-list')).toBeVisible();
  }
});

// leptos_router 0.8.17 left its path stack as it was on Forward, and pushed an
// address only when it differed from that stack's top: after Back and Forward, a
// link to the page before changed the page and not the address bar
// (vendor/README.md). Two kinds of page before: an article, and a tag page.
test('after Back and Forward, a link to the page before moves the address bar and history with the page', async ({
  page,
  siteWith,
}) => {
  const TAG = 'שלג בחרמון';
  const items = [IDS[0], 'https://news.example.co.il/?p=123', 'with space'].map((id, i) => ({
    id,
    title: title(i),
    content_text: `גוף הכתבה ${i}`,
    tags: [TAG, 'מזג אוויר'],
    date_published: `2024-12-27T12:0${9 - i}:00+02:00`,
  }));
  const site = await siteWith({
    config: { ticker: { mode: 'list', count: 50 } },
    files: { 'feed.json': { version: 'https://jsonfeed.org/version/1.1', title: 'מזהים', items } },
  });
  const shows = async (i) => {
    await expectArticle(page, i);
    return page.url();
  };
  await page.goto(site.url);
  await flash(page, 0).click();
  const first = await shows(0);
  await page.locator('.neighbours a.older').click();
  const second = await shows(1);
  await page.locator('.neighbours a.older').click();
  const third = await shows(2);
  await page.goBack();
  expect(await shows(1)).toBe(second);
  await page.goForward();
  expect(await shows(2)).toBe(third);
  // The article before, by a click.
  await page.locator('.neighbours a.newer').click();
  expect(await shows(1)).toBe(second);
  await page.goBack();
  expect(await shows(2)).toBe(third);
  await page.goBack();
  expect(await shows(1)).toBe(second);
  await page.goBack();
  expect(await shows(0)).toBe(first);

  // A tag page before, by the keyboard.
  const tagLink = page.locator('article .tags a').filter({ hasText: TAG });
  await tagLink.click();
  await expect(page.locator('.tag-page h1')).toContainText(TAG);
  const tagAddress = page.url();
  await page
    .locator('main a')
    .filter({ hasText: title(2) })
    .click();
  expect(await shows(2)).toBe(third);
  await page.goBack();
  await expect(page.locator('.tag-page h1')).toContainText(TAG);
  await page.goForward();
  expect(await shows(2)).toBe(third);
  await tagLink.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.tag-page h1')).toContainText(TAG);
  expect(page.url()).toBe(tagAddress);
  await page.goBack();
  expect(await shows(2)).toBe(third);
});

test('every id opens from its address, on a reload, and from the embedded ticker', async ({ page, siteWith }) => {
  test.setTimeout(120_000);
  const site = await hostileSite(siteWith);
  await page.goto(`${site.url}embed.html?count=50`);
  await expect(page.locator('.flashes .flash')).toHaveCount(IDS.length);
  const hrefs = await page.locator('.flashes .flash a').evaluateAll((links) => links.map((a) => a.href));
  // The embed's link, followed in the top window.
  await flash(page, 0).click();
  await expect(page).toHaveURL(hrefs[0]);
  await expectArticle(page, 0);
  for (const [i, href] of hrefs.entries()) {
    await page.goto(href);
    await expectArticle(page, i);
  }
  await page.reload();
  await expectArticle(page, IDS.length - 1);
});

test('under a sub-path, a WordPress permalink id opens by click, reload and back', async ({ page, siteWith }) => {
  const site = await hostileSite(siteWith, { dist: DIST_NEWS, base: '/news/' });
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  const href = await flash(page, 0).getAttribute('href');
  expect(href).toBe('/news/article/!33738539fe1c80e4'); // hashed: the id has slashes (paths.rs)
  await flash(page, 0).click();
  await expectArticle(page, 0);
  await expect(page).toHaveURL(site.origin + href);
  await page.reload();
  await expectArticle(page, 0);
  await page.goBack();
  await page.goForward();
  await expectArticle(page, 0);
});

/** An image of `width`×`height` that the test site serves itself. */
const svg = (width, height, colour) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${colour}"/></svg>`;
const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const SVG_PLACEHOLDER =
  "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%20640%20360'%3E%3C/svg%3E";

test("relative URLs resolve against the item's url, else the home page, else the feed", async ({ page, siteWith }) => {
  const site = await siteWith({});
  const page1 = `${site.origin}/posts/2024/12/p1/`;
  site.write('posts/2024/12/p1/photo.svg', svg(64, 48, 'green'));
  site.write('posts/2024/12/p1/hero.svg', svg(120, 68, 'blue'));
  site.write('home/photo.svg', svg(64, 48, 'orange'));
  site.write('feed.json', {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'בסיסים',
    home_page_url: `${site.origin}/home/`,
    items: [
      {
        id: 'p1',
        url: page1,
        title: 'עם כתובת',
        date_published: '2024-12-27T12:00:00+02:00',
        content_html: '<p>תמונה</p><img src="photo.svg" alt="יחסית"><p><a href="../p2/">הקודמת</a></p>',
        image: 'hero.svg',
        attachments: [{ url: 'files/report.pdf', mime_type: 'application/pdf', title: 'דוח' }],
      },
      {
        id: 'p2',
        title: 'בלי כתובת',
        date_published: '2024-12-27T11:00:00+02:00',
        content_html: '<img src="photo.svg" alt="בית">',
      },
    ],
  });
  await page.goto(`${site.url}article/p1`);
  const body = page.locator('.article-body');
  await expect(body.locator('img')).toHaveAttribute('src', `${page1}photo.svg`);
  await expect(body.locator('a')).toHaveAttribute('href', `${site.origin}/posts/2024/12/p2/`);
  await expect(page.locator('.hero img')).toHaveAttribute('src', `${page1}hero.svg`);
  await expect(page.locator('.attachments a')).toHaveAttribute('href', `${page1}files/report.pdf`);
  // The share bar shares the flash's published page, as its row does, not the item's own url.
  expect(new URL(await page.locator('.share-facebook').getAttribute('href')).searchParams.get('u')).toBe(
    `${site.url}article/p1/`,
  );
  for (const img of [body.locator('img'), page.locator('.hero img')]) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  }
  await page.goto(`${site.url}article/p2`);
  await expect(page.locator('.article-body img')).toHaveAttribute('src', `${site.origin}/home/photo.svg`);
});

test('lazy-loaded images show their real picture, once, and never a placeholder or an empty image', async ({
  page,
  siteWith,
}) => {
  const site = await siteWith({});
  const files = {
    'img/data-src.svg': svg(40, 30, 'red'),
    'img/lazy-src.svg': svg(41, 30, 'green'),
    'img/original.svg': svg(42, 30, 'blue'),
    'img/small.svg': svg(30, 20, 'gray'),
    'img/large.svg': svg(43, 30, 'purple'),
    'img/noscript.svg': svg(44, 30, 'teal'),
    'img/twin.svg': svg(45, 30, 'olive'),
  };
  for (const [name, content] of Object.entries(files)) site.write(name, content);
  const html = [
    // lazysizes / a3 Lazy Load
    `<p>א</p><img src="${GIF}" data-src="/img/data-src.svg" class="lazyload" alt="data-src" width="40" height="30">`,
    // WP Rocket: data-lazy-src, with the noscript twin of the same picture
    `<p>ב</p><img src="${SVG_PLACEHOLDER}" data-lazy-src="/img/lazy-src.svg" alt="data-lazy-src"><noscript><img src="/img/lazy-src.svg" alt="data-lazy-src"></noscript>`,
    // jQuery lazyload
    `<p>ג</p><img src="${GIF}" data-original="/img/original.svg" alt="data-original">`,
    // a srcset kept for later: its largest candidate
    `<p>ד</p><figure><img src="${GIF}" srcset="${SVG_PLACEHOLDER} 1x" data-srcset="/img/small.svg 300w, /img/large.svg 1024w" alt="data-srcset"><figcaption>כיתוב</figcaption></figure>`,
    // only the noscript copy knows the picture
    `<p>ה</p><img src="${GIF}" alt="noscript">\n<noscript><img src="/img/noscript.svg" alt="noscript"></noscript>`,
    // a plain image with a noscript twin: shown once
    `<p>ו</p><img src="/img/twin.svg" alt="twin"><noscript><img src="/img/twin.svg" alt="twin"></noscript>`,
    // no source at all: no image
    `<p>ז</p><img src="${GIF}" alt="placeholder only"><img alt="no src"><img src="" data-src="  " alt="blank">`,
    // a noscript that stands in for nothing stays dropped
    `<p>ח</p><noscript><p>הפעילו JavaScript</p><img src="/img/noscript.svg" alt="stray"></noscript>`,
  ].join('\n');
  site.write('feed.json', {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'טעינה עצלה',
    items: [{ id: 'lazy', title: 'תמונות', date_published: '2024-12-27T12:00:00+02:00', content_html: html }],
  });
  await page.goto(`${site.url}article/lazy`);
  const images = page.locator('.article-body img');
  await expect(images).toHaveCount(6);
  const shown = await images.evaluateAll((list) => list.map((img) => [img.alt, img.getAttribute('src')]));
  expect(shown).toEqual([
    ['data-src', `${site.origin}/img/data-src.svg`],
    ['data-lazy-src', `${site.origin}/img/lazy-src.svg`],
    ['data-original', `${site.origin}/img/original.svg`],
    ['data-srcset', `${site.origin}/img/large.svg`],
    ['noscript', `${site.origin}/img/noscript.svg`],
    ['twin', `${site.origin}/img/twin.svg`],
  ]);
  await expect(page.locator('.article-body')).not.toContainText('הפעילו JavaScript');
  await expect(page.locator('.article-body figure figcaption')).toHaveText('כיתוב');
  // Each one really loads (they load lazily: bring each into view).
  for (let n = 0; n < 6; n++) {
    const img = images.nth(n);
    await img.scrollIntoViewIfNeeded();
    await expect
      .poll(() => img.evaluate((el) => el.complete && el.naturalWidth), { message: shown[n][0] })
      .toBeGreaterThan(0);
  }
  const attributes = await images.evaluateAll((list) => list.flatMap((img) => [...img.attributes].map((a) => a.name)));
  expect(attributes.filter((name) => name.startsWith('data-') || name === 'srcset')).toEqual([]);
});
