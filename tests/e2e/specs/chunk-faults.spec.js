// The wasm chunks (issue 16) when things go wrong: every chunk kept for offline
// use, in both builds; offline visits to an article and a tag page; a chunk that
// stalls, 404s or is gone after a new deployment; what the page says and where
// focus goes while a chunk is on its way.
import fs from 'node:fs';
import path from 'node:path';
import { untilControlled } from '../support/service-worker.js';
import { DIST, DIST_NEWS, expect, makeSite, SAMPLE_FEED, test } from '../support/site.js';

const ARTICLE = SAMPLE_FEED.items.find((item) => item.content_text);
const TAGGED = SAMPLE_FEED.items.find((item) => item.tags?.length);
const TAG = TAGGED.tags[0];

/** The chunk files of a build: what its split loader fetches, and the loader. */
function chunksOf(dist) {
  const loader = fs.readdirSync(dist).find((file) => /^mivzak-[0-9a-f]+-split\.js$/.test(file));
  const source = fs.readFileSync(path.join(dist, loader), 'utf8');
  const fetched = [...source.matchAll(/new URL\("\.\/([^"]+\.wasm)"/g)].map((m) => m[1]);
  return { loader, fetched };
}
function precacheOf(dist) {
  return JSON.parse(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8').match(/^const PRECACHE = (.*);$/m)[1]);
}
/** What sw.js keeps when first used (the RSS and Atom reader: a JSON Feed site never downloads it). */
function onUseOf(dist) {
  return JSON.parse(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8').match(/^const ON_USE = (.*);$/m)[1]);
}
/** What sw.js keeps at install where the connection allows, else when first used
 *  (the chunks the page prefetches on idle: src/chunks.rs). */
function chunksKeptOf(dist) {
  return JSON.parse(fs.readFileSync(path.join(dist, 'sw.js'), 'utf8').match(/^const CHUNKS = (.*);$/m)[1]);
}
const articleChunk = (dist) => chunksOf(dist).fetched.find((f) => f.endsWith('-split_article_chunk.wasm'));

for (const [name, dist] of [
  ['dist', DIST],
  ['target/dist-news', DIST_NEWS],
]) {
  test(`${name}: sw.js keeps every chunk the loader fetches, the shared ones and the loader too`, () => {
    const { loader, fetched } = chunksOf(dist);
    const onUse = onUseOf(dist);
    expect(onUse, 'the XML reader is kept on use, not precached').toEqual(
      fetched.filter((f) => f.endsWith('-split_xml_chunk.wasm')),
    );
    expect(onUse).toHaveLength(1);
    const chunks = chunksKeptOf(dist);
    // The article's, the tag page's and the comment sender's own files, not the
    // XML reader's nor a chunk it shares (an RSS site keeps those with it).
    expect(chunks.some((f) => f.endsWith('-split_article_chunk.wasm'))).toBe(true);
    expect(chunks.some((f) => f.endsWith('-split_tag_chunk.wasm'))).toBe(true);
    const kept = [...precacheOf(dist), ...onUse, ...chunks];
    expect(precacheOf(dist)).not.toContain(onUse[0]);
    expect(fetched.length, 'split points: article, tag, resume').toBeGreaterThanOrEqual(3);
    expect(
      fetched.some((f) => /-chunk_\d+\.wasm$/.test(f)),
      'a shared chunk',
    ).toBe(true);
    for (const file of [loader, ...fetched]) {
      expect(kept, `${file} in PRECACHE, ON_USE or CHUNKS`).toContain(file);
      expect(fs.existsSync(path.join(dist, file)), `${file} in ${name}`).toBe(true);
    }
  });
}

/** Opens `url` and waits until the service worker controls the page. */
async function openControlled(page, url) {
  await page.goto(url);
  await expect(page.locator('.flashes .flash, #comments-heading, article h1').first()).toBeVisible();
  await untilControlled(page);
}

for (const sub of ['/', '/news/']) {
  test(`one visit to the home page (${sub}), then offline: a tag page and an article open by deep link`, async ({
    page,
    context,
  }) => {
    const site = await makeSite(sub === '/' ? {} : { base: sub, dist: DIST_NEWS });
    try {
      await openControlled(page, site.url);
      await context.setOffline(true);
      // A fresh document each time: nothing in memory from the online visit.
      await page.goto(`${site.url}tag/${encodeURIComponent(TAG)}`);
      await expect(page.locator('.tag-page .article-card').first()).toBeVisible();
      await expect(page.locator('.chunk-error')).toHaveCount(0);
      await page.goto(`${site.url}article/${encodeURIComponent(ARTICLE.id)}`);
      await expect(page.locator('article h1')).toHaveText(ARTICLE.title);
      await expect(page.locator('.chunk-error')).toHaveCount(0);
      // And from the article, by the app's own links: a tag, then home, then a flash.
      await page.goto(`${site.url}article/${encodeURIComponent(TAGGED.id)}`);
      await page.locator('.tags a').first().click();
      await expect(page.locator('.tag-page .article-card').first()).toBeVisible();
    } finally {
      await context.setOffline(false);
      await site.close();
    }
  });
}

test('a chunk download that stalls (a dropped mobile connection): a notice with a retry that brings the article, not a blank page for good', async ({
  page,
  siteWith,
}) => {
  test.setTimeout(90_000);
  const site = await siteWith();
  const chunk = `/${articleChunk(site.root)}`;
  // The idle prefetch's request hangs; every later one would be answered.
  site.fail(chunk, 200, { mode: 'stall', times: 1, headers: { 'content-type': 'application/wasm' } });
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  await expect.poll(() => site.requests.some((r) => r.path === chunk), { timeout: 10_000 }).toBe(true);
  await page
    .locator('.flashes .flash a', { hasText: ARTICLE.title.slice(0, 20) })
    .first()
    .click();
  // The loader gives a chunk 30 s (scripts/split-loader.mjs); before it had no limit,
  // and the click waited on the prefetch's stalled request for good, on a blank page.
  const error = page.locator('.chunk-error');
  await expect(page.locator('article h1, .chunk-error').first()).toBeVisible({ timeout: 45_000 });
  if (await error.count()) await error.getByRole('button', { name: 'נסו שוב' }).click();
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title);
});

test('a chunk that 404s says so, and the retry button brings the article once the server has it', async ({
  page,
  siteWith,
}) => {
  const site = await siteWith();
  const chunk = `/${articleChunk(site.root)}`;
  site.fail(chunk, 404);
  // A phone's width, where the sentence wraps.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${site.url}article/${encodeURIComponent(ARTICLE.id)}`);
  const error = page.locator('.chunk-error');
  await expect(error).toContainText('חלק מהדף לא נטען');
  await expect(error).toHaveAttribute('role', 'alert');
  // The notice's text is one block that no button enters (a button in a wrapped
  // line is taller than the line, and covers the one above), and all is on screen.
  const layout = await error.evaluate((notice) => {
    const lines = [];
    const walker = document.createTreeWalker(notice, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      if (walker.currentNode.parentElement.closest('button') || !walker.currentNode.data.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(walker.currentNode);
      lines.push(...range.getClientRects());
    }
    const buttons = [...notice.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
    const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const text = {
      left: Math.min(...lines.map((r) => r.left)),
      right: Math.max(...lines.map((r) => r.right)),
      top: Math.min(...lines.map((r) => r.top)),
      bottom: Math.max(...lines.map((r) => r.bottom)),
    };
    return {
      lines: new Set(lines.map((r) => Math.round(r.top))).size,
      covered: buttons.filter((button) => overlap(text, button)).length,
      outside: [...lines, ...buttons].filter((r) => r.left < 0 || r.right > innerWidth).length,
    };
  });
  expect(layout.lines).toBeGreaterThan(1);
  expect(layout).toMatchObject({ covered: 0, outside: 0 });
  site.heal(chunk);
  await error.getByRole('button', { name: 'נסו שוב' }).click();
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title);
  await expect(error).toHaveCount(0);
});

test('a new deployment while a tab is open: its old chunks are gone, and the notice reloads the page into the new version', async ({
  page,
  siteWith,
}) => {
  const site = await siteWith();
  const { fetched } = chunksOf(site.root);
  // The tab did not get its chunks: a dropped connection for its idle prefetch
  // and the article rehearsal's second try after it (src/chunk_prefetch.rs),
  // until the deployment below takes the old files away.
  for (const file of fetched) site.fail(`/${file}`, 200, { mode: 'reset' });
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  await page.waitForTimeout(2000);
  // The deployment: every hashed file under a new name, the old ones gone from the CDN.
  const stem = fetched[0].match(/^mivzak-[0-9a-f]+/)[0];
  // As long as the stem: the wasm is rewritten in place. Trunk prints its hash
  // without leading zeros, so a stem has 16 hex digits or fewer.
  const next = `mivzak-${'0123456789abcdef'.slice(0, stem.length - 'mivzak-'.length)}`;
  for (const file of fs.readdirSync(site.root)) {
    const from = path.join(site.root, file);
    // The renamed scripts no longer match the pages' integrity attributes, which a
    // real deployment writes for its own files: left out here.
    const renamed = (text) => text.replaceAll(stem, next).replace(/ integrity="[^"]*"/g, '');
    if (/\.(html|js)$/.test(file)) fs.writeFileSync(from, renamed(fs.readFileSync(from, 'utf8')));
    // The wasm names its glue as the module it imports from: the same length, in place.
    if (file.endsWith('.wasm')) {
      const bytes = fs.readFileSync(from);
      for (let at = bytes.indexOf(stem); at >= 0; at = bytes.indexOf(stem, at + 1)) bytes.write(next, at);
      fs.writeFileSync(from, bytes);
    }
    if (file.startsWith(stem)) fs.renameSync(from, path.join(site.root, file.replace(stem, next)));
  }
  for (const file of fetched) site.heal(`/${file}`);
  await page
    .locator('.flashes .flash a', { hasText: ARTICLE.title.slice(0, 20) })
    .first()
    .click();
  // What the reader sees: the part that did not load, and a reload into the new version.
  const error = page.locator('.chunk-error');
  await expect(error).toBeVisible({ timeout: 40_000 });
  await error.getByRole('button', { name: 'טענו את הדף מחדש' }).click();
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title, { timeout: 20_000 });
});

/** The home page, then a click on the article whose chunk the server holds back `ms`. */
async function articleWhileChunkComes(page, siteWith, ms) {
  const site = await siteWith();
  const chunk = `/${articleChunk(site.root)}`;
  site.slow(new RegExp(`${chunk.replace(/[.]/g, '\\.')}$`), ms);
  await page.goto(site.url);
  await expect(page.locator('.article-list')).toBeVisible();
  await page
    .locator('.flashes .flash a', { hasText: ARTICLE.title.slice(0, 20) })
    .first()
    .click();
}

test('an article opened before its chunk has arrived: focus moves to its heading, as for any link', async ({
  page,
  siteWith,
}) => {
  await articleWhileChunkComes(page, siteWith, 3000);
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title, { timeout: 10_000 });
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.matches('main h1') ?? false), { timeout: 3000 })
    .toBe(true);
});

test('an article opened before its chunk has arrived: the page says it is loading', async ({ page, siteWith }) => {
  await articleWhileChunkComes(page, siteWith, 4000);
  await page.waitForTimeout(1000);
  await expect(page.locator('main').getByRole('status').filter({ hasText: 'טוען' })).toBeVisible();
  await expect(page.locator('article h1')).toHaveText(ARTICLE.title, { timeout: 10_000 });
  await expect(page.locator('main').getByRole('status').filter({ hasText: 'טוען' })).toHaveCount(0);
});
