// When the wasm cannot start, the page says so in Hebrew and stays readable,
// whatever the cause: a download that fails, a policy without
// 'wasm-unsafe-eval', a wasm the browser cannot compile, a browser without
// WebAssembly. (The cross-engine suite runs the first two in Firefox and WebKit.)
//
// These tests use Playwright's own `test`: the site fixture fails a test on any
// page error, and here the errors are the point.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { feedWith } from '../support/feeds.js';
import { DIST, makeSite, SAMPLE_FEED } from '../support/sites.js';

const ARTICLE = SAMPLE_FEED.items.find((item) => item.content_text);
const WASM = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').match(/\/[^"'/]+_bg\.wasm/)[0];
const ARTICLE_URL = 'https://news.example.co.il/2024/12/27/azerbaijan-morocco';

let sites = [];
async function site(options) {
  const made = await makeSite(options);
  sites.push(made);
  return made;
}
test.afterEach(async () => {
  for (const made of sites) await made.close();
  sites = [];
});

const notice = (page) => page.getByRole('alert').filter({ hasText: 'הדף מוצג בגרסה מפושטת' });

test("a wasm that fails to download: the shell's flashes stay, with a notice and a reload that recovers", async ({
  page,
}) => {
  const broken = await site();
  broken.fail(WASM, 404);
  await page.goto(broken.url);
  await expect(notice(page)).toBeVisible();
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await expect(page.locator('.skeleton')).toHaveCount(0);
  // The server is mended: the reload button brings the whole app.
  broken.heal(WASM);
  await notice(page).getByRole('button', { name: 'טעינה מחדש' }).click();
  await expect(page.locator('.article-list')).toBeVisible();
  await expect(notice(page)).toHaveCount(0);
});

test("a policy without 'wasm-unsafe-eval' on an article route: its headline, standfirst and a link to its url", async ({
  page,
}) => {
  const strict = await site({
    editPolicy: (policy) => policy.replace(" 'wasm-unsafe-eval'", ''),
    files: { 'feed.json': feedWith([], { edit: { [ARTICLE.id]: { url: ARTICLE_URL, summary: 'תקציר הכתבה' } } }) },
  });
  await page.goto(`${strict.url}article/${ARTICLE.id}`);
  await expect(notice(page)).toBeVisible();
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title);
  await expect(page.locator('article')).toContainText('תקציר הכתבה');
  await expect(page.getByRole('link', { name: 'לכתבה המלאה' })).toHaveAttribute('href', ARTICLE_URL);
  await expect(page.locator('.skeleton')).toHaveCount(0);
});

test('an article without a url still gets its headline and the notice', async ({ page }) => {
  const broken = await site();
  broken.fail(WASM, 404);
  await page.goto(`${broken.url}article/${ARTICLE.id}`);
  await expect(notice(page)).toBeVisible();
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title);
  await expect(page.locator('article a')).toHaveCount(0);
});

test('where the shell kept its skeleton (the marquee), the flashes are drawn from the feed', async ({ page }) => {
  const broken = await site({ config: { ticker: { mode: 'marquee' } } });
  broken.fail(WASM, 200, { mode: 'reset', body: 'x'.repeat(64_000), headers: { 'content-type': 'application/wasm' } });
  await page.goto(broken.url);
  await expect(notice(page)).toBeVisible();
  await expect(page.locator('.flashes .flash time')).toHaveText([
    '14:02',
    '13:13',
    '12:40',
    '12:02',
    '11:30',
    '11:02',
    '10:45',
    '10:19',
    '09:45',
  ]);
  await expect(page.locator('.skeleton')).toHaveCount(0);
});

test('a wasm the browser cannot compile', async ({ page }) => {
  const broken = await site({ files: { [WASM.slice(1)]: 'this is not WebAssembly' } });
  await page.goto(broken.url);
  await expect(notice(page)).toBeVisible();
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
});

test('a browser without WebAssembly', async ({ page }) => {
  const ok = await site();
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(ok.url);
  await expect(notice(page)).toBeVisible();
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
});

test('the embedded ticker says so too, in its own language', async ({ page }) => {
  const broken = await site();
  const embedWasm = fs.readFileSync(path.join(DIST, 'embed.html'), 'utf8').match(/\/[^"'/]+_bg\.wasm/)[0];
  broken.fail(embedWasm, 404);
  await page.goto(`${broken.url}embed.html?lang=en`);
  await expect(page.getByRole('alert')).toContainText('simplified version');
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
});

test('a healthy start shows no notice, and a slow wasm only delays the app', async ({ page }) => {
  const slow = await site();
  slow.slow(/\.wasm$/, 3000);
  await page.goto(slow.url);
  await expect(page.locator('.article-list')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.start-failed')).toHaveCount(0);
});

test('without the wasm, the simplified list links every id as the app would, and shows ticker.count flashes', async ({
  page,
}) => {
  // A marquee keeps the shell's skeleton, so start-check.js draws its own list,
  // by the shell's rules: ids written as numbers as the app keeps them, the id's
  // path segment, and ticker.count.
  const feed = JSON.stringify(
    feedWith([
      { id: '@1', title: 'מזהה 1.0', date_published: '2024-12-28T12:00:00+02:00' },
      { id: '@2', title: 'מזהה 1E2', date_published: '2024-12-28T11:00:00+02:00' },
      { id: "it's (1)", title: 'מזהה עם גרש', date_published: '2024-12-28T10:00:00+02:00' },
    ]),
  )
    .replace('"@1"', '1.0')
    .replace('"@2"', '1E2');
  const broken = await site({ config: { ticker: { mode: 'marquee', count: 3.0 } }, files: { 'feed.json': feed } });
  broken.fail(WASM, 404);
  await page.goto(broken.url);
  await expect(notice(page)).toBeVisible();
  const links = page.locator('.flashes .flash a');
  await expect(links).toHaveCount(3);
  expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toEqual([
    '/article/1.0',
    '/article/1e%2B2',
    '/article/it%27s%20%281%29',
  ]);
});

/** Every wasm compile takes 12 s more (a slow phone, a busy machine); returns
 *  the console's errors as they come. */
async function compileSlowly(page) {
  await page.addInitScript(() => {
    const slow =
      (original) =>
      (...args) =>
        original
          .apply(WebAssembly, args)
          .then((result) => new Promise((resolve) => setTimeout(() => resolve(result), 12_000)));
    WebAssembly.instantiateStreaming = slow(WebAssembly.instantiateStreaming);
    WebAssembly.instantiate = slow(WebAssembly.instantiate);
  });
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

test('a wasm that is slow to compile after the page has loaded is not taken for a failure', async ({ page }) => {
  test.setTimeout(60_000);
  // A slow phone or a busy machine: the compile outlasts the 8 s after load.
  const errors = await compileSlowly(page);
  const healthy = await site();
  await page.goto(healthy.url);
  await page.waitForTimeout(10_000); // past the 8 s after load, still compiling
  await expect(notice(page)).toHaveCount(0);
  await expect(page.locator('.article-list')).toBeVisible({ timeout: 20_000 });
  await expect(notice(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a slow compile begun before start-check.js arrives is still watched, not taken for a failure', async ({
  page,
}) => {
  test.setTimeout(60_000);
  // Seen in CI: start-check.js, deferred, came after the wasm's download, so the
  // loader had already called instantiateStreaming unwatched, and a compile
  // still under way 8 s after the load event was reported as a failure.
  // start-watch.js is inline at the top of <head>: it is in place before the loader.
  const errors = await compileSlowly(page);
  const healthy = await site();
  healthy.slow(/start-check\.js$/, 2000);
  await page.goto(healthy.url);
  await expect(page.locator('.article-list')).toBeVisible({ timeout: 30_000 });
  await expect(notice(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('start-check.js arriving after the app has started raises no notice', async ({ page }) => {
  test.setTimeout(60_000);
  // trunk's loader is a module script that runs before start-check.js (both are
  // deferred, and the loader comes first): with the wasm quick and this file
  // slow, the app has started before start-check.js runs, and must not be taken
  // for a failure.
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const healthy = await site();
  healthy.slow(/start-check\.js$/, 3000);
  await page.goto(healthy.url);
  await expect(page.locator('.article-list')).toBeVisible();
  await page.waitForTimeout(10_000); // past the 8 s after the load event
  await expect(notice(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});
