// The early-click flow (public/early-clicks.js) in every engine; run.js runs these
// after scenarios.js's.
import assert from 'node:assert/strict';
import { SAMPLE_FEED } from '../support/sites.js';
import { waitFor } from './scenarios.js';

const ARTICLE = SAMPLE_FEED.items.find((item) => item.content_text);
const ARTICLE_PATH = `article/${encodeURIComponent(ARTICLE.id)}`;
const LINK = `#app .flashes .flash a[href="/${ARTICLE_PATH}"]`;

/** A site whose wasm is held back `ms`, open on its shell's flashes, marked. */
async function shellOnly(page, site, ms) {
  const slow = await site();
  slow.slow(/_bg\.wasm$/, ms);
  await page.goto(slow.url);
  await waitFor(page, (link) => Boolean(document.querySelector(link)), [LINK], { what: "the shell's flashes" });
  await page.eval(() => {
    window.__samePage = true;
  });
  assert.equal(await page.eval(() => Boolean(window.__probe.started)), false, 'the app is still on its way');
  return slow;
}

const opened = (title) => {
  const heading = document.querySelector('article h1');
  return heading && heading.textContent === title && { samePage: window.__samePage === true, path: location.pathname };
};

export const SCENARIOS = [
  {
    name: 'early click: a flash clicked before the wasm opens in the same document',
    async run({ page, site }) {
      const slow = await shellOnly(page, site, 6000);
      await page.click(LINK);
      const moved = await page.eval(() => ({
        path: location.pathname,
        status: document.querySelector('.early-click[role="status"]')?.textContent,
        samePage: window.__samePage === true,
      }));
      assert.deepEqual(moved, { path: `/${ARTICLE_PATH}`, status: 'הדף בדרך…', samePage: true });
      const seen = await waitFor(page, opened, [ARTICLE.title], { what: 'the article', timeout: 30_000 });
      assert.deepEqual(seen, { samePage: true, path: `/${ARTICLE_PATH}` });
      assert.equal(slow.requests.filter((r) => r.path.startsWith('/article/')).length, 0, 'one page load');
    },
  },
  {
    name: 'early click: the same flash clicked twice before the wasm is still one document',
    async run({ page, site }) {
      const slow = await shellOnly(page, site, 6000);
      await page.click(LINK);
      await page.click(LINK);
      const seen = await waitFor(page, opened, [ARTICLE.title], { what: 'the article', timeout: 30_000 });
      assert.deepEqual(
        { ...seen, loads: slow.requests.filter((r) => r.path.startsWith('/article/')).length },
        { samePage: true, path: `/${ARTICLE_PATH}`, loads: 0 },
      );
    },
  },
  {
    name: 'early click: Enter on a focused flash before the wasm',
    async run({ page, site }) {
      await shellOnly(page, site, 6000);
      await page.eval((link) => document.querySelector(link).focus(), LINK);
      await page.press('Enter');
      const seen = await waitFor(page, opened, [ARTICLE.title], { what: 'the article', timeout: 30_000 });
      assert.deepEqual(seen, { samePage: true, path: `/${ARTICLE_PATH}` });
    },
  },
];
