// What readers' own tools do to the page (issue 25): a translation tool that
// replaces the page's text nodes (§1), a screen reader's live region when a
// poll brings many flashes (§5), and Windows contrast themes (§6).

import { feedWith, flash } from '../support/feeds.js';
import { expect, SAMPLE_FEED, test } from '../support/site.js';
import { translateLikeChrome } from '../support/translate.js';

const POLL = 2; // seconds, the smallest the config allows
const WITHIN_ONE_POLL = { timeout: (POLL * 2 + 2) * 1000 };
const [FIRST, SECOND, THIRD] = SAMPLE_FEED.items;
const EDITED = 'כותרת מתוקנת אחרי התרגום';
const ADDED = 'מבזק שנוסף אחרי התרגום';

/** The poll after translation: one flash added, the first edited, the second removed. */
const changedFeed = () =>
  feedWith([flash('added-1', '14:30', ADDED, { tags: ['מרוקו'] })], {
    drop: [SECOND.id],
    edit: {
      [FIRST.id]: { title: EDITED, date_modified: '2024-12-27T14:10:00+02:00' },
      [THIRD.id]: { title: `${THIRD.title} (עודכן)` },
    },
  });

/** What a list in `scope` shows after the poll: the edit, the addition, the removal. */
async function expectFollowed(rows, { count = 9 } = {}) {
  await expect(rows.first()).toContainText(ADDED, WITHIN_ONE_POLL);
  await expect(rows).toHaveCount(count);
  await expect(rows.nth(1)).toContainText(EDITED);
  await expect(rows.nth(1)).not.toContainText(FIRST.title);
  await expect(rows.filter({ hasText: SECOND.title })).toHaveCount(0);
  await expect(rows.nth(2)).toContainText(`${THIRD.title} (עודכן)`);
}

test('§1 after a translation tool rewrote every text node, the ticker list and the article list follow a poll', async ({
  page,
  siteWith,
}) => {
  const site = await siteWith({ config: { poll_seconds: POLL } });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await expect(page.locator('.article-list .article-card')).toHaveCount(9);
  // Scrolled away from the ticker: new flashes get the badge too.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await page.evaluate(translateLikeChrome)).toBeGreaterThan(18);
  site.write('feed.json', changedFeed());
  await expectFollowed(page.locator('.flashes .flash'));
  await expectFollowed(page.locator('.article-list .article-card'));
  const live = page.locator('.ticker [aria-live="polite"]');
  const badge = page.locator('.new-flashes');
  await expect(live).toHaveText(`מבזק חדש: ${ADDED}`);
  await expect(badge).toHaveText('מבזק חדש אחד');
  // Translated again: the live region and the badge follow the next poll.
  await page.evaluate(translateLikeChrome);
  const later = 'מבזק שלישי אחרי התרגום';
  const next = changedFeed();
  site.write('feed.json', { ...next, items: [flash('added-2', '14:40', later), ...next.items] });
  await expect(page.locator('.flashes .flash').first()).toContainText(later, WITHIN_ONE_POLL);
  await expect(live).toHaveText(`מבזק חדש: ${later}`);
  await expect(badge).toHaveText('2 מבזקים חדשים');
});

for (const mode of ['list', 'marquee']) {
  test(`§1 the embed (${mode}) follows a poll after a translation tool rewrote it`, async ({ page, siteWith }) => {
    const site = await siteWith({ config: { poll_seconds: POLL } });
    await page.goto(`${site.url}embed.html?mode=${mode}`);
    const rows = page.locator(mode === 'list' ? '.flashes .flash' : '.marquee-group:not([aria-hidden]) .flash');
    await expect(rows).toHaveCount(9);
    await page.evaluate(translateLikeChrome);
    site.write('feed.json', changedFeed());
    await expectFollowed(rows);
    if (mode === 'marquee') {
      // The copies that close the loop follow too.
      const copy = page.locator('.marquee-group[aria-hidden="true"]').first().locator('.flash');
      await expect(copy.nth(1)).toContainText(EDITED);
      await expect(copy.filter({ hasText: FIRST.title })).toHaveCount(0);
    }
  });
}

test('§1 a translated article page and tag page follow an edit of their article', async ({ page, siteWith }) => {
  const tagged = SAMPLE_FEED.items.find((item) => item.tags?.includes('מרוקו'));
  const site = await siteWith({ config: { poll_seconds: POLL } });
  await page.goto(`${site.url}tag/${encodeURIComponent('מרוקו')}`);
  const cards = page.locator('.tag-page .article-card');
  await expect(cards).toHaveCount(1);
  await page.evaluate(translateLikeChrome);
  const retitled = 'כותרת התגית החדשה';
  site.write(
    'feed.json',
    feedWith([flash('added-1', '14:30', ADDED, { tags: ['מרוקו'] })], {
      edit: { [tagged.id]: { title: retitled } },
    }),
  );
  await expect(cards).toHaveCount(2, WITHIN_ONE_POLL);
  await expect(cards.first()).toContainText(ADDED);
  await expect(cards.nth(1)).toContainText(retitled);
  await expect(cards.nth(1)).not.toContainText(tagged.title);
  // Into the article, in the app; translated again, then edited again.
  await cards.nth(1).locator('a').click();
  const headline = page.locator('.article h1');
  await expect(headline).toHaveText(retitled);
  await page.evaluate(translateLikeChrome);
  const again = 'כותרת הכתבה, מתוקנת שוב';
  site.write(
    'feed.json',
    feedWith([flash('added-1', '14:30', ADDED, { tags: ['מרוקו'] })], {
      edit: { [tagged.id]: { title: again, date_modified: '2024-12-27T15:05:00+02:00' } },
    }),
  );
  await expect(headline).toHaveText(again, WITHIN_ONE_POLL);
  await expect(page.locator('.article .dateline')).toContainText('עודכן');
});

test('§5 a poll that brings many flashes is announced as a count and the newest; one of 2 reads both', async ({
  page,
  siteWith,
}) => {
  const site = await siteWith({ config: { poll_seconds: POLL } });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  const live = page.locator('.ticker [aria-live="polite"]');
  const two = [flash('two-2', '14:31', 'השני מבין שניים'), flash('two-1', '14:30', 'הראשון מבין שניים')];
  site.write('feed.json', feedWith(two));
  await expect(live).toHaveText('מבזק חדש: השני מבין שניים. מבזק חדש: הראשון מבין שניים', WITHIN_ONE_POLL);
  // Forty at once (the field's case): one short sentence, not 1,382 characters.
  const forty = Array.from({ length: 40 }, (_, i) =>
    flash(`many-${i}`, `15:${String(59 - i).padStart(2, '0')}`, `מבזק מספר ${40 - i} מתוך ארבעים, עם כותרת ארוכה למדי`),
  );
  site.write('feed.json', feedWith([...forty, ...two]));
  const summary = '40 מבזקים חדשים. האחרון: מבזק מספר 40 מתוך ארבעים, עם כותרת ארוכה למדי';
  await expect(live).toHaveText(summary, WITHIN_ONE_POLL);
  expect((await live.textContent()).length).toBeLessThan(100);
});

test('§5 the embed announces many flashes with the same rule', async ({ page, siteWith }) => {
  const site = await siteWith({ config: { poll_seconds: POLL } });
  await page.goto(`${site.url}embed.html?mode=list`);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  const four = ['ד', 'ג', 'ב', 'א'].map((letter, i) => flash(`four-${i}`, `14:3${4 - i}`, `כותרת ${letter}`));
  site.write('feed.json', feedWith(four));
  await expect(page.locator('[aria-live="polite"]').last()).toHaveText(
    '4 מבזקים חדשים. האחרון: כותרת ד',
    WITHIN_ONE_POLL,
  );
});

test('§6 in forced colours a new flash, a paused list and focus stay visible', async ({ page, siteWith }) => {
  const site = await siteWith({ config: { poll_seconds: POLL } });
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(site.url);
  const rows = page.locator('.flashes .flash');
  await expect(rows).toHaveCount(9);
  site.write('feed.json', feedWith([flash('new-1', '14:30', 'מבזק חדש בניגודיות גבוהה')]));
  await expect(rows.first()).toHaveClass(/is-new/, WITHIN_ONE_POLL);
  // A line at the start edge, drawn in a system colour; an ordinary row has none.
  const edge = (row) =>
    row.evaluate((el) => {
      const style = getComputedStyle(el);
      return { style: style.borderInlineStartStyle, width: Number.parseFloat(style.borderInlineStartWidth) };
    });
  const fresh = await edge(rows.first());
  expect(fresh.style).not.toBe('none');
  expect(fresh.width).toBeGreaterThanOrEqual(3);
  expect(await edge(rows.nth(1))).toEqual({ style: 'none', width: 0 });
  // The paused list's toggle: outlined, which an unpressed one is not.
  const toggle = page.locator('.ticker-pause');
  const outline = () => toggle.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(await outline()).toBe('none');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.click(1, 1);
  expect(await outline()).not.toBe('none');
  // Focus from the keyboard: a ring in a system colour.
  await rows.first().locator('a').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
});

test('§6 in forced colours the paused strip is outlined', async ({ page, siteWith }) => {
  const site = await siteWith({ config: { ticker: { mode: 'marquee', count: 20 } } });
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(site.url);
  await expect(page.locator('.marquee-group').first().locator('.flash')).toHaveCount(9);
  const viewport = page.locator('.marquee-viewport');
  expect(await viewport.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
  await page.locator('.marquee-toggle').click();
  await page.mouse.move(0, 0);
  expect(await viewport.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  expect(await page.locator('.marquee-toggle').evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
});
