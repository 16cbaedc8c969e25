// Over 300 XSS payloads through both paths that take untrusted HTML: feed bodies
// and comment text (through a real Isso). No script runs; no forbidden tag,
// attribute or scheme survives; and sanitizing the sanitizer's own output changes
// nothing.

import { XSS_CORPUS } from '../fixtures/xss-corpus.js';
import { allowlistProblems } from '../support/allowlist.js';
import { expect, SAMPLE_FEED, test } from '../support/site.js';

test.setTimeout(180_000);

const PER_ARTICLE = 40;
const chunks = [];
for (let i = 0; i < XSS_CORPUS.length; i += PER_ARTICLE) chunks.push(XSS_CORPUS.slice(i, i + PER_ARTICLE));

async function trap(page) {
  await page.addInitScript(() => {
    window.__ran = [];
    window.__xss = (n) => window.__ran.push(n);
    window.alert = (n) => window.__ran.push(`alert ${n}`);
  });
  page.on('dialog', (d) => d.dismiss());
}

test(`${XSS_CORPUS.length} payloads as feed bodies: nothing runs, nothing forbidden survives, and a second pass changes nothing`, async ({
  page,
  siteWith,
}) => {
  const items = chunks.map((chunk, i) => ({
    id: `xss-${i}`,
    title: `קורפוס ${i}`,
    date_published: '2024-12-27T13:00:00+02:00',
    content_html: chunk.map((v) => `<div>${v}</div>`).join('\n'),
  }));
  const site = await siteWith({ files: { 'feed.json': { ...SAMPLE_FEED, items: [...items, ...SAMPLE_FEED.items] } } });
  await trap(page);
  const outputs = [];
  for (let i = 0; i < chunks.length; i++) {
    await page.goto(`${site.url}article/xss-${i}`);
    await expect(page.locator('article h1')).toHaveText(`קורפוס ${i}`);
    const body = page.locator('.article-body');
    expect(await allowlistProblems(body), `chunk ${i}`).toEqual([]);
    outputs.push(await body.evaluate((el) => el.innerHTML));
  }
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__ran)).toEqual([]);

  // Idempotence: the output, fed back in as a body, comes out the same.
  site.write('feed.json', {
    ...SAMPLE_FEED,
    items: outputs.map((html, i) => ({ id: `again-${i}`, title: `שוב ${i}`, content_html: html })),
  });
  for (let i = 0; i < outputs.length; i++) {
    await page.goto(`${site.url}article/again-${i}`);
    await expect(page.locator('article h1')).toHaveText(`שוב ${i}`);
    const again = await page.locator('.article-body').evaluate((el) => el.innerHTML);
    expect(again, `chunk ${i}`).toBe(outputs[i]);
  }
  expect(await page.evaluate(() => window.__ran)).toEqual([]);
});

test(`${XSS_CORPUS.length} payloads as comments through Isso: nothing runs and nothing forbidden survives`, async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments({ isso: { guard: { enabled: 'false' } } });
  const article = SAMPLE_FEED.items[0];
  for (const chunk of chunks) {
    await Promise.all(chunk.map((text) => isso.post(`/article/${article.id}`, { text })));
  }
  await trap(page);
  await page.goto(`${site.url}article/${article.id}`);
  await expect(page.locator('.comment-list > .comment')).toHaveCount(XSS_CORPUS.length, { timeout: 30_000 });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__ran)).toEqual([]);
  // Inside each comment's text: the rest of the list is the app's own markup.
  const problems = await allowlistProblems(page.locator('.comment-list'), { nodes: '.comment-text > div *' });
  expect(problems).toEqual([]);
});
