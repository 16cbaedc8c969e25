// A row of the ticker opens in place and shares its flash (issue 24 §2–3): in the
// app (keyboard, mouse, polls, reduced motion), on a published page without
// JavaScript and through the takeover, and the headline's direction kept in
// what is shared (U+200F first, the link on its own line), the article page's
// share bar included.
import { feedWith, flash } from '../support/feeds.js';
import { expect, holdWasm, publish, SAMPLE_CONFIG, SAMPLE_FEED, test } from '../support/site.js';

const POLL = 2; // seconds, the smallest the config allows
const WITHIN_ONE_POLL = { timeout: (POLL * 2 + 2) * 1000 };
const RLM = '\u200F';
const MORE = 'summary[aria-label="עוד על המבזק"]';
const SHARE = 'summary[aria-label^="שיתוף"]';

const [A, B, C, D] = SAMPLE_FEED.items;
const LONG_BODY = `${'ראש הממשלה נפגש הבוקר עם שר הביטחון ודן במצב בצפון. '.repeat(12)}סוף`;
// Rows with something to open: a summary, a long text body, an HTML body with
// references, and an odd id (spaces, a slash, "?", "#", "%", Hebrew).
const ODD_ID = 'a b/ג?#%&<x>';
const FEED = feedWith(
  [
    flash(ODD_ID, '14:20', 'Apple מודיעה על מוצר חדש', {
      summary: 'תקציר קצר של ההודעה',
      language: 'he',
    }),
    flash('en-1', '14:10', '3 injured in a crash on Route 6', { language: 'en', summary: 'English summary' }),
  ],
  {
    edit: {
      [A.id]: { summary: 'הכוחות נכנסו לבית החולים בבוקר.' },
      [B.id]: { content_text: LONG_BODY, summary: undefined },
      [C.id]: {
        summary: '   ',
        content_text: undefined,
        content_html: '<p>צה&quot;ל: <b>3&nbsp;פצועים</b> &amp; נזק</p>',
      },
      [D.id]: { summary: undefined, content_text: undefined, content_html: undefined },
    },
  },
);

/** A site whose config gives its own address; `poll` in seconds. */
async function rowSite(siteWith, { feed = FEED } = {}) {
  const site = await siteWith({ files: { 'feed.json': feed } });
  site.write('config.json', { ...SAMPLE_CONFIG, site_url: site.url, poll_seconds: POLL });
  return site;
}

/** The row of `id` (the odd id's by its headline: its segment is hashed, paths.rs). */
const row = (page, id) =>
  id === ODD_ID
    ? page.locator('.flashes .flash').filter({ hasText: 'Apple מודיעה' })
    : page.locator('.flashes .flash').filter({ has: page.locator(`a[href*="/article/${id}"]`) });
const rects = (locator) => locator.evaluateAll((rows) => rows.map((r) => JSON.stringify(r.getBoundingClientRect())));

test('a row opens in place by mouse and keyboard, says so, moves nothing above it, and a poll keeps it open', async ({
  page,
  siteWith,
}) => {
  const site = await rowSite(siteWith);
  await page.goto(site.url);
  const rows = page.locator('.flashes .flash');
  await expect(rows).toHaveCount(FEED.items.length);
  // A headline-only flash has nothing to open; the others do, beside their link.
  await expect(row(page, D.id).locator(MORE)).toHaveCount(0);
  await expect(rows.locator(MORE)).toHaveCount(5);
  const target = row(page, B.id);
  const more = target.locator(MORE);
  await expect(more).toHaveAccessibleName('עוד על המבזק');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const panelId = await more.getAttribute('aria-controls');
  const panel = page.locator(`[id="${panelId}"]`);
  await expect(panel).toBeHidden();
  await expect(target.locator('a').first()).toHaveAttribute('href', new RegExp(`/article/${B.id}$`));

  // The mouse: the rows above (and this row's headline) stay where they were.
  const before = await rects(rows);
  const index = await rows.evaluateAll(
    (all, id) => all.findIndex((r) => r.querySelector(`a[href*="/article/${id}"]`)),
    B.id,
  );
  expect(index).toBeGreaterThan(1);
  const headline = await target.locator('.headline').boundingBox();
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(panel).toBeVisible();
  expect((await rects(rows)).slice(0, index)).toEqual(before.slice(0, index));
  expect(await target.locator('.headline').boundingBox()).toEqual(headline);
  // The body's opening as plain text, cut at a word with an ellipsis.
  const text = await panel.textContent();
  expect(text.endsWith('…')).toBe(true);
  expect(LONG_BODY.startsWith(text.slice(0, -1))).toBe(true);
  expect(text.length).toBeGreaterThan(250);
  expect(text.length).toBeLessThanOrEqual(301);
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();

  // The keyboard: Enter and Space on the summary, which is in the tab order.
  const html = row(page, C.id).locator(MORE);
  await html.focus();
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('aria-expanded', 'true');
  // A white-space summary counts as none: the HTML body, as text.
  await expect(page.locator(`[id="${await html.getAttribute('aria-controls')}"]`)).toHaveText(
    'צה"ל: 3\u00a0פצועים & נזק',
  );
  await page.keyboard.press('Space');
  await expect(html).toHaveAttribute('aria-expanded', 'false');
  await expect(row(page, A.id).locator('.flash-text')).toHaveText('הכוחות נכנסו לבית החולים בבוקר.', {
    useInnerText: false,
  });

  // Every id on the page is unique, the odd one's panel included.
  const odd = row(page, ODD_ID).locator(MORE);
  const oddPanel = await odd.getAttribute('aria-controls');
  expect(await page.evaluate((id) => document.getElementById(id)?.textContent, oddPanel)).toBe('תקציר קצר של ההודעה');
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  expect(new Set(ids).size).toBe(ids.length);

  // Open, then a poll adds a flash above and edits this one (its row is drawn anew).
  await more.focus();
  await page.keyboard.press('Enter');
  await target.evaluate((r) => {
    r.dataset.marker = 'old';
  });
  const edited = { title: 'כותרת מתוקנת', date_modified: '2024-12-27T14:41:00+02:00' };
  site.write('feed.json', {
    ...FEED,
    items: [
      flash('newest', '14:40', 'מבזק חדש מעל הכל'),
      ...FEED.items.map((item) => (item.id === B.id ? { ...item, ...edited } : item)),
    ],
  });
  await expect(rows).toHaveCount(FEED.items.length + 1, WITHIN_ONE_POLL);
  await expect(row(page, B.id)).toContainText('כותרת מתוקנת', WITHIN_ONE_POLL);
  await expect(row(page, B.id)).not.toHaveAttribute('data-marker');
  await expect(row(page, B.id).locator(MORE)).toHaveAttribute('aria-expanded', 'true');
  await expect(row(page, B.id).locator('.flash-text')).toBeVisible();
  // Its control, which had the focus, has it again (row_focus.rs).
  await expect(row(page, B.id).locator(MORE)).toBeFocused();

  // Reduced motion: nothing animates as a row opens.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await row(page, A.id).locator(MORE).click();
  const motion = await row(page, A.id)
    .locator('.flash-more')
    .evaluate((details) =>
      [details, ...details.querySelectorAll('*')].map((e) => {
        const style = getComputedStyle(e);
        return `${style.animationName}|${style.transitionDuration}`;
      }),
    );
  expect(new Set(motion)).toEqual(new Set(['none|0s']));
});

test('share: the system sheet where there is one, else WhatsApp, Telegram and copy; the text keeps its direction', async ({
  page,
  context,
  siteWith,
}) => {
  const site = await rowSite(siteWith);
  const published = (id) => `${site.url}article/${encodeURIComponent(id)}/`;
  // With navigator.share: it gets the headline with its mark and the published address.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('no-share')) {
      navigator.share = (data) => {
        window.__shared = data;
        return Promise.resolve();
      };
    } else {
      delete Navigator.prototype.share;
      delete navigator.share;
    }
  });
  await page.goto(site.url);
  const share = row(page, A.id).locator(SHARE);
  await expect(share).toHaveAccessibleName(/^שיתוף/);
  await share.click();
  const shared = await page.evaluate(() => window.__shared);
  expect(shared).toEqual({ title: A.title, text: `${RLM}${A.title}`, url: published(A.id) });
  await expect(row(page, A.id).locator('.share-menu')).toBeHidden();

  // Without it, at 360 px: a menu of plain links and "העתקת קישור".
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => sessionStorage.setItem('no-share', '1'));
  await page.reload();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const odd = row(page, ODD_ID);
  const oddShare = odd.locator(SHARE);
  await oddShare.focus();
  await page.keyboard.press('Enter');
  await expect(oddShare).toHaveAttribute('aria-expanded', 'true');
  const menu = page.locator(`[id="${await oddShare.getAttribute('aria-controls')}"]`);
  await expect(menu).toBeVisible();
  const query = async (name, key) =>
    new URL(await menu.getByRole('link', { name }).getAttribute('href')).searchParams.get(key);
  const whatsapp = await query('וואטסאפ', 'text');
  expect(whatsapp.startsWith(RLM)).toBe(true);
  expect(whatsapp.split('\n')).toHaveLength(2);
  expect(whatsapp.split('\n')[0]).toBe(`${RLM}Apple מודיעה על מוצר חדש`);
  expect(whatsapp.split('\n')[1]).toMatch(new RegExp(`^${site.url}article/!`));
  expect((await query('טלגרם', 'text')).startsWith(RLM)).toBe(true);
  expect(await query('טלגרם', 'url')).toBe(whatsapp.split('\n')[1]);
  // Nothing scrolls sideways with the menu open on a phone.
  expect(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth)).toBe(true);
  // Escape closes the menu and gives the focus back.
  await menu.getByRole('link', { name: 'וואטסאפ' }).focus();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(oddShare).toBeFocused();
  await expect(oddShare).toHaveAttribute('aria-expanded', 'false');
  // Copy the link.
  await oddShare.click();
  await menu.getByRole('button', { name: 'העתקת קישור' }).click();
  await expect(menu.getByRole('button', { name: 'הקישור הועתק' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(whatsapp.split('\n')[1]);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  // Wherever the focus is (a tap does not focus a summary in every browser,
  // so the menu opens with the focus outside it): Escape closes the menu, and
  // so does a press outside it.
  const openUnfocused = async () => {
    await page.evaluate(() => document.activeElement?.blur());
    await oddShare.evaluate((summary) => {
      summary.parentElement.open = true;
    });
    await expect(oddShare).toHaveAttribute('aria-expanded', 'true');
  };
  await openUnfocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await openUnfocused();
  const heading = await page.locator('.ticker-head h2').boundingBox();
  await page.mouse.click(heading.x + 2, heading.y + 2);
  await expect(menu).toBeHidden();
  await expect(oddShare).toHaveAttribute('aria-expanded', 'false');
  // A left-to-right headline gets no mark.
  const english = row(page, 'en-1');
  await english.locator(SHARE).click();
  const en = new URL(await english.getByRole('link', { name: 'וואטסאפ' }).getAttribute('href')).searchParams.get(
    'text',
  );
  expect(en).toBe(`3 injured in a crash on Route 6\n${published('en-1')}`);
  // A row opened on a phone: still no sideways scroll.
  await row(page, B.id).locator(MORE).click();
  expect(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth)).toBe(true);

  // The article page's share bar: the same rule.
  await page.goto(`${site.url}article/${encodeURIComponent(ODD_ID)}`);
  const bar = page.locator('nav.share');
  const barText = new URL(await bar.locator('.share-whatsapp').getAttribute('href')).searchParams.get('text');
  expect(barText.startsWith(`${RLM}Apple מודיעה על מוצר חדש\n`)).toBe(true);
  const telegram = new URL(await bar.locator('.share-telegram').getAttribute('href')).searchParams;
  expect(telegram.get('text')).toBe(`${RLM}Apple מודיעה על מוצר חדש`);
  expect(barText.split('\n')[1]).toBe(telegram.get('url'));
});

test('a published page opens rows and its share menu without JavaScript; the app keeps an opened row open', async ({
  browser,
  page,
  siteWith,
}) => {
  const site = await rowSite(siteWith);
  publish(site.root, { now: null });

  const still = await browser.newContext({ javaScriptEnabled: false });
  const plain = await still.newPage();
  await plain.goto(site.url);
  const more = row(plain, B.id).locator(MORE);
  // The browser reports a summary's state itself: no fixed aria-expanded.
  await expect(more).not.toHaveAttribute('aria-expanded');
  await more.click();
  await expect(plain.locator(`[id="${await more.getAttribute('aria-controls')}"]`)).toBeVisible();
  const share = row(plain, A.id).locator(SHARE);
  await share.press('Enter');
  const whatsapp = new URL(await row(plain, A.id).getByRole('link', { name: 'וואטסאפ' }).getAttribute('href'));
  expect(whatsapp.searchParams.get('text')).toBe(`${RLM}${A.title}\n${site.url}article/${A.id}/`);
  await still.close();

  // With the app: a row opened before it arrives stays open, with no jump.
  const release = await holdWasm(page);
  await page.goto(site.url);
  const early = row(page, B.id).locator(MORE);
  await early.click();
  const rows = page.locator('.flashes .flash');
  const before = await rects(rows);
  release();
  await page.waitForSelector('#app[data-live]');
  await expect(row(page, B.id).locator(MORE)).toHaveAttribute('aria-expanded', 'true');
  await expect(row(page, B.id).locator('.flash-text')).toBeVisible();
  expect(await rects(rows)).toEqual(before);
});
