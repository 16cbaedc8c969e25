// A click on a flash until its article shows (issue 23's third target, `make
// bench` group `published`): the frame that first shows the article's body
// carries only what a reader sees first (src/after_paint.rs: the share bar, the
// links to the articles around it and the comments come after that paint), and
// the head is written once, for the article (src/page_meta.rs: the page left
// does not first write its own head for the new address).
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
        // The head's own records come in the same delivery or before.
        requestAnimationFrame(() => resolve({ below, writes }));
      });
      watch.observe(document, { childList: true, subtree: true });
    });
  });
  await page.locator(`.flashes .flash a[href$="article/${encodeURIComponent(item.id)}"]`).click();
  const { below, writes } = await page.evaluate(() => window.seen);
  expect(below, 'drawn with the body, before its first paint').toEqual([]);
  expect(writes, 'the head written once, for the article').toEqual({ title: 1, description: 1 });
  // And then drawn, and focus on the headline as after any navigation.
  await expect(page.locator('main .share')).toBeAttached();
  await expect(page.locator('main .neighbours a').first()).toBeAttached();
  await expect(page.locator('article h1')).toBeFocused();
});
