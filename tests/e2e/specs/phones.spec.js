// Every page on phones: 320, 360, 390 and 414 px wide, touch, device scale 2.
// Nothing scrolls sideways; controls keep 44 px targets and stay off the moving
// strip; the comment form works with the on-screen keyboard open (a viewport
// 400 px tall). `make screenshots` (specs/screenshots.spec.js) writes the pictures.
import { hostPage } from '../support/host-page.js';
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const WIDTHS = [320, 360, 390, 414];
const ARTICLE = SAMPLE_FEED.items.find((item) => item.content_text);
const TAG = ARTICLE.tags[0];
const TARGET = 44;

/** The pages of the issue, each opened and ready; `visit(name, frame)` is called on each. */
async function everyPage(page, { withComments, siteWith }, visit) {
  const { site, isso } = await withComments();
  await isso.post(`/article/${ARTICLE.id}`, {
    text: 'תגובה של קורא אחר, ארוכה מספיק כדי לעבור לשורה שנייה בטלפון צר',
    author: 'דנה',
  });
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  await visit('home-list');

  const marquee = await siteWith({ config: { ticker: { mode: 'marquee', speed: 60, count: 20 } } });
  await page.goto(marquee.url);
  await expect(page.locator('.marquee-group').first().locator('.flash')).toHaveCount(9);
  await expect(page.locator('.article-list')).toBeVisible();
  await visit('home-marquee');

  await page.goto(`${site.url}article/${ARTICLE.id}`);
  await expect(page.locator('.comment-list .comment')).toHaveCount(1);
  await visit('article');

  await page.goto(`${site.url}tag/${encodeURIComponent(TAG)}`);
  await expect(page.locator('.tag-page .article-card').first()).toBeVisible();
  await visit('tag');

  await page.goto(`${site.url}no/such/page`);
  await expect(page.getByRole('heading', { name: 'הדף לא נמצא' })).toBeVisible();
  await visit('not-found');

  const host = await hostPage(
    site,
    `<div id="w" data-mivzak-ticker data-mode="list" data-count="5"></div>
<p>The partner's own text goes on below the ticker.</p>`,
    {
      head: '<meta name="viewport" content="width=device-width, initial-scale=1">',
      css: 'body { margin: 0 8px; font-family: sans-serif; }',
    },
  );
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('#w iframe');
    await expect(frame.locator('.flash')).toHaveCount(5);
    await expect
      .poll(async () => {
        const outer = (await page.locator('#w iframe').boundingBox()).height;
        const inner = await frame.locator('body').evaluate((b) => b.getBoundingClientRect().height);
        return Math.abs(outer - Math.ceil(inner));
      })
      .toBeLessThan(2);
    await visit(
      'embed',
      page.frames().find((f) => f.url().includes('embed.html')),
    );
  } finally {
    await host.close();
  }
}

/** What a phone reader would trip over on the page (or in a frame), as readable lines. */
function faultsIn(target) {
  return target.evaluate((TARGET) => {
    const faults = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1 || document.body.scrollWidth > root.clientWidth + 1) {
      const wide = [...document.body.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 || el.getBoundingClientRect().left < -1)
        .filter((el) => !el.closest('.marquee-viewport'))
        .slice(0, 3)
        .map((el) => el.className || el.tagName);
      faults.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} (${wide.join(', ')})`);
    }
    const shown = (el) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.height > 0 &&
        getComputedStyle(el).visibility !== 'hidden' &&
        !el.closest('[inert], .visually-hidden, .skip-link')
      );
    };
    const name = (el) =>
      `${el.tagName.toLowerCase()}.${el.className || ''} "${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 30)}"`;
    // Controls: buttons, form fields, links drawn as buttons (share, tags), the flash rows.
    const controls = [
      ...document.querySelectorAll('button, input, select, textarea, .share a, .tags a, .flash a'),
    ].filter(shown);
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width < TARGET - 0.5 || r.height < TARGET - 0.5)
        faults.push(`${name(el)} is ${r.width.toFixed(1)} × ${r.height.toFixed(1)} px`);
    }
    // Nothing overlaps the moving strip.
    const strip = document.querySelector('.marquee-viewport');
    if (strip) {
      const s = strip.getBoundingClientRect();
      for (const el of document.querySelectorAll('button, input, a')) {
        if (!shown(el) || strip.contains(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.left < s.right && r.right > s.left && r.top < s.bottom && r.bottom > s.top)
          faults.push(`${name(el)} overlaps the moving strip`);
      }
    }
    return faults;
  }, TARGET);
}

for (const width of WIDTHS) {
  test.describe(`${width} px`, () => {
    test.use({ viewport: { width, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });

    test('every page fits, with 44 px controls clear of the moving strip', async ({ page, withComments, siteWith }) => {
      test.setTimeout(120_000); // six pages
      const faults = [];
      await everyPage(page, { withComments, siteWith }, async (name, frame) => {
        faults.push(...(await faultsIn(page)).map((fault) => `${name}: ${fault}`));
        if (frame) faults.push(...(await faultsIn(frame)).map((fault) => `${name} (inside): ${fault}`));
      });
      expect(faults).toEqual([]);
    });

    test('the comment form works with the on-screen keyboard open (400 px tall)', async ({ page, withComments }) => {
      const { site, isso } = await withComments();
      await page.goto(`${site.url}article/${ARTICLE.id}`);
      await expect(page.locator('#comments-heading')).toBeVisible();
      await page.setViewportSize({ width, height: 400 });
      const form = page.locator('.comments > .comment-form');
      const text = form.getByLabel('התגובה שלכם');
      await text.scrollIntoViewIfNeeded();
      await text.tap();
      await expect(text).toBeFocused();
      await page.keyboard.type('תגובה מהטלפון');
      // The field is on screen and nothing covers it; then the same for the send button.
      for (const control of [text, form.getByRole('button', { name: 'שליחת התגובה' })]) {
        await control.scrollIntoViewIfNeeded();
        const box = await control.boundingBox();
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(400);
        const onTop = await control.evaluate((el) => {
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return hit === el || el.contains(hit);
        });
        expect(onTop).toBe(true);
      }
      await form.getByRole('button', { name: 'שליחת התגובה' }).tap();
      await expect(page.locator('.comment-list .comment')).toContainText('תגובה מהטלפון');
      expect((await isso.thread(`/article/${ARTICLE.id}`)).replies).toHaveLength(1);
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
      ).toBe(true);
    });
  });
}
