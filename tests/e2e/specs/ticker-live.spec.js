// The live ticker against a real local feed server whose content changes between polls.

import { feedWith, flash } from '../support/feeds.js';
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const POLL = 2; // seconds, the smallest the config allows
const WITHIN_ONE_POLL = { timeout: (POLL * 2 + 2) * 1000 };

async function liveSite(siteWith, extra = {}) {
  return siteWith({ config: { poll_seconds: POLL, ...extra } });
}

/** Marks every flash row so a test can tell whether its DOM node survived. */
async function markRows(page) {
  await page.locator('.flashes .flash').evaluateAll((rows) =>
    rows.forEach((row, i) => {
      row.dataset.marker = `m${i}`;
    }),
  );
}

test('a new flash appears in place within one poll; the other rows are the same nodes', async ({ page, siteWith }) => {
  const site = await liveSite(siteWith);
  await page.goto(site.url);
  const rows = page.locator('.flashes .flash');
  await expect(rows).toHaveCount(9);
  await markRows(page);
  site.write('feed.json', feedWith([flash('new-1', '14:30', 'מבזק חדש לגמרי על Windows 12')]));
  await expect(rows).toHaveCount(10, WITHIN_ONE_POLL);
  await expect(rows.first()).toContainText('14:30');
  await expect(rows.first()).toHaveClass(/is-new/);
  await expect(rows.first()).not.toHaveAttribute('data-marker');
  // All nine old rows kept their DOM node, in order.
  const markers = await rows.evaluateAll((all) => all.slice(1).map((row) => row.dataset.marker));
  expect(markers).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']);
  // Announced once, politely, without the rest of the list.
  const live = page.locator('.ticker [aria-live="polite"]');
  await expect(live).toHaveText('מבזק חדש: מבזק חדש לגמרי על Windows 12');
});

// An edited row is drawn anew (its key is its id and what it shows: issue 25 §1,
// a page a translation tool rewrote still shows the edit); the others stay.
test('an edited flash is drawn anew in its place, keeping keyboard focus, and a removed one leaves', async ({
  page,
  siteWith,
}) => {
  const site = await liveSite(siteWith);
  await page.goto(site.url);
  const rows = page.locator('.flashes .flash');
  await expect(rows).toHaveCount(9);
  await markRows(page);
  // The reader is on the row that will be edited, by keyboard.
  await rows.first().locator('a').focus();
  const [first, second] = SAMPLE_FEED.items;
  site.write(
    'feed.json',
    feedWith([], {
      drop: [second.id],
      edit: { [first.id]: { title: 'כותרת מתוקנת', date_modified: '2024-12-27T14:10:00+02:00' } },
    }),
  );
  await expect(rows).toHaveCount(8, WITHIN_ONE_POLL);
  await expect(rows.first()).toContainText('כותרת מתוקנת');
  await expect(rows.first()).not.toHaveAttribute('data-marker');
  await expect(rows.first()).not.toHaveClass(/is-new/);
  // Focus follows the row into its new drawing (row_focus.rs), without a scroll.
  await expect(rows.first().locator('a')).toBeFocused();
  const markers = await rows.evaluateAll((all) => all.slice(1).map((row) => row.dataset.marker));
  expect(markers).toEqual(['m2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']);
});

test('a poll answered 304 leaves the DOM untouched', async ({ page, siteWith }) => {
  const site = await liveSite(siteWith);
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await page.evaluate(() => {
    window.__mutations = 0;
    new MutationObserver((list) => {
      window.__mutations += list.length;
    }).observe(document.querySelector('main'), {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  const feedAnswers = () => site.requests.filter((r) => r.path === '/feed.json');
  const before = feedAnswers().length;
  await expect.poll(() => feedAnswers().filter((r) => r.status === 304).length, WITHIN_ONE_POLL).toBeGreaterThan(0);
  await expect.poll(() => feedAnswers().length - before, WITHIN_ONE_POLL).toBeGreaterThanOrEqual(2);
  // Revalidated with the browser's cache, not refetched blindly.
  expect(feedAnswers().at(-1).headers['if-none-match']).toBeTruthy();
  expect(await page.evaluate(() => window.__mutations)).toBe(0);
});

test('a failing feed keeps the flashes with a stale notice, and recovery clears it', async ({ page, siteWith }) => {
  const site = await liveSite(siteWith);
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  site.fail('/feed.json', 500);
  const stale = page.locator('.stale');
  await expect(stale).toContainText('ייתכן שהמבזקים אינם עדכניים', WITHIN_ONE_POLL);
  await expect(stale).toContainText('עודכן');
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await expect(page.getByRole('alert')).toHaveCount(0);
  site.heal('/feed.json');
  // Backoff doubles the wait after each failure, so allow a few intervals.
  await expect(stale).toHaveCount(0, { timeout: POLL * 4 * 1000 + 2000 });
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
});

// The page's clock is Playwright's, run on in steps (each fetch is real), and
// the service worker is kept out: its one copy of the feed at install is no poll.
// Polling while hidden keeps the real clock: under Playwright's clock, the poll
// timer the page clears on hiding still fired (Chromium 156, Playwright 1.64).
test.describe("on the page's clock", () => {
  test.use({ serviceWorkers: 'block' });
  test('while failing, polls back off instead of hammering the server', async ({ page, siteWith }) => {
    const site = await liveSite(siteWith);
    await page.clock.install();
    await page.goto(site.url);
    await expect(page.locator('.flashes .flash')).toHaveCount(9);
    site.fail('/feed.json', 503, { headers: { 'retry-after': '1' } });
    const start = site.requests.length;
    for (let ms = 0; ms < 14_000; ms += 250) {
      await page.clock.runFor(250);
      // Let a request that a timer sent come back before the next step.
      await page.waitForTimeout(20);
    }
    const polls = site.requests.slice(start).filter((r) => r.path === '/feed.json').length;
    // At a fixed 2 s it would be 7 polls; waits of at least 1, 2, 4, 8 s allow 4 at most.
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(polls).toBeLessThanOrEqual(4);
  });
});

test('polling pauses while the tab is hidden and runs at once when it is back', async ({ page, siteWith }) => {
  const site = await liveSite(siteWith, { poll_seconds: 2 });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  const setHidden = (hidden) =>
    page.evaluate((hidden) => {
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => (hidden ? 'hidden' : 'visible'),
      });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  await page.waitForTimeout(300);
  const start = site.requests.filter((r) => r.path === '/feed.json').length;
  await page.waitForTimeout(5000);
  expect(site.requests.filter((r) => r.path === '/feed.json').length).toBe(start);
  site.write('feed.json', feedWith([flash('back', '15:00', 'חזרנו')]));
  await setHidden(false);
  await expect(page.locator('.flashes .flash').first()).toContainText('חזרנו', { timeout: 1500 });
});

test("a poll that brings two flashes keeps every row's node, the focus and a scrolled reader's place", async ({
  page,
  siteWith,
}) => {
  const site = await liveSite(siteWith);
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await markRows(page);
  // Down the page, on the article list's fourth entry, its link focused by keyboard.
  const place = await page.evaluate(() => {
    const row = document.querySelectorAll('.article-list li')[3];
    row.scrollIntoView({ block: 'start' });
    row.querySelector('a').focus({ preventScroll: true });
    window.__row = row;
    return row.getBoundingClientRect().top;
  });
  site.write('feed.json', feedWith([flash('n1', '14:40', 'ראשון'), flash('n2', '14:35', 'שני')]));
  await expect(page.locator('.flashes .flash.is-new')).toHaveCount(2, WITHIN_ONE_POLL);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  // The nine rows that were there are the same nodes, after the two new ones.
  expect(
    await page.locator('.flashes .flash').evaluateAll((rows) => rows.map((row) => row.dataset.marker ?? null)),
  ).toEqual([null, null, ...Array.from({ length: 9 }, (_, i) => `m${i}`)]);
  const after = await page.evaluate(() => ({
    connected: window.__row.isConnected,
    focused: document.activeElement === window.__row.querySelector('a'),
    top: window.__row.getBoundingClientRect().top,
  }));
  expect(after.connected).toBe(true);
  expect(after.focused).toBe(true);
  expect(Math.abs(after.top - place)).toBeLessThanOrEqual(1);
});

test('new flashes that arrive while the reader has scrolled away show a badge that brings them into view', async ({
  page,
  siteWith,
}) => {
  const site = await liveSite(siteWith);
  await page.setViewportSize({ width: 800, height: 400 });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  site.write('feed.json', feedWith([flash('n1', '14:40', 'ראשון'), flash('n2', '14:35', 'שני')]));
  const badge = page.getByRole('button', { name: '2 מבזקים חדשים' });
  await expect(badge).toBeVisible(WITHIN_ONE_POLL);
  await badge.click();
  await expect(badge).toHaveCount(0);
  await expect(page.locator('.flashes .flash').first()).toBeInViewport();
  await expect(page.locator('.flashes .flash').first()).toContainText('ראשון');
});

test('times are right across the daylight-saving change in Israel', async ({ page, siteWith }) => {
  const site = await siteWith({
    files: {
      'feed.json': {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'DST',
        items: [
          { id: 'after', title: 'אחרי המעבר', date_published: '2024-03-29T03:01:00+03:00' },
          { id: 'before', title: 'לפני המעבר', date_published: '2024-03-29T01:59:00+02:00' },
        ],
      },
    },
  });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash time')).toHaveText(['03:01', '01:59']);
});

test('a flash in another language carries its own lang and dir', async ({ page, siteWith }) => {
  const site = await siteWith({
    files: { 'feed.json': feedWith([flash('en', '14:50', 'Breaking: markets rally', { language: 'en' })]) },
  });
  await page.goto(site.url);
  const headline = page.locator('.flashes .flash').first().locator('.headline');
  await expect(headline).toHaveAttribute('lang', 'en');
  await expect(headline).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('.flashes .flash').nth(1).locator('.headline')).toHaveAttribute('dir', 'rtl');
});
