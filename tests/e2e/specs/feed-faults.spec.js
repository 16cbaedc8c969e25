// The feed from a misbehaving server: the app stays up, keeps the last good flashes
// (or says what is wrong in Hebrew), and recovers when the server is healthy again.

import { feedWith, flash } from '../support/feeds.js';
import { consoleWarnings, expect, SAMPLE_FEED, test } from '../support/site.js';

const POLL = 2;
const GOOD = JSON.stringify(SAMPLE_FEED);
const json = { 'content-type': 'application/json' };
const deep = '['.repeat(200) + ']'.repeat(200);
const manyItems = JSON.stringify(
  feedWith(Array.from({ length: 10_000 - 9 }, (_, i) => flash(`bulk-${i}`, '08:00', `מבזק ${i}`))),
);

// Each fault, and what the reader sees when it strikes after a good load.
const FAULTS = {
  500: { status: 500 },
  '503 with Retry-After': { status: 503, headers: { 'retry-after': '1', 'content-type': 'text/plain' } },
  'a connection reset half-way': { status: 200, mode: 'reset', body: GOOD, headers: json },
  'truncated JSON': { status: 200, body: GOOD.slice(0, GOOD.length / 2), headers: json },
  'an HTML error page with status 200': {
    status: 200,
    body: '<!DOCTYPE html><h1>Service unavailable</h1>',
    headers: { 'content-type': 'text/html' },
  },
  'a 20 MB body': {
    status: 200,
    body: JSON.stringify({ ...SAMPLE_FEED, pad: 'x'.repeat(20 * 1024 * 1024) }),
    headers: json,
  },
  'JSON nested 200 deep': { status: 200, body: deep, headers: json },
};

for (const [name, fault] of Object.entries(FAULTS)) {
  test(`after a good load, ${name} keeps the flashes with a stale notice, and the app recovers`, async ({
    page,
    siteWith,
  }) => {
    const site = await siteWith({ config: { poll_seconds: POLL } });
    await page.goto(site.url);
    await expect(page.locator('.flashes .flash')).toHaveCount(9);
    site.fail('/feed.json', fault.status, fault);
    await expect(page.locator('.stale')).toBeVisible({ timeout: 10_000 });
    await expect(page.locator('.flashes .flash')).toHaveCount(9);
    site.heal('/feed.json');
    site.write('feed.json', feedWith([flash('after', '14:59', 'השרת חזר')]));
    await expect(page.locator('.flashes .flash').first()).toContainText('השרת חזר', { timeout: 15_000 });
    await expect(page.locator('.stale')).toHaveCount(0);
  });
}

test('a poll answered 304 keeps the flashes as they are, with no notice', async ({ page, siteWith }) => {
  const site = await siteWith({ config: { poll_seconds: POLL } });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  site.fail('/feed.json', 304, { headers: {} });
  const before = site.requests.length;
  await expect
    .poll(() => site.requests.slice(before).filter((r) => r.path === '/feed.json').length, { timeout: 8000 })
    .toBeGreaterThan(1);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  await expect(page.locator('.stale')).toHaveCount(0);
});

// The time limit is `AbortSignal.timeout` joined to the owner's signal by
// `AbortSignal.any` (src/http.rs); a browser without `any` gets a timer instead.
for (const engine of ['AbortSignal.any', 'a browser without AbortSignal.any']) {
  test(`a feed that stalls after its headers times out into the stale notice, then recovers (${engine})`, async ({
    page,
    siteWith,
  }) => {
    test.setTimeout(60_000);
    if (engine !== 'AbortSignal.any') await page.addInitScript(() => delete AbortSignal.any);
    const warnings = consoleWarnings(page);
    const site = await siteWith({ config: { poll_seconds: POLL } });
    await page.goto(site.url);
    await expect(page.locator('.flashes .flash')).toHaveCount(9);
    site.fail('/feed.json', 200, { mode: 'stall', headers: json });
    await expect(page.locator('.stale')).toBeVisible({ timeout: 25_000 });
    // The console names the feed (issue 22 §2).
    expect(warnings).toContain(`[mivzak] feed ${site.url}feed.json: the feed did not answer in time`);
    site.heal('/feed.json');
    await expect(page.locator('.stale')).toHaveCount(0, { timeout: 25_000 });
  });
}

test('a feed that trickles in slowly is shown once it has arrived', async ({ page, siteWith }) => {
  const site = await siteWith();
  site.fail('/feed.json', 200, { mode: 'trickle', body: GOOD, headers: json, chunk: 512, every: 150 });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9, { timeout: 15_000 });
});

test('the first load of a broken feed says so in Hebrew, with retry', async ({ page, siteWith }) => {
  const site = await siteWith();
  site.fail('/feed.json', 200, FAULTS['truncated JSON']);
  await page.goto(site.url);
  await expect(page.getByRole('alert')).toContainText('התקבל עדכון מבזקים פגום');
  site.fail('/feed.json', 200, FAULTS['a 20 MB body']);
  await page.getByRole('button', { name: 'נסו שוב' }).click();
  await expect(page.getByRole('alert')).toContainText('גדול מדי');
  site.heal('/feed.json');
  await page.getByRole('button', { name: 'נסו שוב' }).click();
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
});

test('the wrong content type does not stop a valid feed', async ({ page, siteWith }) => {
  const site = await siteWith();
  site.fail('/feed.json', 200, { body: GOOD, headers: { 'content-type': 'text/plain' } });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
});

test('a feed of 10,000 items shows the ticker and the first page of articles', async ({ page, siteWith }) => {
  const site = await siteWith();
  site.fail('/feed.json', 200, { body: manyItems, headers: json });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(20);
  await expect(page.locator('.article-card')).toHaveCount(30);
});

test('items with missing or numeric ids and broken dates: the good ones are shown, the rest counted', async ({
  page,
  siteWith,
}) => {
  const site = await siteWith();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  site.write('feed.json', {
    ...SAMPLE_FEED,
    items: [
      { title: 'בלי מזהה' },
      { id: 77, title: 'מזהה מספרי', date_published: '2024-12-27T14:30:00+02:00' },
      { id: 'broken-date', title: 'תאריך שבור', date_published: 'אתמול' },
      ...SAMPLE_FEED.items,
    ],
  });
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(11);
  await expect(page.locator('.flashes .flash').first()).toContainText('מזהה מספרי');
  await expect(page.locator('.flashes .flash', { hasText: 'תאריך שבור' })).toHaveCount(1);
  expect(warnings.join('\n')).toContain('skipped 1 invalid item');
  await page.goto(`${site.url}article/77`);
  await expect(page.locator('article h1')).toHaveText('מזהה מספרי');
});
