// The real-world corpus (tests/fixtures/real-feeds/) in the browser: each feed,
// written the way a real generator writes it, served as the site's feed and read
// on a 360 px phone. Every item is shown in order with its time, no raw markup or
// entity reaches the screen, nothing scrolls sideways, every article opens by its
// flash and by its address, every tag page opens, and the console stays clean.
// The expectations are tests/fixtures/real-feeds/expected.json, shared with
// tests/suite/real_feeds.rs: a new corpus feed is one JSON file plus its entry there.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../support/site.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/real-feeds');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(CORPUS, 'expected.json'), 'utf8'));
/** A 1×1 PNG: what every image of the corpus is, here or "outside". */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
/** What must never reach the screen: a tag, an entity. */
const RAW_MARKUP = /<[A-Za-z/!]|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;
const RTL = /^(he|iw|ar|fa|ur|yi|ji|ps|sd|ckb|dv|ug)$/i;

test.use({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });

/** Text as a reader sees it: invisible direction marks gone, white space collapsed. */
const normalized = (text) =>
  (text ?? '')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
/** A URL or path as a person reads it in a failure. */
const readable = (url) => {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
};
const primary = (lang) => (lang ?? '').split(/[-_]/)[0].toLowerCase();

/** The images the corpus names by a relative path: they resolve against the feed's own URL, on the site. */
function relativeImages(feed) {
  const paths = new Set();
  for (const item of feed.items) {
    for (const src of [item.hero, ...(item.images ?? [])]) if (src && !/^[a-z]+:/i.test(src)) paths.add(src);
  }
  return [...paths];
}

/** An expected URL as the page must show it: relative ones against the URL the feed was served from. */
const resolved = (site, url) => new URL(url, `${site.url}feed.json`).href;

/**
 * Serves the feed; answers every request for another origin's image, and for the
 * site's own images that the feed names, with the PNG, so nothing leaves the
 * machine; records console errors, page errors, failed requests and any other
 * request that tried to leave.
 */
async function open(page, siteWith, name) {
  const feed = EXPECTED[name];
  const site = await siteWith({ files: { 'feed.json': fs.readFileSync(path.join(CORPUS, name), 'utf8') } });
  // The site's own copies of the images the feed names by a relative path.
  const own = new Set(relativeImages(feed).map((src) => resolved(site, src)));
  await page.route(
    (url) => own.has(url.href),
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG }),
  );
  const trouble = [];
  page.on('console', (m) => {
    // A failed load is reported below with its address.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) trouble.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => trouble.push(`pageerror: ${e.message}`));
  page.on(
    'response',
    (r) => r.status() >= 400 && trouble.push(`HTTP ${r.status()}: ${r.request().resourceType()} ${readable(r.url())}`),
  );
  page.on('requestfailed', (r) => {
    // Leaving a page aborts its poll: that is not a failure.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      trouble.push(`failed: ${r.resourceType()} ${r.url()} (${r.failure()?.errorText})`);
  });
  await page.route(
    (url) => url.origin !== site.origin,
    (route) => {
      if (route.request().resourceType() === 'image')
        return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
      trouble.push(`left the site: ${route.request().resourceType()} ${route.request().url()}`);
      return route.fulfill({ status: 404, body: '' });
    },
  );
  return { feed, site, trouble };
}

/** The visible text of the page (and its title) has no raw markup. */
async function noRawMarkup(page, where) {
  const { text, title } = await page.evaluate(() => ({ text: document.body.innerText, title: document.title }));
  const raw = `${title}\n${text}`.split('\n').filter((line) => RAW_MARKUP.test(line));
  expect.soft(raw, `${where}: raw markup on screen`).toEqual([]);
}

async function noSidewaysScroll(page, where) {
  // Images that load now may widen the page once they arrive; lazy ones below the fold never start here.
  await page
    .waitForFunction(() => [...document.images].every((img) => img.complete || img.loading === 'lazy'), null, {
      timeout: 2000,
    })
    .catch(() => {});
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect
    .soft(scroll, `${where}: the page scrolls sideways (${scroll} px wide at ${width} px)`)
    .toBeLessThanOrEqual(width);
}

/** What each flash row shows, top to bottom. */
async function flashRows(page) {
  const rows = await page.locator('.flashes .flash').evaluateAll((all) =>
    all.map((row) => {
      const headline = row.querySelector('.headline') ?? row.querySelector('a');
      return {
        time: row.querySelector('time')?.textContent.trim() ?? null,
        title: headline.innerText,
        lang: headline.closest('[lang]')?.getAttribute('lang') ?? null,
        dir: getComputedStyle(headline).direction,
        pieces: headline.querySelectorAll('bdi').length,
        href: row.querySelector('a')?.getAttribute('href'),
      };
    }),
  );
  return rows.map((row) => ({ ...row, title: normalized(row.title) }));
}

/** The flashes on screen have the corpus's times and headlines, in display order (soft). */
function expectFlashOrder(rows, items, timesLabel) {
  expect
    .soft(
      rows.map((r) => r.time),
      timesLabel,
    )
    .toEqual(items.map((i) => i.time));
  const order = items.map((item, i) => ({
    expected: item.title ?? item.title_starts ?? '(any)',
    shown: rows[i]?.title ?? '(missing)',
    ok: titleMatches(rows[i]?.title ?? '', item),
  }));
  expect
    .soft(
      order.filter((o) => !o.ok),
      'headlines, in display order',
    )
    .toEqual([]);
}

function titleMatches(shown, item) {
  if (item.title != null) return shown === normalized(item.title);
  if (item.title_starts != null) return shown.startsWith(normalized(item.title_starts));
  return shown.length > 0;
}

/** The expected item a row shows: the one its headline matches, else the one in its place. */
function expectedFor(row, i, items) {
  return (
    items.find((item) => (item.title ?? item.title_starts) != null && titleMatches(row.title, item)) ??
    (items[i] && (items[i].title ?? items[i].title_starts) == null ? items[i] : undefined)
  );
}

const soft = expect.configure({ soft: true });

/** The article page's heading as a reader reads it; empty while there is none. */
async function heading(page) {
  return normalized(await page.evaluate(() => document.querySelector('article h1')?.innerText ?? '').catch(() => ''));
}

/** What an article page shows, read at once. */
async function articleView(page) {
  const view = await page.evaluate(() => {
    const text = (el) => el?.innerText ?? null;
    const heading = document.querySelector('article h1');
    return {
      heading: text(heading),
      dir: heading ? getComputedStyle(heading).direction : null,
      dateline: text(document.querySelector('.dateline')),
      hero: document.querySelector('.hero img')?.getAttribute('src') ?? null,
      images: [...document.querySelectorAll('.article-body img')].map((img) => img.getAttribute('src')),
      standfirst: text(document.querySelector('.standfirst')),
      byline: text(document.querySelector('.byline')),
      tags: [...document.querySelectorAll('.tags a')].map((a) => ({ text: text(a), href: a.getAttribute('href') })),
      attachments: text(document.querySelector('.attachments')),
    };
  });
  const clean = (text) => (text == null ? null : normalized(text));
  return {
    ...view,
    heading: clean(view.heading),
    dateline: clean(view.dateline),
    standfirst: clean(view.standfirst),
    byline: clean(view.byline),
    tags: view.tags.map((tag) => ({ ...tag, text: clean(tag.text) })),
    attachments: clean(view.attachments),
  };
}

for (const name of Object.keys(EXPECTED)) {
  test(`${name}: every item, time, article and tag page reads right on a 360 px phone`, async ({ page, siteWith }) => {
    test.setTimeout(240_000);
    const { feed, site, trouble } = await open(page, siteWith, name);
    const items = feed.items;

    await page.goto(site.url);
    // The article list is the app's own: once it is there, the app has taken over from the shell.
    await expect(page.locator('#app .articles')).toBeVisible();
    const rows = await flashRows(page);
    expect.soft(rows.length, 'one flash per item').toBe(items.length);
    expectFlashOrder(rows, items, 'times, in display order (null: no readable date)');
    for (const [i, row] of rows.entries()) {
      const item = expectedFor(row, i, items);
      expect.soft(row.pieces, `flash ${i} "${row.title}" is cut into bidi pieces`).toBe(0);
      expect.soft(row.title, `flash ${i}: a Markdown link`).not.toContain('](');
      const language = item?.language ?? feed.language;
      if (language) {
        expect.soft(primary(row.lang), `flash ${i} "${row.title}": lang`).toBe(primary(language));
        expect.soft(row.dir, `flash ${i} "${row.title}": direction`).toBe(RTL.test(primary(language)) ? 'rtl' : 'ltr');
      }
    }
    await expect
      .soft(page.locator('.article-card'), 'one article card per item')
      .toHaveCount(items.length, { timeout: 3000 });
    await noRawMarkup(page, 'home');
    await noSidewaysScroll(page, 'home');

    // Each flash opens its article in the app.
    for (let i = 0; i < rows.length; i++) {
      await page.locator('.flashes .flash a').nth(i).click();
      await soft
        .poll(() => heading(page), { message: `flash ${i} opens its article`, timeout: 3000 })
        .toBe(rows[i].title);
      await page.goBack();
      await expect(page.locator('.flashes .flash').nth(i)).toBeVisible();
    }

    // Each article by its address, as a shared link or a reload would open it.
    const tagPages = new Set();
    for (const [i, row] of rows.entries()) {
      const item = expectedFor(row, i, items) ?? {};
      const where = `article ${i} "${row.title.slice(0, 40)}" (${readable(row.href)})`;
      await page.goto(new URL(row.href, site.origin).href);
      const opened = await expect
        .poll(() => heading(page), { timeout: 5000 })
        .toBe(row.title)
        .then(
          () => true,
          () => false,
        );
      const view = await articleView(page);
      expect.soft(view.heading, `${where}: opens by its address`).toBe(row.title);
      if (!opened) continue;
      expect.soft(view.heading, `${where}: a Markdown link in the heading`).not.toContain('](');
      if (item.time) expect.soft(view.dateline, `${where}: time`).toContain(item.time);
      if (item.hero) expect.soft(view.hero, `${where}: hero image`).toBe(resolved(site, item.hero));
      if (item.images)
        expect.soft(view.images, `${where}: body images`).toEqual(item.images.map((src) => resolved(site, src)));
      if (item.summary) expect.soft(view.standfirst, `${where}: standfirst`).toBe(normalized(item.summary));
      for (const author of item.authors ?? []) expect.soft(view.byline ?? '', `${where}: byline`).toContain(author);
      if (item.tags)
        expect
          .soft(
            view.tags.map((t) => t.text),
            `${where}: tags`,
          )
          .toEqual(item.tags);
      for (const title of item.attachments ?? [])
        expect.soft(view.attachments ?? '', `${where}: attachments`).toContain(title);
      const language = item.language ?? feed.language;
      if (language)
        expect.soft(view.dir, `${where}: heading direction`).toBe(RTL.test(primary(language)) ? 'rtl' : 'ltr');
      await noRawMarkup(page, where);
      await noSidewaysScroll(page, where);
      // Each tag page once, followed from the first article that carries it, as a reader would.
      for (const [t, tag] of view.tags.entries()) {
        if (tagPages.has(tag.href)) continue;
        tagPages.add(tag.href);
        const at = `tag page "${tag.text}" (${readable(tag.href)})`;
        await page.locator('.tags a').nth(t).click();
        await expect.soft(page.locator('.tag-page h1'), `${at}: heading`).toContainText(tag.text, { timeout: 3000 });
        await expect
          .soft(page.locator('.tag-page .article-card').first(), `${at}: lists its articles`)
          .toBeVisible({ timeout: 3000 });
        await noRawMarkup(page, at);
        await noSidewaysScroll(page, at);
        await page.goBack();
        await expect(page.locator('article h1')).toBeVisible();
      }
    }

    expect(trouble, 'console errors, page errors, requests that left the site').toEqual([]);
  });
}
