// The marquee: direction, pace, pausing, controls, screen readers, reduced motion.

import { feedWith, flash } from '../support/feeds.js';
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const SPEED = 80;

async function marqueeSite(siteWith, extra = {}) {
  return siteWith({ config: { ticker: { mode: 'marquee', speed: SPEED, count: 20 }, ...extra } });
}

/** The x translation of the first group, in pixels. */
const offset = (page) =>
  page
    .locator('.marquee-group')
    .first()
    .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m41);

async function movement(page, ms = 500) {
  const a = await offset(page);
  await page.waitForTimeout(ms);
  return (await offset(page)) - a;
}

test('the strip travels left to right at the configured pixels per second', async ({ page, siteWith }) => {
  const site = await marqueeSite(siteWith);
  await page.goto(site.url);
  await expect(page.locator('.marquee-group').first().locator('.flash')).toHaveCount(9);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
  const start = await offset(page);
  const t0 = Date.now();
  await page.waitForTimeout(1000);
  const moved = (await offset(page)) - start;
  const seconds = (Date.now() - t0) / 1000;
  // Rightwards (positive x) in Hebrew, so each headline's beginning enters first.
  expect(moved).toBeGreaterThan(0);
  expect(moved / seconds).toBeGreaterThan(SPEED * 0.6);
  expect(moved / seconds).toBeLessThan(SPEED * 1.4);
});

test('copies that close the loop are hidden from screen readers and inert', async ({ page, siteWith }) => {
  const site = await marqueeSite(siteWith);
  await page.goto(site.url);
  const groups = page.locator('.marquee-group');
  await expect(groups.first().locator('.flash')).toHaveCount(9);
  expect(await groups.count()).toBeGreaterThan(1);
  const copies = page.locator('.marquee-group[aria-hidden="true"]');
  await expect(copies).toHaveCount((await groups.count()) - 1);
  for (const copy of await copies.all()) await expect(copy).toHaveAttribute('inert', '');
  // Each headline is in the accessibility tree once.
  const first = SAMPLE_FEED.items[0].title;
  await expect(page.locator('.marquee').getByRole('link', { name: new RegExp(first) })).toHaveCount(1);
  const snapshot = await page.locator('.marquee').ariaSnapshot();
  expect(snapshot.match(/- listitem/g)).toHaveLength(9);
  expect(snapshot.match(/- '?link "/g)).toHaveLength(9);
});

test('hover, keyboard focus and the pause button stop the strip; play resumes it', async ({ page, siteWith }) => {
  const site = await marqueeSite(siteWith);
  await page.goto(site.url);
  await expect(page.locator('.marquee-group').first().locator('.flash')).toHaveCount(9);
  await page.mouse.move(0, 0);
  expect(Math.abs(await movement(page))).toBeGreaterThan(5);

  await page.locator('.marquee-viewport').hover();
  await page.waitForTimeout(100);
  expect(await movement(page)).toBe(0);
  await page.mouse.move(0, 0);
  expect(Math.abs(await movement(page))).toBeGreaterThan(5);

  // Keyboard: tab from the controls into the strip.
  await page.locator('.marquee-next').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.marquee-viewport a:focus')).toHaveCount(1);
  await page.waitForTimeout(100);
  expect(await movement(page)).toBe(0);

  const toggle = page.locator('.marquee-toggle');
  await toggle.focus();
  expect(Math.abs(await movement(page))).toBeGreaterThan(5);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(toggle).toHaveAccessibleName('הפעלת הגלילה');
  await page.waitForTimeout(100);
  expect(await movement(page)).toBe(0);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(Math.abs(await movement(page))).toBeGreaterThan(5);
});

test('next and previous move the strip by one flash', async ({ page, siteWith }) => {
  const site = await marqueeSite(siteWith);
  await page.goto(site.url);
  await expect(page.locator('.marquee-group').first().locator('.flash')).toHaveCount(9);
  await page.locator('.marquee-toggle').click();
  await page.mouse.move(0, 0);
  const rightEdge = () => page.locator('.marquee-viewport').evaluate((el) => el.getBoundingClientRect().right);
  const flashRight = (i) =>
    page
      .locator('.marquee-group')
      .first()
      .locator('.flash')
      .nth(i)
      .evaluate((el) => el.getBoundingClientRect().right);
  await page.locator('.marquee-next').click();
  await page.locator('.marquee-next').click();
  // The third flash now starts at the strip's start edge (its right edge in Hebrew).
  expect(Math.abs((await flashRight(2)) - (await rightEdge()))).toBeLessThan(2);
  await page.locator('.marquee-prev').click();
  expect(Math.abs((await flashRight(1)) - (await rightEdge()))).toBeLessThan(2);
});

test('with reduced motion the marquee is the static list, fully readable', async ({ browser, siteWith }) => {
  const site = await marqueeSite(siteWith);
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await expect(page.locator('.marquee')).toHaveCount(0);
  // Every row whole on the page: nothing clipped, nothing moving.
  const width = page.viewportSize().width;
  for (const row of await page.locator('.flashes .flash').all()) {
    await expect(row).toBeVisible();
    const box = await row.boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  }
  const transforms = await page
    .locator('.flashes .flash')
    .evaluateAll((rows) => rows.map((r) => getComputedStyle(r).transform));
  expect(new Set(transforms)).toEqual(new Set(['none']));
  await context.close();
});

test('a new flash joins the strip without a jump or a restart', async ({ page, siteWith }) => {
  const site = await marqueeSite(siteWith, { poll_seconds: 2 });
  await page.goto(site.url);
  const firstGroup = page.locator('.marquee-group').first();
  await expect(firstGroup.locator('.flash')).toHaveCount(9);
  await page.mouse.move(0, 0);
  await page.locator('.marquee-next').click();
  await page.locator('.marquee-next').click();
  await page.locator('.marquee-toggle').click(); // paused, so any jump shows
  await page.mouse.move(0, 0);
  const watched = firstGroup.locator('.flash', { hasText: SAMPLE_FEED.items[4].title });
  const before = (await watched.boundingBox()).x;
  await watched.evaluate((el) => {
    el.dataset.marker = 'kept';
  });
  site.write('feed.json', feedWith([flash('m-new', '14:45', 'מבזק שנכנס לרצועה')]));
  await expect(firstGroup.locator('.flash')).toHaveCount(10, { timeout: 6000 });
  await page.waitForTimeout(200);
  expect(await watched.getAttribute('data-marker')).toBe('kept');
  expect(Math.abs((await watched.boundingBox()).x - before)).toBeLessThan(2);
  // And it goes on from there when played, rather than from the start.
  await page.locator('.marquee-toggle').click();
  await page.mouse.move(0, 0);
  expect(Math.abs(await movement(page))).toBeGreaterThan(5);
  expect(Math.abs((await watched.boundingBox()).x - before)).toBeLessThan(SPEED * 2);
});

test('new flashes that arrive while the strip is paused raise the badge, which rewinds to them', async ({
  page,
  siteWith,
}) => {
  const site = await marqueeSite(siteWith, { poll_seconds: 2 });
  await page.goto(site.url);
  await expect(page.locator('.marquee-group').first().locator('.flash')).toHaveCount(9);
  await page.locator('.marquee-toggle').click();
  site.write('feed.json', feedWith([flash('p-new', '14:55', 'מבזק בזמן עצירה')]));
  const badge = page.getByRole('button', { name: 'מבזק חדש אחד' });
  await expect(badge).toBeVisible({ timeout: 6000 });
  await badge.click();
  await expect(badge).toHaveCount(0);
  await expect(page.locator('.marquee-toggle')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.marquee-group').first().locator('.flash').first()).toContainText('מבזק בזמן עצירה');
});
