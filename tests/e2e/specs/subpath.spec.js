// The same app deployed under /news/ on a host it shares with others.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { subpath } from '../../../scripts/subpath.mjs';
import { DIST, DIST_NEWS, expect, SAMPLE_FEED, test } from '../support/site.js';

const ARTICLE = SAMPLE_FEED.items.find((item) => item.content_text);

test('under a sub-path, links, deep links and the feed all stay under it', async ({ page, siteWith }) => {
  const site = await siteWith({ dist: DIST_NEWS, base: '/news/' });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await page.locator('.flashes a', { hasText: ARTICLE.title }).click();
  await expect(page).toHaveURL(`${site.origin}/news/article/${ARTICLE.id}`);
  await expect(page.locator('.article-body p')).toHaveCount(5);
  await page.reload();
  await expect(page.locator('.article-body p')).toHaveCount(5);
  await page.getByRole('link', { name: 'מבזק' }).first().click();
  await expect(page).toHaveURL(`${site.origin}/news/`);
  // The embedded ticker's page and the statement, from the same copy (scripts/subpath.mjs).
  await page.goto(`${site.url}embed.html`);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await page.goto(`${site.url}accessibility`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('הצהרת נגישות');
  // Not the browser's own guess at an icon for embed.html, which is opened in a
  // tab here: in its iframe it asks for none.
  const outside = site.requests.filter((r) => !r.path.startsWith('/news/') && r.path !== '/favicon.ico');
  expect(outside).toEqual([]);
});

test('under a Hebrew sub-path, the copy scripts/subpath.mjs makes works, percent-encoded', async ({
  page,
  siteWith,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-he-'));
  const copy = path.join(dir, 'site');
  subpath(DIST, copy, '/חדשות/');
  execFileSync('node', [fileURLToPath(new URL('../../../scripts/service-worker.mjs', import.meta.url)), copy], {
    stdio: 'ignore',
  });
  const base = '/%D7%97%D7%93%D7%A9%D7%95%D7%AA/';
  const site = await siteWith({ dist: copy, base });
  fs.rmSync(dir, { recursive: true, force: true });
  await page.goto(`${site.origin}/חדשות/`);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await page.locator('.flashes a', { hasText: ARTICLE.title }).click();
  await expect(page).toHaveURL(`${site.origin}${base}article/${ARTICLE.id}`);
  await expect(page.locator('.article-body p')).toHaveCount(5);
  await page.reload();
  await expect(page.locator('.article-body p')).toHaveCount(5);
  const outside = site.requests.filter((r) => !r.path.startsWith(base) && r.path !== '/favicon.ico');
  expect(outside).toEqual([]);
});
