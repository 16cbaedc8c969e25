// Articles: a hostile feed runs nothing, a rich body keeps its shape, and the page
// around it (share, tags, load more, focus, direction) works.

import { XSS_VECTORS } from '../fixtures/xss-vectors.js';
import { feedWith, flash } from '../support/feeds.js';
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const RICH = `<h1>כותרת משנה</h1><p>פסקה עם <strong>הדגשה</strong>, <em>נטוי</em> ו<a href="/about">קישור פנימי</a> ו<a href="https://other.example/x">קישור חיצוני</a>.</p>
<blockquote><p>ציטוט</p></blockquote><ul><li>אחד</li><li>שניים</li></ul>
<figure><img src="img/photo.png" alt="תמונה" width="640" height="360"><figcaption>כיתוב</figcaption></figure>
<table><tr><th>א</th><td>ב</td></tr></table><p>מערכת <bdi>Windows 11</bdi><br>שורה שנייה</p><div><span>עטיפה תמימה</span></div>`;

/** Fails the test if any script of a vector runs: __xss, alert and friends are traps. */
async function trapScripts(page) {
  await page.addInitScript(() => {
    window.__ran = [];
    window.__xss = (n) => window.__ran.push(n);
    window.alert = (n) => window.__ran.push(`alert:${n}`);
  });
}

// The XSS vectors (fixtures/xss-vectors.js) are all in the corpus that
// xss-corpus.spec.js runs through the browser; each one alone as a whole body is
// tests/suite/native_sanitize.rs's, with DOMParser parity pinned by
// tests/suite/domparser_parity.rs (issue 23 §5: the vectors tested once).
test.describe('hostile bodies', () => {
  test('the clobbering form is dropped and the text after it survives', async ({ page, siteWith }) => {
    const site = await siteWith({
      files: {
        'feed.json': feedWith([flash('clob', '13:00', 'clobber', { content_html: XSS_VECTORS[28] + XSS_VECTORS[30] })]),
      },
    });
    await trapScripts(page);
    await page.goto(`${site.url}article/clob`);
    await expect(page.locator('.article-body')).toContainText('after-form');
    await expect(page.locator('.article-body')).toContainText('clobber-body');
    await expect(page.locator('.article-body form, .article-body input')).toHaveCount(0);
    await expect(page.locator('.article-body p[onclick]')).toHaveCount(0);
  });
});

test('a benign rich body keeps its structure, text and safe links', async ({ page, siteWith }) => {
  const site = await siteWith({
    files: { 'feed.json': feedWith([flash('rich', '14:20', 'כתבה עשירה', { content_html: RICH })]) },
  });
  await page.goto(`${site.url}article/rich`);
  const body = page.locator('.article-body');
  await expect(body.locator('h2')).toHaveText('כותרת משנה'); // the body's h1 steps down
  await expect(body.locator('strong')).toHaveText('הדגשה');
  await expect(body.locator('blockquote p')).toHaveText('ציטוט');
  await expect(body.locator('li')).toHaveCount(2);
  await expect(body.locator('figure figcaption')).toHaveText('כיתוב');
  await expect(body.locator('table th')).toHaveText('א');
  await expect(body.locator('bdi')).toHaveText('Windows 11');
  await expect(body.locator('br')).toHaveCount(1);
  await expect(body).toContainText('עטיפה תמימה');
  await expect(body.locator('div, span')).toHaveCount(0);
  const img = body.locator('img');
  await expect(img).toHaveAttribute('src', `${site.origin}/img/photo.png`); // resolved against the feed URL
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(img).toHaveAttribute('decoding', 'async');
  await expect(img).toHaveAttribute('width', '640');
  const inner = body.getByRole('link', { name: 'קישור פנימי' });
  await expect(inner).toHaveAttribute('href', `${site.origin}/about`);
  await expect(inner).not.toHaveAttribute('target');
  const outer = body.getByRole('link', { name: 'קישור חיצוני' });
  await expect(outer).toHaveAttribute('href', 'https://other.example/x');
  await expect(outer).toHaveAttribute('target', '_blank');
  await expect(outer).toHaveAttribute('rel', 'noopener noreferrer nofollow ugc');
});

test('the article shows hero, standfirst, authors, dates, tags and attachments', async ({ page, siteWith }) => {
  const item = flash('full', '14:25', 'כתבה מלאה', {
    summary: 'תקציר הכתבה',
    image: 'img/hero.jpg',
    date_modified: '2024-12-27T15:00:00+02:00',
    authors: [{ name: 'דנה כהן' }, { name: 'John Smith' }],
    tags: ['מרוקו', 'כלכלה'],
    content_text: 'גוף',
    attachments: [{ url: 'files/report.pdf', mime_type: 'application/pdf', title: 'הדוח המלא', size_in_bytes: 2048 }],
  });
  const site = await siteWith({ files: { 'feed.json': feedWith([item]) } });
  // Read the same afternoon: "לפני …" (from a year back the date stands alone).
  await page.clock.setFixedTime(new Date('2024-12-27T16:00:00+02:00'));
  await page.goto(`${site.url}article/full`);
  const hero = page.locator('.hero img');
  await expect(hero).toHaveAttribute('src', `${site.origin}/img/hero.jpg`);
  await expect(hero).toHaveAttribute('alt', 'כתבה מלאה');
  const box = await hero.boundingBox();
  expect(box.height).toBeGreaterThan(100); // its space is held while the image (missing here) loads
  await expect(page.locator('.standfirst')).toHaveText('תקציר הכתבה');
  await expect(page.locator('.byline')).toContainText('דנה כהן, John Smith');
  await expect(page.locator('.dateline')).toContainText('14:25');
  await expect(page.locator('.dateline')).toContainText('15:00');
  await expect(page.locator('.dateline')).toContainText('לפני');
  await expect(page.locator('meta[name=description]')).toHaveAttribute('content', 'תקציר הכתבה');
  const attachment = page.locator('.attachments li');
  await expect(attachment.getByRole('link')).toHaveText('הדוח המלא');
  await expect(attachment).toContainText('application/pdf, 2.0 KB');
  await page.locator('.tags').getByRole('link', { name: 'מרוקו' }).click();
  await expect(page).toHaveURL(/\/tag\/%D7%9E/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('מרוקו');
  // The sample article and this one both carry the tag.
  await expect(page.locator('.tag-page .article-card')).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('share links carry the article URL and title, with no third-party script', async ({ page, site }) => {
  const article = SAMPLE_FEED.items.find((i) => i.content_text);
  await page.goto(`${site.url}article/${article.id}`);
  // The flash's published page (src/share.rs flash_address), as its row's menu shares it.
  const url = encodeURIComponent(`${site.url}article/${article.id}/`);
  // A right-to-left headline goes out after U+200F (RLM), so the app it lands in reads it right to left (src/share.rs).
  const title = encodeURIComponent(`\u200F${article.title}`);
  const share = page.getByRole('navigation', { name: 'שיתוף הכתבה' });
  await expect(share.locator('.share-facebook')).toHaveAttribute(
    'href',
    `https://www.facebook.com/sharer/sharer.php?u=${url}`,
  );
  await expect(share.locator('.share-telegram')).toHaveAttribute(
    'href',
    `https://t.me/share/url?url=${url}&text=${title.replace(/'/g, '%27')}`,
  );
  for (const service of ['whatsapp', 'x', 'email']) {
    await expect(share.locator(`.share-${service}`)).toHaveAttribute(
      'href',
      new RegExp(url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
  }
  const scripts = await page.locator('script[src]').evaluateAll((s) => s.map((e) => e.src));
  expect(scripts.every((src) => src.startsWith(site.origin))).toBe(true);
});

test('previous and next articles follow the feed order', async ({ page, site }) => {
  const [newer, current, older] = SAMPLE_FEED.items.slice(1, 4);
  await page.goto(`${site.url}article/${current.id}`);
  const nav = page.getByRole('navigation', { name: 'כתבות נוספות' });
  await expect(nav.locator('a[rel=prev]')).toContainText(newer.title);
  await expect(nav.locator('a[rel=next]')).toContainText(older.title);
  await nav.locator('a[rel=next]').click();
  await expect(page.locator('article h1')).toHaveText(older.title);
  await expect(page.locator('article h1')).toBeFocused();
});

// The app's own page (no published copy), reached by a click, an HTML body in
// English with a link to an article that was never in the feed: the article
// stays when a poll takes it out, and the link then opens the not-found page.
// The app's own page (no published copy), reached by a click: an HTML body in
// English with a link to an article that was never in the feed. It leaves the
// feed and stays; it comes back edited, in place, the same nodes; it leaves
// again with 55 others in one poll, more than the app keeps for Back
// (feed/segment_index.rs), and stays while it is open; its link opens the
// not-found page.
test('an article reached by a click stays when it leaves the feed, comes back in place; a link to a missing one is not found', async ({
  page,
  siteWith,
}) => {
  await page.setViewportSize({ width: 1200, height: 500 });
  const site = await siteWith({ config: { poll_seconds: 2 } });
  const id = 'https://news.example.com/?p=4711';
  const paragraphs = Array.from(
    { length: 12 },
    (_, i) => `<p>Paragraph ${i + 1} of a long story, in <b>English</b>.</p>`,
  );
  const body = `${paragraphs.join('')}<p>See <a href="${site.url}article/never-was">another story</a>.</p>`;
  const item = flash(id, '14:20', 'A story in English that will leave', { content_html: body, language: 'en' });
  const older = Array.from({ length: 55 }, (_, i) => ({
    id: `yesterday-${i}`,
    title: `מבזק של אתמול ${i}`,
    date_published: `2024-12-26T${String(10 + (i % 12)).padStart(2, '0')}:${String(i).padStart(2, '0')}:00+02:00`,
  }));
  site.write('feed.json', { ...SAMPLE_FEED, items: [...feedWith([item]).items, ...older] });
  await page.goto(site.url);
  await page.locator('.article-list a').filter({ hasText: item.title }).click();
  await expect(page.locator('article h1')).toHaveText(item.title);
  await expect(page.locator('.neighbours a')).toHaveCount(1);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(300);
  const seen = () =>
    page.evaluate(() => ({
      headline: document.querySelector('article h1')?.textContent,
      lang: document.querySelector('article h1')?.lang,
      paragraphs: document.querySelectorAll('.article-body p').length,
      scrollY: Math.round(window.scrollY),
      top: Math.round(document.querySelector('.article-body p:nth-child(5)').getBoundingClientRect().top),
      neighbours: [...document.querySelectorAll('.neighbours a')].map((a) => a.getAttribute('href')),
    }));
  const before = await seen();
  expect(before.neighbours).toHaveLength(1);
  await page.evaluate(() => {
    document.querySelector('article').dataset.mark = 'drawn once';
  });
  const all = feedWith([item]).items;
  const poll = async (items) => {
    const polled = page.waitForResponse((answer) => answer.url().endsWith('/feed.json') && answer.status() === 200);
    site.write('feed.json', { ...SAMPLE_FEED, items });
    await polled;
    await page.waitForTimeout(500);
  };
  const mark = () => page.locator('article').getAttribute('data-mark');
  await poll([...all.slice(1), ...older]);
  expect(await seen()).toEqual(before);
  // Back in the feed, its headline edited: the same page, the edit in place.
  await poll([{ ...item, title: `${item.title}, edited` }, ...all.slice(1), ...older]);
  await expect(page.locator('article h1')).toHaveText(`${item.title}, edited`);
  expect(await seen()).toEqual({ ...before, headline: `${item.title}, edited` });
  expect(await mark()).toBe('drawn once');
  // It leaves with the 55 older ones, more than the app keeps: the page stays.
  await poll(all.slice(1));
  expect(await seen()).toEqual({ ...before, headline: `${item.title}, edited` });
  expect(await mark()).toBe('drawn once');
  await page.locator('.article-body a').click();
  await expect(page.getByRole('heading', { name: 'הדף לא נמצא' })).toBeVisible();
});

test('focus lands on the heading after navigation, and back restores the list position', async ({ page, site }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto(site.url);
  const last = page.locator('.article-card a').last();
  await last.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(100);
  await last.click();
  await expect(page.locator('article h1')).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(50);
  await page.goBack();
  await expect(page.locator('.article-card')).toHaveCount(9);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 50);
});

test('"load more" appends the items of next_url', async ({ page, siteWith }) => {
  const older = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'older',
    items: [flash('old-1', '08:00', 'מבזק ישן'), flash('old-2', '07:30', 'מבזק ישן יותר')],
  };
  const site = await siteWith({
    files: { 'feed.json': { ...SAMPLE_FEED, next_url: 'page-2.json' }, 'page-2.json': older },
  });
  await page.goto(site.url);
  await expect(page.locator('.article-card')).toHaveCount(9);
  await page.getByRole('button', { name: 'טענו כתבות נוספות' }).click();
  await expect(page.locator('.article-card')).toHaveCount(11);
  await expect(page.locator('.article-card').last()).toContainText('מבזק ישן יותר');
  await expect(page.getByRole('button', { name: 'טענו כתבות נוספות' })).toHaveCount(0);
});

test('an English item reads left to right in a Hebrew feed', async ({ page, siteWith }) => {
  const site = await siteWith({
    files: {
      'feed.json': feedWith([
        flash('en', '14:50', 'Markets rally', { language: 'en', content_text: 'Stocks rose on Friday.' }),
      ]),
    },
  });
  await page.goto(`${site.url}article/en`);
  for (const text of ['article h1', '.article-body']) {
    await expect(page.locator(text)).toHaveAttribute('dir', 'ltr');
    await expect(page.locator(text)).toHaveAttribute('lang', 'en');
  }
  await page.goto(`${site.url}article/${SAMPLE_FEED.items[0].id}`);
  await expect(page.locator('article h1')).toHaveAttribute('dir', 'rtl');
});

test('a long feed draws thirty articles at first, and "load more" shows the next ones', async ({ page, siteWith }) => {
  const items = Array.from({ length: 70 }, (_, i) => ({
    id: `n${i}`,
    title: `כתבה ${i}`,
    date_published: new Date(Date.UTC(2024, 11, 27, 12, 0) - i * 60_000).toISOString(),
  }));
  const site = await siteWith({ files: { 'feed.json': { ...SAMPLE_FEED, items } } });
  await page.goto(site.url);
  await expect(page.locator('.article-card')).toHaveCount(30);
  const more = page.getByRole('button', { name: 'טענו כתבות נוספות' });
  await more.click();
  await expect(page.locator('.article-card')).toHaveCount(60);
  await more.click();
  await expect(page.locator('.article-card')).toHaveCount(70);
  await expect(more).toHaveCount(0);
});

test('code in a body reads left to right and scrolls in its own block, not the page', async ({ page, siteWith }) => {
  const line =
    'curl -s https://news.example.co.il/feed.json | jq ".items[] | {id, title, date_published}" > flashes.json';
  const item = flash('code', '14:30', 'כתבה עם קוד', {
    content_html: `<p>הריצו:</p><pre><code>${line}</code></pre><p>והפקודה <code>jq .</code> תציג הכול.</p>`,
  });
  const site = await siteWith({ files: { 'feed.json': feedWith([item]) } });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${site.url}article/code`);
  const pre = page.locator('.article-body pre');
  await expect(pre).toHaveAttribute('dir', 'ltr');
  const box = await pre.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el.querySelector('code').firstChild);
    range.setEnd(range.startContainer, 4);
    const style = getComputedStyle(el);
    const own = el.getBoundingClientRect();
    return {
      fromLeft: range.getBoundingClientRect().left - (own.left + parseFloat(style.paddingLeft)),
      scrolls: el.scrollWidth > el.clientWidth,
      right: own.right,
    };
  });
  expect(Math.abs(box.fromLeft)).toBeLessThan(2); // "curl" starts at the left edge
  expect(box.scrolls).toBe(true);
  expect(box.right).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(page.locator('.article-body p code')).toHaveAttribute('dir', 'ltr');
});
