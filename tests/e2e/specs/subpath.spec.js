// The same app deployed under /news/ on a host it shares with others.
import { DIST_NEWS, expect, SAMPLE_FEED, test } from '../support/site.js';

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
