// Offline: the service worker's shell and kept feed, the offline notice, and the
// comment outbox that survives a reload and sends exactly once.

import { untilControlled } from '../support/service-worker.js';
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const ARTICLE = SAMPLE_FEED.items.find((i) => i.content_text);
const THREAD = `/article/${ARTICLE.id}`;
const form = (page) => page.locator('.comments > .comment-form');

/** Opens `url` and waits until the service worker controls the page, with the
 *  shell, the config and the feed kept. */
async function openControlled(page, url) {
  await page.goto(url);
  await expect(page.locator('.flashes .flash, #comments-heading').first()).toBeVisible();
  await untilControlled(page);
}

test('opened offline, the site shows the kept flashes and articles with an offline notice, and catches up online', async ({
  page,
  context,
  site,
}) => {
  await openControlled(page, site.url);
  await context.setOffline(true);
  // Only what the worker kept: not the browser's own cache.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  await page.reload();
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await expect(page.locator('.offline-notice')).toContainText('אין חיבור לאינטרנט');
  // The kept copy says how old it is.
  await expect(page.locator('.stale')).toContainText('ייתכן שהמבזקים אינם עדכניים');
  // An article, by a click and by a deep link.
  await page
    .locator('.flashes .flash a', { hasText: ARTICLE.title.slice(0, 20) })
    .first()
    .click();
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title);
  await page.reload();
  await expect(page.locator('article p').first()).toBeVisible();
  await expect(page.locator('.offline-notice')).toBeVisible();
  // Styled offline too: the article's style sheet (a file, not inlined) is kept with the shell.
  await expect(page.locator('article h1')).toHaveCSS('line-height', '40px');
  // Back online: the notice goes, and a new flash arrives by the next poll at once.
  site.write('feed.json', {
    ...SAMPLE_FEED,
    items: [
      { id: 'back-online', title: 'מבזק אחרי החיבור', date_published: new Date().toISOString() },
      ...SAMPLE_FEED.items,
    ],
  });
  await page.goto(site.url); // offline: served by the worker
  await expect(page.locator('.stale')).toBeVisible();
  await context.setOffline(false);
  await expect(page.locator('.offline-notice')).toHaveCount(0);
  await expect(page.locator('.flashes .flash').first()).toContainText('מבזק אחרי החיבור');
  await expect(page.locator('.stale')).toHaveCount(0);
});

test('a feed error while online is not hidden by the kept copy', async ({ page, site }) => {
  await openControlled(page, site.url);
  site.fail('/feed.json', 500);
  await page.reload();
  // Nothing shown yet and the server failing: the error, not the kept copy.
  await expect(page.getByRole('button', { name: 'נסו שוב' })).toBeVisible();
  await expect(page.locator('.flashes .flash')).toHaveCount(0);
});

test('a new version of the app replaces the kept shell', async ({ page, site }) => {
  await openControlled(page, site.url);
  const before = await page.evaluate(() => caches.keys());
  expect(before.filter((k) => k.startsWith('mivzak-shell-'))).toHaveLength(1);
  // A deployment: another version line in sw.js.
  const fs = await import('node:fs');
  const sw = fs
    .readFileSync(`${site.root}/sw.js`, 'utf8')
    .replace(/const VERSION = '([^']*)'/, "const VERSION = '$1-next'");
  site.write('sw.js', sw);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await expect
    .poll(() => page.evaluate(() => caches.keys()).then((keys) => keys.filter((k) => k.startsWith('mivzak-shell-'))))
    .toEqual([expect.stringMatching(/-next$/)]);
});

test('a comment sent offline waits in the outbox, survives a reload, and is sent once when back online', async ({
  page,
  context,
  withComments,
}) => {
  const { site, isso } = await withComments();
  await openControlled(page, `${site.url}article/${ARTICLE.id}`);
  await context.setOffline(true);
  await form(page).getByLabel('התגובה שלכם').fill('נשלחה בלי חיבור ונטענה מחדש');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  await expect(form(page).getByRole('alert')).toContainText('נשלח כשהחיבור יחזור');
  await page.reload();
  // Still waiting, still in the form, after the reload.
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('נשלחה בלי חיבור ונטענה מחדש');
  await expect(form(page).getByRole('alert')).toContainText('נשלח כשהחיבור יחזור');
  expect((await isso.thread(THREAD)).replies).toHaveLength(0);
  await context.setOffline(false);
  await expect(page.locator('.comment-list .comment')).toContainText('נשלחה בלי חיבור ונטענה מחדש');
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('');
  await page.waitForTimeout(1000);
  expect((await isso.thread(THREAD)).replies).toHaveLength(1);
  expect(await page.evaluate(() => localStorage.getItem('mivzak:outbox'))).toBeNull();
});

test('a comment whose answer was lost when the page reloaded is found on the server, not posted again', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments({ proxied: true });
  await page.goto(`${site.url}article/${ARTICLE.id}`);
  await expect(page.locator('#comments-heading')).toBeVisible();
  site.fail('/isso/new', 0, { mode: 'lose-answer' });
  await form(page).getByLabel('התגובה שלכם').fill('התשובה אבדה בדרך');
  await form(page).getByRole('button', { name: 'שליחת התגובה' }).click();
  // It reached Isso; the reader gives up waiting and reloads.
  await expect.poll(async () => (await isso.thread(THREAD)).replies.length).toBe(1);
  await page.reload();
  await expect(page.locator('.comment-list .comment')).toContainText('התשובה אבדה בדרך');
  await expect(form(page).getByLabel('התגובה שלכם')).toHaveValue('');
  await page.waitForTimeout(1000);
  expect(site.requests.filter((r) => r.path === '/isso/new' && r.method === 'POST')).toHaveLength(1);
  expect((await isso.thread(THREAD)).replies).toHaveLength(1);
});
