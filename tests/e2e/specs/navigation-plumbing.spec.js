// Browser plumbing (src/dom.rs, src/http.rs): whatever a page wires up while it is
// on screen (listeners, observers, media queries, requests) goes when the reader
// leaves it, so going back and forth between home and an article for a long
// time leaves nothing behind.

import { expect, test } from '../support/site.js';

const ROUNDS = 50;

/** Live event listeners: the JSEventListeners count of Chromium's metrics (every
 *  listener, including those on media queries and observers' callbacks' targets),
 *  and those on window and document, after a full garbage collection. */
async function listeners(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const all = metrics.find((m) => m.name === 'JSEventListeners')?.value ?? -1;
  const on = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return found.length;
  };
  return { all, window: await on('window'), document: await on('document') };
}

/** Requests started and not yet answered or failed. */
function pendingRequests(page) {
  const pending = new Set();
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  return pending;
}

for (const mode of ['list', 'marquee']) {
  test(`${mode}: ${ROUNDS} rounds of home → article → back leave no more listeners or pending requests than one`, async ({
    page,
    siteWith,
  }) => {
    test.setTimeout(180_000);
    const site = await siteWith({ config: { ticker: { mode } } });
    const pending = pendingRequests(page);
    await page.goto(site.url);
    const link = page.locator('.article-list a').first();
    await expect(link).toBeVisible();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    const round = async () => {
      await link.click();
      await expect(page.locator('main h1')).toBeVisible();
      await expect(page.locator('.article-list')).toHaveCount(0);
      await page.goBack();
      await expect(link).toBeVisible();
    };
    // One round first: what any page sets up once (lazily) is not a leak.
    await round();
    const before = await listeners(cdp);
    for (let i = 1; i < ROUNDS; i++) await round();
    const after = await listeners(cdp);
    console.log(`${mode}: listeners after one round`, before, `after ${ROUNDS}`, after);

    expect(after.window, 'listeners on window').toBeLessThanOrEqual(before.window);
    expect(after.document, 'listeners on document').toBeLessThanOrEqual(before.document);
    // A couple of listeners of the browser's own may come and go; one per round would be 49.
    expect(after.all, 'live event listeners').toBeLessThanOrEqual(before.all + 2);
    // Only a feed poll may be on its way.
    const open = [...pending].map((request) => request.url());
    expect(open.length, `pending requests: ${open.join(', ')}`).toBeLessThanOrEqual(1);
  });
}

// A request belongs to the owner that sent it (src/http.rs): leaving the article
// aborts its comment requests instead of leaving them to run on, unread.
// The thread's loads run under the comments section's owner
// (`ThreadSource::spawn_owned`): leaving the article aborts them.
test('comment requests of an article left before they answered are aborted', async ({ page, withComments }) => {
  test.setTimeout(120_000);
  const { site } = await withComments({ proxied: true });
  const pending = pendingRequests(page);
  await page.goto(site.url);
  const link = page.locator('.article-list a').first();
  await expect(link).toBeVisible();
  const aborted = [];
  page.on('requestfailed', (request) => request.url().includes('/isso/') && aborted.push(request.url()));
  site.slow(/^\/isso\//, 20_000);
  for (let i = 0; i < 10; i++) {
    await link.click();
    await expect(page.locator('main h1')).toBeVisible();
    await page.goBack();
    await expect(link).toBeVisible();
  }
  const open = [...pending].map((request) => request.url()).filter((url) => url.includes('/isso/'));
  // What the home page itself asks (the comment counts) may still be on its way.
  expect(open.length, `pending comment requests: ${open.join(', ')}`).toBeLessThanOrEqual(2);
  expect(aborted.length).toBeGreaterThanOrEqual(10);
});

test('a click from the home page: its rows leave at once, and its listeners go after the article is shown', async ({
  page,
  site,
}) => {
  // src/teardown.rs: the home page's teardown (its rows' listeners, effects and
  // owners) waits for the paint of the page that replaces it.
  await page.addInitScript(() => {
    window.__removed = [];
    const note = () => window.__removed.push(performance.now());
    const abort = AbortController.prototype.abort;
    AbortController.prototype.abort = function (...args) {
      note();
      return abort.apply(this, args);
    };
    const remove = EventTarget.prototype.removeEventListener;
    EventTarget.prototype.removeEventListener = function (...args) {
      note();
      return remove.apply(this, args);
    };
  });
  await page.goto(site.url);
  await expect(page.locator('.article-list a').first()).toBeVisible();
  await page.waitForTimeout(1500);
  const link = page.locator('.flashes .flash a[href*="article/"]').first();
  await link.hover();
  await page.waitForTimeout(500);
  const handle = await link.elementHandle();
  const times = await page.evaluate(
    (a) =>
      new Promise((resolve) => {
        const clicked = performance.now();
        let shown = 0;
        const observer = new MutationObserver(() => {
          if (shown || !document.querySelector('article .article-body p, article h1')) return;
          shown = performance.now();
          observer.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              const painted = performance.now();
              const listHere = document.querySelector('.article-list') !== null;
              setTimeout(() => resolve({ clicked, shown, painted, listHere, removed: window.__removed }), 300);
            }),
          );
        });
        observer.observe(document, { childList: true, subtree: true });
        a.click();
      }),
    handle,
  );
  expect(times.listHere, 'the home page’s rows are gone with the click').toBe(false);
  const before = times.removed.filter((t) => t >= times.clicked && t <= times.shown);
  const after = times.removed.filter((t) => t > times.shown);
  expect(before, 'nothing of the home page is taken down before the article shows').toEqual([]);
  // That they all go is the rounds test's above.
  expect(after.length, 'the home page’s listeners go after').toBeGreaterThan(0);
});
