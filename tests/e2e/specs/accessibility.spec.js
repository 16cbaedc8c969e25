// axe-core finds no violations on each kind of page, in light and dark.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARTICLE = SAMPLE_FEED.items.find((i) => i.content_text);

async function violations(page) {
  // Injected through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark']) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('home page', async ({ page, site }) => {
      await page.goto(site.url);
      await expect(page.locator('.flashes .flash')).toHaveCount(9);
      expect(await violations(page)).toEqual([]);
    });

    test('article with comments', async ({ page, withComments }) => {
      const { site, isso } = await withComments();
      await isso.post(`/article/${ARTICLE.id}`, { text: 'תגובה לבדיקה', author: 'דנה' });
      await page.goto(`${site.url}article/${ARTICLE.id}`);
      await expect(page.locator('.comment-list .comment')).toHaveCount(1);
      expect(await violations(page)).toEqual([]);
    });

    test('not-found page', async ({ page, site }) => {
      await page.goto(`${site.url}no/such/page`);
      await expect(page.getByRole('heading', { name: 'הדף לא נמצא' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('embedded ticker, marquee', async ({ page, site }) => {
      await page.goto(`${site.url}embed.html?mode=marquee&theme=${scheme}`);
      await expect(page.locator('.marquee-group .flash').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}

test('dark mode follows the reader, and config can force it', async ({ browser, siteWith }) => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const reader = await browser.newContext({ colorScheme: 'dark' });
  const site = await siteWith();
  const page = await reader.newPage();
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  expect(await background(page)).toBe('rgb(18, 18, 18)');
  await reader.close();

  const forced = await siteWith({ config: { theme: 'dark' } });
  const light = await browser.newContext({ colorScheme: 'light' });
  const second = await light.newPage();
  await second.goto(forced.url);
  await expect(second.locator('.flashes .flash')).toHaveCount(9);
  await expect(second.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(second)).toBe('rgb(18, 18, 18)');
  await light.close();
});
