// A click on a flash until its article shows (issue 23's third target, `make
// bench` group `published`): the frame that first shows the article's body
// carries only what a reader sees first (src/after_paint.rs: the share bar, the
// links to the articles around it and the comments come after that paint, and
// so do the head and the focus on the headline), and the head is written once,
// for the article (src/page_meta.rs: the page left does not first write its
// own head for the new address).
import { expect, SAMPLE_FEED, test } from '../support/site.js';

test('a click on a flash draws the article first, what lies below it after the paint, and writes the head once', async ({
  page,
  site,
}) => {
  const item = SAMPLE_FEED.items.find((i) => i.content_html?.trim() || i.content_text?.trim());
  await page.goto(site.url);
  await page.locator('#app[data-live]').waitFor();
  // Watched from before the click: what the frame with the body holds, and every write to the head.
  await page.evaluate(() => {
    window.seen = new Promise((resolve) => {
      const writes = { title: 0, description: 0 };
      window.headWrites = writes;
      const title = document.querySelector('title');
      const description = document.querySelector('meta[name=description]');
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.target === title || record.target.parentNode === title) writes.title++;
          if (record.target === description) writes.description++;
        }
      }).observe(document.head, { subtree: true, childList: true, characterData: true, attributes: true });
      const watch = new MutationObserver(() => {
        if (!document.querySelector('article .article-body p')) return;
        watch.disconnect();
        const below = ['.share', '.neighbours'].filter((s) => document.querySelector(s));
        // In the frame that paints it: the head and focus not yet moved.
        requestAnimationFrame(() =>
          resolve({ below, focused: document.activeElement?.tagName, headWritten: writes.title + writes.description }),
        );
      });
      watch.observe(document, { childList: true, subtree: true });
    });
  });
  await page.locator(`.flashes .flash a[href$="article/${encodeURIComponent(item.id)}"]`).click();
  const first = await page.evaluate(() => window.seen);
  expect(first, 'drawn with the body, before its first paint').toEqual({ below: [], focused: 'BODY', headWritten: 0 });
  // And then drawn, focus on the headline as after any navigation, and the head the article's.
  await expect(page.locator('main .share')).toBeAttached();
  await expect(page.locator('main .neighbours a').first()).toBeAttached();
  await expect(page.locator('article h1')).toBeFocused();
  await expect.poll(() => page.title()).toContain('|');
  expect(await page.evaluate(() => window.headWrites), 'the head written once, for the article').toEqual({
    title: 1,
    description: 1,
  });
});
