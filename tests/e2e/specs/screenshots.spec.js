// `make screenshots`: every page and the reader's controls as PNGs in
// target/screenshots/, at 360 px (a phone: touch, device scale 2) and 1280 px,
// light and dark, to look at. Not a test: skipped unless SCREENSHOTS names a folder.
import fs from 'node:fs';
import path from 'node:path';
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const SCREENSHOTS = process.env.SCREENSHOTS;
const ARTICLE = SAMPLE_FEED.items.find((item) => item.content_text);
const TAG = ARTICLE.tags[0];
// The newest flash urgent (issue 24 §1), so the badge is in every picture of the ticker.
const FEED = {
  ...SAMPLE_FEED,
  items: SAMPLE_FEED.items.map((item, i) => (i === 0 ? { ...item, _mivzak: { urgent: true } } : item)),
};
const SIZES = [
  { width: 360, height: 780, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { width: 1280, height: 800, deviceScaleFactor: 1 },
];

for (const size of SIZES) {
  for (const colorScheme of ['light', 'dark']) {
    test.describe(`${size.width} px, ${colorScheme}`, () => {
      test.use({
        viewport: { width: size.width, height: size.height },
        deviceScaleFactor: size.deviceScaleFactor,
        isMobile: size.isMobile ?? false,
        hasTouch: size.hasTouch ?? false,
        colorScheme,
      });

      test('screenshots', async ({ page, withComments, siteWith }) => {
        test.skip(!SCREENSHOTS, 'only for make screenshots');
        test.setTimeout(120_000);
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
        const shoot = (name, options = { fullPage: true }) =>
          page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}-${colorScheme}.png`), ...options });

        const { site, isso } = await withComments({ site: { files: { 'feed.json': FEED } } });
        const thread = `/article/${ARTICLE.id}`;
        // Three readers (Isso limits each network's posts).
        const first = await isso.post(
          thread,
          { text: 'תגובה ראשונה, ארוכה מספיק כדי לעבור לשורה שנייה בטלפון צר', author: 'דנה' },
          '10.0.1.5',
        );
        await isso.post(thread, { text: 'תשובה לדנה', author: 'Yossi', parent: first.id }, '10.0.2.5');
        await isso.post(thread, { text: 'תגובה שנייה', author: 'רון' }, '10.0.3.5');

        await page.goto(site.url);
        await expect(page.locator('.article-list')).toBeVisible();
        await shoot('home');
        // A flash opened in place, and another's share menu.
        await page.locator('.flashes .flash-more summary').first().click();
        await shoot('home-flash-open');
        const share = page.locator('.flashes .flash-share summary').nth(2);
        if (await share.count()) {
          await share.click();
          await shoot('home-flash-share', { fullPage: false });
          await page.keyboard.press('Escape');
        }
        // The reader's text size at its largest.
        const stepAll = async (name) => {
          const button = page.getByRole('button', { name });
          for (let i = 0; i < 5 && (await button.getAttribute('aria-disabled')) !== 'true'; i++) await button.click();
        };
        await stepAll('הגדלת טקסט');
        await shoot('home-text-largest', { fullPage: false });
        await stepAll('הקטנת טקסט');

        const marquee = await siteWith({
          files: { 'feed.json': FEED },
          config: { ticker: { mode: 'marquee', speed: 60, count: 20 } },
        });
        await page.goto(marquee.url);
        await expect(page.locator('.marquee-group').first().locator('.flash')).toHaveCount(9);
        await page.locator('.marquee-toggle').click(); // the strip stands still for the picture
        await shoot('home-marquee', { fullPage: false });

        await page.goto(`${site.url}article/${ARTICLE.id}`);
        await expect(page.locator('.comment-list .comment')).toHaveCount(3);
        await shoot('article');

        await page.goto(`${site.url}tag/${encodeURIComponent(TAG)}`);
        await expect(page.locator('.tag-page .article-card').first()).toBeVisible();
        await shoot('tag');

        await page.goto(`${site.url}accessibility`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('הצהרת נגישות');
        await shoot('accessibility');
      });
    });
  }
}
