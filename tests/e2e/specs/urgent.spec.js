// Urgent flashes (issue 24 §1, src/feed/urgency.rs): a "דחוף" badge beside the
// headline in the ticker's list, the marquee, the article list, the article page,
// the embed and the published pages; readable in forced colours; announced first
// by the live region when a poll brings it. The rule itself is tested natively
// (tests/suite/urgency.rs); here, what a reader sees and hears.
import { feedWith, flash } from '../support/feeds.js';
import { expect, publish, SAMPLE_CONFIG, SAMPLE_FEED, test } from '../support/site.js';

const POLL = 2; // seconds, the smallest the config allows
const WITHIN_ONE_POLL = { timeout: (POLL * 2 + 2) * 1000 };
const URGENT_TAGS = ['דחוף', 'Breaking', 'פקע״ר'];

// Urgent three ways, a lookalike that is not, and an ordinary flash.
const MARKED = flash('marked', '15:40', 'סומן דחוף בהרחבה של JSON Feed', { _mivzak: { urgent: true } });
const TAGGED = flash('tagged', '15:30', 'Apple מודיעה על ריקול עולמי', { tags: ['  דחוף '] });
const ACRONYM = flash('acronym', '15:20', 'ההנחיות נותרות ללא שינוי', { tags: ['פקע"ר'] });
const LOOKALIKE = flash('lookalike', '15:10', 'הכביש לחרמון ייפתח מחר', { tags: ['דחופים', 'לא דחוף'] });
const FIRST_FEED = feedWith([MARKED, TAGGED, ACRONYM, LOOKALIKE]);
const URGENT_TITLES = [MARKED.title, TAGGED.title, ACRONYM.title];

/** The urgent rows' headlines among `rows`, in order, and each badge's word. */
async function urgentRows(rows) {
  return rows.evaluateAll((list) =>
    list
      .filter((row) => row.querySelector('.urgent-badge'))
      .map((row) => {
        const badge = row.querySelector('.urgent-badge');
        return { headline: row.querySelector('.headline, h1, h2, h3 a')?.textContent, word: badge.textContent };
      }),
  );
}

/** Where the badge of `row` stands beside its headline: it is its own element,
 *  Hebrew and isolated, on the headline's first line, before it (to its right),
 *  and the headline's text is whole in one element. */
async function expectBadgeBesideHeadline(row, headlineSelector, title) {
  const layout = await row.evaluate((el, selector) => {
    const badge = el.querySelector('.urgent-badge');
    const headline = el.querySelector(selector);
    const range = document.createRange();
    range.selectNodeContents(headline);
    const first = range.getClientRects()[0];
    const b = badge.getBoundingClientRect();
    return {
      lang: badge.getAttribute('lang'),
      dir: badge.getAttribute('dir'),
      inHeadline: headline.contains(badge),
      text: headline.textContent,
      gap: b.left - first.right,
      sameLine: b.top < first.bottom && b.bottom > first.top,
      width: b.width,
    };
  }, headlineSelector);
  expect(layout).toMatchObject({ lang: 'he', dir: 'rtl', inHeadline: false, text: title, sameLine: true });
  expect(layout.width).toBeGreaterThan(10);
  // Right to left: the badge comes first, so it stands right of the headline's first line.
  expect(layout.gap).toBeGreaterThanOrEqual(-1);
}

test('the list, the article list and the article page mark urgent flashes; a poll announces them first and redraws a flash made urgent; forced colours keep the mark', async ({
  page,
  siteWith,
}) => {
  const site = await siteWith({
    config: { poll_seconds: POLL, urgent_tags: URGENT_TAGS },
    files: { 'feed.json': FIRST_FEED },
  });
  await page.goto(site.url);
  const rows = page.locator('.flashes .flash');
  await expect(rows).toHaveCount(13);
  expect(await urgentRows(rows)).toEqual(URGENT_TITLES.map((headline) => ({ headline, word: 'דחוף' })));
  await expect(rows.filter({ hasText: LOOKALIKE.title }).locator('.urgent-badge')).toHaveCount(0);
  await expect(page.locator('.flash.is-urgent')).toHaveCount(3);
  // "Apple …" starts with a Latin word: still one headline, the badge beside it.
  await expectBadgeBesideHeadline(rows.filter({ hasText: TAGGED.title }), '.headline', TAGGED.title);
  // The link's name says it: time, "דחוף", headline.
  await expect(rows.filter({ hasText: MARKED.title }).locator('a')).toHaveAccessibleName(/דחוף סומן דחוף/);

  const cards = page.locator('.article-list .article-card');
  await expect(cards).toHaveCount(13);
  expect((await urgentRows(cards)).map((card) => card.headline)).toEqual(URGENT_TITLES);
  await expectBadgeBesideHeadline(cards.filter({ hasText: TAGGED.title }), 'h3 a', TAGGED.title);

  // A poll: an ordinary flash newest, then one marked and one tagged in English;
  // and an old flash that becomes urgent.
  const live = page.locator('.ticker [aria-live="polite"]');
  const [OLD] = SAMPLE_FEED.items;
  const polled = [
    flash('plain-new', '16:30', 'מבזק רגיל חדש'),
    flash('marked-new', '16:20', 'מבזק מסומן חדש', { _mivzak: { urgent: 'true' } }),
    flash('english-new', '16:10', 'Breaking: markets close early', { tags: ['breaking'] }),
  ];
  site.write(
    'feed.json',
    feedWith([...polled, MARKED, TAGGED, ACRONYM, LOOKALIKE], { edit: { [OLD.id]: { tags: ['דחוף'] } } }),
  );
  await expect(live).toHaveText(
    'מבזק דחוף: מבזק מסומן חדש. מבזק דחוף: Breaking: markets close early. מבזק חדש: מבזק רגיל חדש',
    WITHIN_ONE_POLL,
  );
  await expect(rows.filter({ hasText: OLD.title }).locator('.urgent-badge')).toHaveText('דחוף');
  await expect(page.locator('.flash.is-urgent')).toHaveCount(6);
  await expect(rows.filter({ hasText: 'מבזק רגיל חדש' }).locator('.urgent-badge')).toHaveCount(0);

  // Forced colours (a Windows contrast theme): the word stays, boxed in the text's
  // colour; the row's edge line is double, unlike a new flash's solid one.
  await page.emulateMedia({ forcedColors: 'active' });
  const marks = (row) =>
    row.evaluate((el) => {
      const row = getComputedStyle(el);
      const badge = el.querySelector('.urgent-badge');
      const box = badge && getComputedStyle(badge);
      return {
        edge: row.borderInlineStartStyle,
        word: badge?.textContent,
        border: box && Number.parseFloat(box.borderTopWidth),
        borderStyle: box?.borderTopStyle,
        visible: box && box.color !== box.backgroundColor && box.visibility === 'visible',
      };
    });
  expect(await marks(rows.filter({ hasText: 'Breaking: markets' }))).toEqual({
    edge: 'double',
    word: 'דחוף',
    border: 2,
    borderStyle: 'solid',
    visible: true,
  });
  expect((await marks(rows.filter({ hasText: 'מבזק רגיל חדש' }))).edge).toBe('solid');
  await page.emulateMedia({ forcedColors: 'none' });

  // The article page: the badge before the headline in its h1.
  await rows.filter({ hasText: TAGGED.title }).locator('a').click();
  const h1 = page.locator('.article h1');
  await expect(h1.locator('.urgent-badge')).toHaveText('דחוף');
  await expectBadgeBesideHeadline(page.locator('.article'), 'h1 > span:not(.urgent-badge)', TAGGED.title);
});

test('the embed reads urgent_tags from the config: the marquee and the list mark, the list announces urgent first', async ({
  page,
  siteWith,
}) => {
  // Only "Breaking" is urgent on this site: the Hebrew tag is not.
  const site = await siteWith({
    config: { poll_seconds: POLL, urgent_tags: ['Breaking'] },
    files: {
      'feed.json': feedWith([flash('en', '15:30', 'Ceasefire talks resume', { tags: ['BREAKING'] }), TAGGED, MARKED]),
    },
  });
  await page.goto(`${site.url}embed.html?mode=marquee`);
  const group = page.locator('.marquee-group:not([aria-hidden]) .flash');
  await expect(group).toHaveCount(12);
  expect((await urgentRows(group)).map((row) => row.headline)).toEqual([MARKED.title, 'Ceasefire talks resume']);
  // The copies that close the loop carry it too; the badge and headline stay on one line.
  await expect(page.locator('.marquee-group[aria-hidden="true"] .urgent-badge').first()).toHaveText('דחוף');
  await expectBadgeBesideHeadline(group.filter({ hasText: MARKED.title }), '.headline', MARKED.title);

  await page.goto(`${site.url}embed.html?mode=list`);
  await expect(page.locator('.flashes .flash')).toHaveCount(12);
  site.write(
    'feed.json',
    feedWith([
      flash('n2', '16:20', 'עדכון רגיל'),
      flash('n1', '16:10', 'Markets close early', { tags: ['breaking'] }),
      flash('en', '15:30', 'Ceasefire talks resume', { tags: ['BREAKING'] }),
      TAGGED,
      MARKED,
    ]),
  );
  await expect(page.locator('[aria-live="polite"]').last()).toHaveText(
    'מבזק דחוף: Markets close early. מבזק חדש: עדכון רגיל',
    WITHIN_ONE_POLL,
  );
  await expect(page.locator('.flash.is-urgent .urgent-badge')).toHaveCount(3);
});

test('published pages carry the badge without JavaScript', async ({ browser, siteWith }) => {
  const site = await siteWith({ files: { 'feed.json': FIRST_FEED } });
  site.write('config.json', { ...SAMPLE_CONFIG, site_url: site.url, urgent_tags: URGENT_TAGS });
  publish(site.root, { now: Date.UTC(2024, 11, 27, 14, 0) / 1000 });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url);
  const rows = page.locator('.flashes .flash');
  await expect(rows).toHaveCount(13);
  expect((await urgentRows(rows)).map((row) => row.headline)).toEqual(URGENT_TITLES);
  await expectBadgeBesideHeadline(rows.filter({ hasText: TAGGED.title }), '.headline', TAGGED.title);
  expect((await urgentRows(page.locator('.article-card'))).map((card) => card.headline)).toEqual(URGENT_TITLES);
  await page.goto(`${site.url}article/${MARKED.id}/`);
  await expect(page.locator('.article h1 .urgent-badge')).toHaveText('דחוף');
  await page.goto(`${site.url}article/${LOOKALIKE.id}/`);
  await expect(page.locator('.article h1')).toHaveText(LOOKALIKE.title);
  await expect(page.locator('.urgent-badge')).toHaveCount(0);
  await context.close();
});
