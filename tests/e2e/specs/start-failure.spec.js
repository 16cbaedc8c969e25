// When the wasm cannot start, the page says so in Hebrew (public/failure-notice.js),
// with the details in the console, whatever the cause: a download that fails, a
// policy without 'wasm-unsafe-eval', a wasm the browser cannot compile, a browser
// without WebAssembly, a panic. A published page stays as it was published, its
// links real links to published files; an unpublished dist/ has only its
// skeleton, which gives way to the notice. (The cross-engine suite runs two of
// these in Firefox and WebKit.)
//
// These tests use Playwright's own `test`: the site fixture fails a test on any
// page error, and here the errors are the point.

import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST, makeSite, publish, SAMPLE_CONFIG, SAMPLE_FEED } from '../support/sites.js';

const ARTICLE = SAMPLE_FEED.items.find((item) => item.content_text);
const WASM = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').match(/\/[^"'/]+_bg\.wasm/)[0];

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

/** The console's errors, as they come. */
function consoleErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** A site of the sample feed that mivzak-render has published. */
async function publishedSite(options) {
  const made = await site(options);
  made.write('config.json', { ...SAMPLE_CONFIG, site_url: made.url });
  publish(made.root);
  return made;
}

test("a wasm that fails to download: the notice takes the skeleton's place, and a reload that recovers", async ({
  page,
}) => {
  const errors = consoleErrors(page);
  const broken = await site();
  broken.fail(WASM, 404);
  await page.goto(broken.url);
  await expect(notice(page)).toBeVisible();
  await expect(page.locator('.skeleton')).toHaveCount(0);
  expect(errors.join('\n')).toContain('[mivzak] the app could not start');
  // The server is mended: the reload button brings the whole app.
  broken.heal(WASM);
  await notice(page).getByRole('button', { name: 'טעינה מחדש' }).click();
  await expect(page.locator('.article-list')).toBeVisible();
  await expect(notice(page)).toHaveCount(0);
});

for (const [cause, options] of [
  ['a wasm the browser cannot compile', { files: { [WASM.slice(1)]: 'this is not WebAssembly' } }],
  ["a policy without 'wasm-unsafe-eval'", { editPolicy: (policy) => policy.replace(" 'wasm-unsafe-eval'", '') }],
]) {
  test(`${cause}: a published page keeps its flashes, and its links open published pages`, async ({ page }) => {
    const errors = consoleErrors(page);
    const broken = await publishedSite(options);
    await page.goto(broken.url);
    await expect(notice(page)).toBeVisible();
    expect(errors.join('\n')).toMatch(/\[mivzak\] the app could not start or stopped: .*WebAssembly/);
    await expect(page.locator('.flashes .flash')).toHaveCount(9);
    // No script takes the click: the browser loads the article's published file.
    const link = page.locator('.flashes .flash a', { hasText: ARTICLE.title });
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/article/${encodeURIComponent(ARTICLE.id)}/?$`));
    await expect(page.locator('article h1')).toHaveText(ARTICLE.title);
    await expect(notice(page)).toBeVisible();
  });
}

test('a browser without WebAssembly', async ({ page }) => {
  const ok = await site();
  await page.addInitScript(() => {
    delete window.WebAssembly;
  });
  await page.goto(ok.url);
  await expect(notice(page)).toBeVisible();
  await expect(page.locator('.skeleton')).toHaveCount(0);
});

test('the embedded ticker says so too, in its own language and of itself (it has no simplified page)', async ({
  page,
}) => {
  const broken = await site();
  const embedWasm = fs.readFileSync(path.join(DIST, 'embed.html'), 'utf8').match(/\/[^"'/]+_bg\.wasm/)[0];
  broken.fail(embedWasm, 404);
  await page.goto(`${broken.url}embed.html?lang=en`);
  await expect(page.getByRole('alert')).toContainText('The news ticker could not be loaded');
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
  await page.goto(`${broken.url}embed.html`);
  await expect(page.getByRole('alert')).toContainText('לא ניתן היה לטעון את המבזקים');
  await expect(page.getByRole('alert')).not.toContainText('גרסה מפושטת');
});

test('a healthy start shows no notice, and a slow wasm only delays the app', async ({ page }) => {
  const errors = consoleErrors(page);
  const slow = await site();
  slow.slow(/\.wasm$/, 3000);
  await page.goto(slow.url);
  await expect(page.locator('.article-list')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.start-failed')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a panic after the start: the app's hook (named in shared/constants.json) shows the notice", async ({ page }) => {
  const errors = consoleErrors(page);
  const ok = await site();
  await page.goto(ok.url);
  await expect(page.locator('.article-list')).toBeVisible();
  // What src/panic_notice.rs's panic hook calls, by the name the Rust was built with.
  const name = JSON.parse(fs.readFileSync(new URL('../../../shared/constants.json', import.meta.url), 'utf8')).globals
    .failure_notice;
  await page.evaluate((name) => window[name].fail('panicked at src/x.rs:1:1'), name);
  await expect(notice(page)).toBeVisible();
  expect(errors.join('\n')).toContain('panicked at src/x.rs');
});

test("the console names the app's file that did not load, whichever it is", async ({ page }) => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const loader = html.match(/from '\/([^']+\.js)'/)[1];
  const split = loader.replace(/\.js$/, '-split.js');
  for (const file of [loader, split, WASM.slice(1)]) {
    const errors = consoleErrors(page);
    const broken = await site();
    broken.fail(`/${file}`, 404);
    await page.goto(broken.url);
    await expect(notice(page)).toBeVisible();
    const said = errors.filter((e) => e.startsWith('[mivzak]')).join('\n');
    expect(said, file).toContain(file);
    expect(said, file).not.toMatch(/undefined|null/);
    page.removeAllListeners('console');
  }
});

test("another script's failure before the start is not the app's: no notice, and the app starts", async ({ page }) => {
  const errors = consoleErrors(page);
  const ok = await site();
  ok.slow(/_bg\.wasm$/, 2000);
  // A publisher's inline script, an ad's file that throws, an ad blocked (its
  // script never loads), an analytics promise nobody catches: all before the
  // wasm has come.
  ok.write('ads.js', "setTimeout(() => { throw new Error('an ad script broke'); }, 100);");
  await page.addInitScript(() => {
    addEventListener('DOMContentLoaded', () => {
      for (const src of ['ads.js', 'https://ads.invalid/tag.js', 'missing-widget.js']) {
        document.head.appendChild(document.createElement('script')).src = src;
      }
      setTimeout(() => {
        Promise.reject(new Error('analytics: no consent'));
        throw new Error("the publisher's own script broke");
      }, 200);
    });
  });
  await page.goto(ok.url);
  await page.waitForTimeout(1000);
  await expect(page.locator('.start-failed')).toHaveCount(0);
  await expect(page.locator('.article-list')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.start-failed')).toHaveCount(0);
  expect(errors.filter((e) => e.startsWith('[mivzak]'))).toEqual([]);
});

test('a failure while the page is being left waits: shown only if the reader stays (a cancelled leave)', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  const ok = await site();
  ok.slow(/_bg\.wasm$/, 10_000);
  await page.goto(ok.url);
  const name = JSON.parse(fs.readFileSync(new URL('../../../shared/constants.json', import.meta.url), 'utf8')).globals
    .failure_notice;
  // The leave starts (Firefox then aborts the wasm's download as a NetworkError)...
  await page.evaluate((name) => {
    dispatchEvent(new Event('beforeunload', { cancelable: true }));
    window[name].fail('TypeError: NetworkError when attempting to fetch resource.');
  }, name);
  await expect(page.locator('.start-failed')).toHaveCount(0);
  expect(errors).toEqual([]);
  // ...but was cancelled: the reader is still here, and acts.
  await page.mouse.click(5, 300);
  await expect(notice(page)).toBeVisible();
  expect(errors.join('\n')).toContain('NetworkError');
});

test('without JavaScript, an unpublished page says so inside the column, clear of both edges', async ({ browser }) => {
  const ok = await site();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(ok.url);
  const text = await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('noscript p'));
    const { left, right } = range.getBoundingClientRect();
    return { left, right, width: document.documentElement.clientWidth };
  });
  expect(text.left).toBeGreaterThanOrEqual(8);
  expect(text.right).toBeLessThanOrEqual(text.width - 8);
  await context.close();
});
