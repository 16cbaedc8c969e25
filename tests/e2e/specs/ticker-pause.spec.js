// The live list can be paused (WCAG 2.2.2 "Pause, Stop, Hide"): new flashes wait
// behind the "N מבזקים חדשים" button and nothing is inserted until it resumes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { feedWith, flash } from '../support/feeds.js';
import { expect, test } from '../support/site.js';
import { serveDir } from '../support/static-server.js';

const POLL = 2;
/** Two polls and a margin: long enough for a running list to have inserted. */
const TWO_POLLS = (POLL * 2 + 1) * 1000;

async function liveSite(siteWith) {
  return siteWith({ config: { poll_seconds: POLL } });
}

test('paused, the list inserts nothing and counts what waits; resuming inserts it', async ({ page, siteWith }) => {
  const site = await liveSite(siteWith);
  await page.goto(site.url);
  const rows = page.locator('.flashes .flash');
  await expect(page.locator('.article-list')).toBeVisible();
  await expect(rows).toHaveCount(9);
  const toggle = page.getByRole('button', { name: 'עצירת העדכונים' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.evaluate(() => {
    window.__inserted = 0;
    new MutationObserver((list) => {
      for (const m of list) window.__inserted += [...m.addedNodes].filter((n) => n.nodeType === 1).length;
    }).observe(document.querySelector('.flashes'), { childList: true });
  });

  site.write('feed.json', feedWith([flash('n1', '14:30', 'מבזק שממתין')]));
  const badge = page.locator('.new-flashes');
  await expect(badge).toHaveText('מבזק חדש אחד', { timeout: TWO_POLLS });
  site.write('feed.json', feedWith([flash('n2', '14:40', 'עוד מבזק שממתין'), flash('n1', '14:30', 'מבזק שממתין')]));
  await expect(badge).toHaveText('2 מבזקים חדשים', { timeout: TWO_POLLS });
  await page.waitForTimeout(TWO_POLLS);
  await expect(rows).toHaveCount(9);
  expect(await page.evaluate(() => window.__inserted)).toBe(0);
  // The polite live region stays quiet while paused.
  await expect(page.locator('.ticker [aria-live="polite"]')).toHaveText('');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(rows).toHaveCount(11);
  await expect(rows.nth(0)).toContainText('עוד מבזק שממתין');
  await expect(rows.nth(1)).toContainText('מבזק שממתין');
  await expect(rows.nth(0)).toHaveClass(/is-new/);
  await expect(badge).toHaveCount(0);
});

test('the "new flashes" button of a paused list resumes it and brings the flashes into view', async ({
  page,
  siteWith,
}) => {
  const site = await liveSite(siteWith);
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  const toggle = page.getByRole('button', { name: 'עצירת העדכונים' });
  await toggle.click();
  site.write('feed.json', feedWith([flash('n1', '14:30', 'מבזק שממתין')]));
  const badge = page.getByRole('button', { name: 'מבזק חדש אחד' });
  await expect(badge).toBeVisible({ timeout: TWO_POLLS });
  await badge.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const first = page.locator('.flashes .flash').first();
  await expect(first).toContainText('מבזק שממתין');
  await expect(first.locator('a')).toBeFocused();
});

test('the toggle works from the keyboard and shows its focus', async ({ page, siteWith }) => {
  const site = await liveSite(siteWith);
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  const toggle = page.locator('.ticker-pause');
  // From the top of the page: the skip link, the site name, then the toggle.
  for (let i = 0; i < 6 && !(await toggle.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  const outline = await toggle.evaluate(
    (el) => `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`,
  );
  expect(outline).toMatch(/^solid [1-9]/);
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  site.write('feed.json', feedWith([flash('n1', '14:30', 'מבזק שממתין')]));
  await expect(page.locator('.new-flashes')).toBeVisible({ timeout: TWO_POLLS });
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.flashes .flash')).toHaveCount(10);
});

test('the heading and the toggle share a row that is as tall in the shell as in the app', async ({ page, site }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__shellHeadBottom = document.querySelector('.ticker-head').getBoundingClientRect().bottom;
    });
  });
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  const head = await page.locator('.ticker-head').boundingBox();
  const toggle = await page.locator('.ticker-pause').boundingBox();
  const heading = await page.locator('#flashes-heading').boundingBox();
  expect(head.y + head.height).toBeCloseTo(await page.evaluate(() => window.__shellHeadBottom), 0);
  // Side by side, not on top of each other, at the narrowest phone.
  expect(toggle.x + toggle.width <= heading.x || heading.x + heading.width <= toggle.x).toBe(true);
  expect(toggle.height).toBeGreaterThanOrEqual(44);
});

test('the marquee keeps its own controls and has no list toggle', async ({ page, siteWith }) => {
  const site = await siteWith({ config: { ticker: { mode: 'marquee' } } });
  await page.goto(site.url);
  await expect(page.locator('.marquee-toggle')).toBeVisible();
  await expect(page.locator('.ticker-pause')).toHaveCount(0);
});

test("the embedded list has the toggle too, in the widget's language", async ({ page, siteWith }) => {
  const site = await liveSite(siteWith);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-host-'));
  fs.writeFileSync(
    path.join(root, 'index.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head>
<body><div id="he" data-mivzak-ticker data-mode="list" data-count="5"></div><div id="en" data-mivzak-ticker data-mode="list" data-count="5" data-lang="en"></div>
<script src="${site.url}embed.js" async></script></body></html>`,
  );
  const host = await serveDir(root);
  try {
    await page.goto(host.url);
    const hebrew = page.frameLocator('#he iframe');
    const english = page.frameLocator('#en iframe');
    await expect(hebrew.locator('.flash')).toHaveCount(5);
    await expect(english.getByRole('button', { name: 'Pause updates' })).toHaveAttribute('aria-pressed', 'false');
    const toggle = hebrew.getByRole('button', { name: 'עצירת העדכונים' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    site.write('feed.json', feedWith([flash('n1', '14:30', 'מבזק שממתין')]));
    await expect(english.locator('.flash').first()).toContainText('מבזק שממתין', { timeout: TWO_POLLS });
    await expect(hebrew.locator('.new-flashes')).toHaveText('מבזק חדש אחד');
    await expect(hebrew.locator('.flash').first()).not.toContainText('מבזק שממתין');
    await page.keyboard.press('Enter');
    await expect(hebrew.locator('.flash').first()).toContainText('מבזק שממתין');
  } finally {
    await host.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
