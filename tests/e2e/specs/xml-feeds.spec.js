// RSS and Atom as newsrooms serve them (issue 22), in the browser: every feed of
// the corpus (tests/fixtures/xml-feeds/, its bytes and the Content-Type its
// newsroom would send) published by mivzak-render into a copy of dist/, read
// without JavaScript, then by the app: the newest flash's headline and HH:MM,
// a poll that brings one more flash updates the list in place, and the flash
// opens its article with its image. Then the kinds around it: a lying zone
// label, a feed no label explains, a windows-1255 JSON Feed, the embed.
// The expectations are expected.json beside the feeds, shared with
// tests/suite/xml_corpus.rs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { untilControlled } from '../support/service-worker.js';
import { expect, publish, test } from '../support/site.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CORPUS = path.join(ROOT, 'tests/fixtures/xml-feeds');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(CORPUS, 'expected.json'), 'utf8'));
/** A 1×1 PNG, for every image the feeds name "outside". */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const normalized = (text) =>
  (text ?? '')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The feed with one more item: a copy of its first item whose id and headline
 * gain an ASCII mark. Edited in the bytes' own encoding without decoding the
 * rest: single-byte encodings and UTF-8 through a latin1 view (ASCII is the
 * same in each), UTF-16 through its own.
 */
function withOneMore(bytes, mark) {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  const view = utf16 ? 'utf16le' : 'latin1';
  const text = bytes.toString(view);
  const open = text.search(/<(item|entry)[\s>]/);
  const name = text.slice(open + 1).match(/^\w+/)[0];
  const close = text.indexOf(`</${name}>`, open) + name.length + 3;
  let copy = text.slice(open, close);
  const idEdits = [
    [/<\/guid>/, `-${mark}</guid>`],
    [/<\/id>/, `-${mark}</id>`],
    [/rdf:about="/, `rdf:about="${mark}-`],
    [/<\/link>/, `?${mark}</link>`],
  ];
  for (const [pattern, replacement] of idEdits) {
    if (pattern.test(copy)) {
      copy = copy.replace(pattern, replacement);
      break;
    }
  }
  copy = copy.replace(/(\]\]>)?\s*<\/title>/, ` ${mark}$1</title>`);
  return Buffer.from(text.slice(0, open) + copy + text.slice(open), view);
}

/** A site serving `name` as its newsroom would, published by mivzak-render. */
async function publishedSite(siteWith, page, name, config = {}) {
  const want = EXPECTED[name];
  const bytes = fs.readFileSync(path.join(CORPUS, name));
  const site = await siteWith({
    files: { 'feed.xml': bytes },
    types: { 'feed.xml': want.content_type ?? null },
  });
  site.write('config.json', {
    ...JSON.parse(fs.readFileSync(path.join(site.root, 'config.json'), 'utf8')),
    feed_url: 'feed.xml',
    poll_seconds: 2,
    site_url: site.url,
    ...config,
  });
  publish(site.root, { now: null });
  await page.route(
    (url) => url.origin !== site.origin,
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG }),
  );
  return { site, want, bytes };
}

/** The newest flash as the page shows it. */
async function newestRow(page) {
  const row = await page
    .locator('.flashes .flash')
    .first()
    .evaluate((el) => ({
      title: el.querySelector('.headline').innerText,
      time: el.querySelector('time')?.textContent.trim() ?? null,
      href: el.querySelector('a').getAttribute('href'),
    }));
  return { ...row, title: normalized(row.title) };
}

for (const name of Object.keys(EXPECTED)) {
  test(`${name}: published, then live: headline, HH:MM, a poll in place, the article and its image`, async ({
    page,
    siteWith,
  }) => {
    test.setTimeout(60_000);
    const { site, want, bytes } = await publishedSite(siteWith, page, name);
    const newest = want.newest ?? {};

    // The published home page, as a share scraper or a reader without JavaScript gets it.
    const html = await (await fetch(site.url)).text();
    if (newest.title) {
      const text = normalized(html.replace(/<[^>]*>/g, ' '))
        .replaceAll('&amp;', '&')
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>');
      expect.soft(text, 'the published home page carries the newest headline').toContain(normalized(newest.title));
    }

    await page.goto(site.url);
    await expect(page.locator('#app .articles')).toBeVisible();
    const shown = await newestRow(page);
    if (newest.title) expect.soft(shown.title, 'newest headline').toBe(normalized(newest.title));
    if (newest.hhmm_jerusalem) expect.soft(shown.time, 'newest HH:MM').toBe(newest.hhmm_jerusalem);

    // The published article page carries the item's share preview.
    const article = await (await fetch(new URL(shown.href, site.url))).text();
    expect.soft(article, 'the published article page').toContain('og:title');
    if (newest.image)
      expect.soft(article, 'the published og:image').toContain(`content="${newest.image.replaceAll('&', '&amp;')}"`);

    // A poll that brings one more flash inserts it and keeps every other row's node,
    // once the app has taken over from the published page (its rows are the app's).
    await expect(page.locator('#app[data-live]')).toHaveCount(1, { timeout: 30_000 });
    const rows = page.locator('.flashes .flash');
    const before = await rows.count();
    await rows.evaluateAll((all) => {
      for (const row of all) row.dataset.kept = 'yes';
    });
    site.write('feed.xml', withOneMore(bytes, 'NEWFLASH'));
    await expect(page.locator('.flashes .flash', { hasText: 'NEWFLASH' })).toHaveCount(1, { timeout: 10_000 });
    const kept = await rows.evaluateAll((all) => all.filter((row) => row.dataset.kept === 'yes').length);
    expect.soft(kept, 'the rows already shown stay the same nodes').toBe(Math.min(before, (await rows.count()) - 1));

    // The newest flash opens its article, with its image.
    await page.locator('.flashes .flash:not(:has-text("NEWFLASH")) a').first().click();
    await expect(page.locator('article h1')).toBeVisible();
    if (newest.title)
      expect.soft(normalized(await page.locator('article h1').innerText())).toBe(normalized(newest.title));
    if (newest.image) {
      const images = await page.locator('article img').evaluateAll((all) => all.map((img) => img.src));
      expect.soft(images, 'the article shows its image').toContain(newest.image);
    }
  });
}

/** RSS 2.0 text with `items`, each `[guid, title, pubDate]`. */
function rss(items, { declaration = '<?xml version="1.0" encoding="UTF-8"?>' } = {}) {
  const body = items
    .map(
      ([guid, title, date]) =>
        `<item><title>${title}</title><guid isPermaLink="false">${guid}</guid><link>https://walla.example/item/${guid}</link><pubDate>${date}</pubDate></item>`,
    )
    .join('\n');
  return `${declaration}<rss version="2.0"><channel><title></title><link>https://walla.example/</link><language>he</language>${body}</channel></rss>`;
}

/** An instant as Walla writes it: Israel's wall clock, labelled GMT. */
function wallaDate(ms) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Jerusalem',
      weekday: 'short',
      day: '2-digit',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday}, ${parts.day} ${parts.month} ${parts.year} ${parts.hour}:${parts.minute}:${parts.second} GMT`;
}

test('a zone label that lies: the console says so once and names the keys; "local" reads it right', async ({
  page,
  siteWith,
}) => {
  const now = Date.now() - 60_000;
  const feed = rss([
    ['w1', 'מבזק ראשון', wallaDate(now)],
    ['w2', 'מבזק שני', wallaDate(now - 600_000)],
  ]);
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Jerusalem',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));

  const lying = await siteWith({
    files: { 'flashes.xml': feed },
    config: { feed_url: 'flashes.xml', poll_seconds: 2 },
  });
  await page.goto(lying.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(2);
  // Two polls later, still one warning.
  await page.waitForTimeout(4500);
  const told = warnings.filter((w) => w.includes('feed_time_labels'));
  expect(told, warnings.join('\n')).toHaveLength(1);
  expect(told[0]).toMatch(/[23] hour\(s\) ahead/);
  expect(told[0]).toContain('feed_time_zone');

  warnings.length = 0;
  const local = await siteWith({
    files: { 'flashes.xml': feed },
    config: { feed_url: 'flashes.xml', feed_time_labels: 'local', feed_time_zone: 'Asia/Jerusalem' },
  });
  await page.goto(local.url);
  await expect(page.locator('.flashes .flash').first().locator('time')).toHaveText(clock);
  expect(warnings.filter((w) => w.includes('feed_time_labels'))).toEqual([]);
});

test('a feed whose encoding nothing names gets a Hebrew notice; the console names its URL and why', async ({
  page,
  siteWith,
}) => {
  // windows-1255 bytes, no declaration, no charset: "שלום" in cp1255 is F9 EC E5 ED.
  const hebrew = Buffer.from([0xf9, 0xec, 0xe5, 0xed, 0x20, 0xf2, 0xe5, 0xec, 0xed]);
  const bytes = Buffer.concat([
    Buffer.from('<rss version="2.0"><channel><item><guid>1</guid><title>'),
    hebrew,
    Buffer.from('</title></item><item><guid>2</guid><title>'),
    hebrew,
    Buffer.from('</title></item></channel></rss>'),
  ]);
  const warnings = [];
  page.on('console', (m) => warnings.push(m.text()));
  const site = await siteWith({
    files: { 'legacy.xml': bytes },
    types: { 'legacy.xml': 'text/xml' },
    config: { feed_url: 'legacy.xml' },
  });
  await page.goto(site.url);
  await expect(page.getByRole('alert')).toContainText('קידוד');
  await expect.poll(() => warnings.join('\n')).toContain(`${site.url}legacy.xml`);
  expect(warnings.join('\n')).toMatch(/not UTF-8/);
});

test('a JSON Feed in windows-1255, named by its charset header, reads right (no "����")', async ({
  page,
  siteWith,
}) => {
  const json = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    items: [{ id: '1', title: 'XX', date_published: '2024-12-27T14:02:00' }],
  });
  const [head, tail] = json.split('XX');
  // "מבזק חם" in windows-1255.
  const title = Buffer.from([0xee, 0xe1, 0xe6, 0xf7, 0x20, 0xe7, 0xed]);
  const site = await siteWith({
    files: { 'feed.json': Buffer.concat([Buffer.from(head), title, Buffer.from(tail)]) },
    types: { 'feed.json': 'application/feed+json; charset=windows-1255' },
  });
  await page.goto(site.url);
  const row = page.locator('.flashes .flash').first();
  await expect(row.locator('.headline')).toHaveText('מבזק חם');
  // A date without a zone is read in the site's zone, not dropped.
  await expect(row.locator('time')).toHaveText('14:02');
});

test('the embedded ticker reads an RSS feed too', async ({ page, siteWith }) => {
  const name = 'ynet-flashes.xml';
  const want = EXPECTED[name];
  const site = await siteWith({
    files: { 'feed.xml': fs.readFileSync(path.join(CORPUS, name)) },
    types: { 'feed.xml': want.content_type ?? null },
    config: { feed_url: 'feed.xml' },
  });
  await page.goto(`${site.url}embed.html?mode=list&count=5`);
  const first = page.locator('.flashes .flash').first();
  await expect(first.locator('.headline')).toHaveText(normalized(want.newest.title));
  await expect(first.locator('time')).toHaveText(want.newest.hhmm_jerusalem);
});

test('offline, the service worker answers with the kept RSS as it came: windows-1255 bytes and their charset', async ({
  page,
  context,
  siteWith,
}) => {
  const name = 'rotter-scoops.xml';
  const want = EXPECTED[name];
  const site = await siteWith({
    files: { 'feed.xml': fs.readFileSync(path.join(CORPUS, name)) },
    types: { 'feed.xml': want.content_type ?? null },
    config: { feed_url: 'feed.xml' },
  });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(want.items);
  await untilControlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.offline-notice')).toBeVisible();
  await expect(page.locator('.flashes .flash').first().locator('.headline')).toHaveText(normalized(want.newest.title));
});

test('paging: Atom rel="next" appends older items, and a next page that points back ends paging', async ({
  page,
  siteWith,
}) => {
  const entry = (id, title, hour) =>
    `<entry><id>${id}</id><title>${title}</title><updated>2024-12-27T${hour}:00:00+02:00</updated></entry>`;
  const first = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="he"><title>בלוג</title>
    <link rel="next" href="page-2.xml"/>${entry('a1', 'כתבה חדשה', '14')}${entry('a2', 'כתבה קודמת', '13')}</feed>`;
  // The older page names the first page as next again, as a misconfigured CMS does.
  const second = `<feed xmlns="http://www.w3.org/2005/Atom"><title>בלוג</title>
    <link rel="next" href="feed.xml"/>${entry('b1', 'כתבה ישנה', '09')}</feed>`;
  const site = await siteWith({
    files: { 'feed.xml': first, 'page-2.xml': second },
    config: { feed_url: 'feed.xml' },
  });
  await page.goto(site.url);
  await expect(page.locator('.article-card')).toHaveCount(2);
  const more = page.getByRole('button', { name: 'טענו כתבות נוספות' });
  await more.click();
  await expect(page.locator('.article-card')).toHaveCount(3);
  await expect(page.locator('.article-card').last()).toContainText('כתבה ישנה');
  await expect(more).toHaveCount(0);
  expect(site.requests.filter((r) => r.path === '/page-2.xml')).toHaveLength(1);
});
