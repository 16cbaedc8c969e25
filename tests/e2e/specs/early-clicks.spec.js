// A click made before the app runs (public/early-clicks.js): on a slow phone the
// shell's flashes are on screen seconds before the wasm is. A click on one used to
// load the whole page again, throwing the half-downloaded wasm away; now it moves
// the address, says the page is on its way, and the app draws that page when it
// comes, in the same document. A modified click is still the browser's. (A wasm
// that cannot start after such a click: start-failure.spec.js.)
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const FIRST = SAMPLE_FEED.items.find((item) => item.content_text || item.content_html);

/** A site whose wasm is held back `ms`, the page open on its shell's flashes. */
async function shellOnly(page, siteWith, ms = 15_000) {
  const site = await siteWith();
  site.slow(/_bg\.wasm$/, ms);
  await page.goto(site.url);
  await expect(page.locator('#app .flashes .flash').first()).toBeVisible({ timeout: 10_000 });
  // A mark that a full page load would wipe.
  await page.evaluate(() => {
    window.__samePage = true;
  });
  expect(await page.evaluate(() => Boolean(window.wasmBindings)), 'the app is still on its way').toBe(false);
  return site;
}

const linkTo = (page, item) => page.locator(`#app .flashes .flash a[href$="${encodeURIComponent(item.id)}"]`);

test('a flash clicked before the app runs opens in the same page once the app comes', async ({ page, siteWith }) => {
  const site = await shellOnly(page, siteWith);
  // The reader is down the page when they click.
  await page.setViewportSize({ width: 360, height: 400 });
  await page.evaluate(() => window.scrollTo(0, 200));
  await linkTo(page, FIRST).click();
  expect(new URL(page.url()).pathname).toBe(`/article/${encodeURIComponent(FIRST.id)}`);
  const status = page.getByRole('status').filter({ hasText: 'הדף בדרך' });
  await expect(status).toBeVisible();
  // Where the reader looks: at the top of the page, above the flashes.
  const [statusBox, firstFlash] = [await status.boundingBox(), await page.locator('#app .flash').first().boundingBox()];
  expect(statusBox.y).toBeGreaterThanOrEqual(0);
  expect(statusBox.y + statusBox.height).toBeLessThanOrEqual(firstFlash.y);
  // The app draws the article the address names, in this same document.
  await expect(page.locator('article h1')).toHaveText(FIRST.title, { timeout: 30_000 });
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
  await expect(status).toHaveCount(0);
  // One page load in all: the article's address was never requested.
  expect(site.requests.filter((r) => r.path.startsWith('/article/'))).toHaveLength(0);
  // From now on the app's router takes the clicks, and back is home.
  await page.goBack();
  await expect(page.locator('.article-list')).toBeVisible();
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
});

test('back before the app comes: the page is home again, with nothing said to be on its way', async ({
  page,
  siteWith,
}) => {
  await shellOnly(page, siteWith);
  await linkTo(page, FIRST).click();
  await expect(page.getByRole('status').filter({ hasText: 'הדף בדרך' })).toBeVisible();
  await page.goBack();
  expect(new URL(page.url()).pathname).toBe('/');
  await expect(page.getByRole('status').filter({ hasText: 'הדף בדרך' })).toHaveCount(0);
  // The app comes to the home page.
  await expect(page.locator('.article-list')).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => window.__samePage)).toBe(true);
});

test('a click with a modifier, or on a link to elsewhere, stays the browser’s', async ({ page, siteWith }) => {
  await shellOnly(page, siteWith);
  const taken = await page.evaluate(() => {
    const link = document.querySelector('#app .flashes .flash a');
    const outside = document.createElement('a');
    outside.href = 'https://example.org/elsewhere';
    document.body.append(outside);
    const tries = [
      [link, { ctrlKey: true }],
      [link, { metaKey: true }],
      [link, { shiftKey: true }],
      [link, { button: 1 }],
      [outside, {}],
    ];
    return tries.map(([target, init]) => {
      let prevented = null;
      const last = (event) => {
        prevented = event.defaultPrevented;
        event.preventDefault();
      };
      window.addEventListener('click', last);
      target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init }));
      window.removeEventListener('click', last);
      return prevented;
    });
  });
  expect(taken).toEqual([false, false, false, false, false]);
  expect(new URL(page.url()).pathname).toBe('/');
});
