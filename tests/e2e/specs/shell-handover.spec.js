// The static shell in index.html and the app draw the same ticker. With the wasm
// held back, the shell's rows are recorded; once the app has taken over, its rows
// must be the same, row by row (link, time, day, headline, its lang and dir), and
// so must the site's name, on inputs where the two once differed: ids written as
// numbers, ticker counts out of range or not whole, a site name of the site's own.
import fs from 'node:fs';
import { expect, SAMPLE_CONFIG, SAMPLE_FEED, test } from '../support/site.js';

/** What a reader sees of each flash, and where it leads. */
function rows(page) {
  return page.locator('#app .flashes .flash').evaluateAll((flashes) =>
    flashes.map((row) => {
      const headline = row.querySelector('.headline');
      return {
        href: row.querySelector('a').getAttribute('href'),
        time: row.querySelector('time')?.textContent ?? null,
        datetime: row.querySelector('time')?.getAttribute('datetime') ?? null,
        day: row.querySelector('.day')?.textContent ?? null,
        headline: headline.textContent,
        lang: headline.getAttribute('lang'),
        dir: headline.getAttribute('dir'),
      };
    }),
  );
}

async function screen(page) {
  return {
    rows: await rows(page),
    name: await page.locator('#app .site-name').textContent(),
    title: await page.title(),
  };
}

/** The shell's ticker, then the app's, on a site with this config and feed text. */
async function shellThenApp(page, siteWith, { config, feed }) {
  const site = await siteWith({ files: { 'config.json': config, 'feed.json': feed } });
  const fast = site.slow(/\.wasm$/, 5000);
  await page.goto(site.url);
  await expect(page.locator('#app .flashes .flash').first()).toBeVisible({ timeout: 4000 });
  expect(
    site.requests.filter((r) => /\.wasm$/.test(r.path) && r.done),
    'the wasm is still on its way',
  ).toHaveLength(0);
  const shell = await screen(page);
  await expect(page.locator('.article-list')).toBeVisible({ timeout: 30_000 }); // the app has taken over
  fast();
  return { site, shell, app: await screen(page) };
}

/** `n` flashes a minute apart, newest first, as feed JSON text. */
function items(n) {
  return Array.from({ length: n }, (_, i) => {
    const ms = Date.UTC(2024, 11, 27, 10, 0) - i * 60_000;
    return { id: `f${i}`, title: `מבזק מספר ${i + 1}`, date_published: new Date(ms).toISOString() };
  });
}
const feedText = (list) => JSON.stringify({ ...SAMPLE_FEED, items: list });
const configText = (extra) => JSON.stringify({ ...SAMPLE_CONFIG, ...extra });

test('ids written as numbers: the shell links where the app does, and the link opens the article', async ({
  page,
  siteWith,
}) => {
  test.setTimeout(90_000);
  // JSON text, so the numbers stay as written: 1.0, 1E2, and one past 2^53. The app
  // keeps each as serde_json spells it (1E2 as 1e+2).
  const feed = feedText([
    { id: '@1', title: 'מזהה 1.0', date_published: '2024-12-27T12:00:00+02:00' },
    { id: '@2', title: 'מזהה 1E2', date_published: '2024-12-27T11:00:00+02:00' },
    { id: '@3', title: 'מזהה ארוך', date_published: '2024-12-27T10:00:00+02:00' },
    { id: 7, title: 'מזהה 7', date_published: '2024-12-27T09:00:00+02:00' },
  ])
    .replace('"@1"', '1.0')
    .replace('"@2"', '1E2')
    .replace('"@3"', '12345678901234567890');
  const { site, shell, app } = await shellThenApp(page, siteWith, { config: configText({}), feed });
  expect(shell.rows.map((r) => r.href)).toEqual([
    '/article/1.0',
    '/article/1e%2B2',
    '/article/12345678901234567890',
    '/article/7',
  ]);
  expect(shell).toEqual(app);
  for (const row of shell.rows) {
    await page.goto(site.origin + row.href);
    await expect(page.locator('article h1')).toHaveText(row.headline);
  }
});

for (const [written, shown, total] of [
  ['0', 1, 5],
  ['-3', 1, 5],
  ['12.0', 12, 25],
  ['1.2e1', 12, 25],
  ['2.5', 20, 25],
  ['"7"', 20, 25],
  ['500', 200, 210],
]) {
  test(`ticker.count ${written}: the shell shows the ${shown} flashes the app does`, async ({ page, siteWith }) => {
    test.setTimeout(90_000);
    const config = configText({ ticker: { mode: 'list', count: '@' } }).replace('"@"', written);
    const { shell, app } = await shellThenApp(page, siteWith, { config, feed: feedText(items(total)) });
    expect(shell.rows).toHaveLength(shown);
    expect(shell).toEqual(app);
  });
}

test("the site's own name, in the header and the title, from the shell on", async ({ page, siteWith }) => {
  test.setTimeout(90_000);
  const { shell, app } = await shellThenApp(page, siteWith, {
    config: configText({ site_name: 'חדשות הערב' }),
    feed: feedText(items(3)),
  });
  expect(shell.name).toBe('חדשות הערב');
  expect(shell.title).toBe('חדשות הערב');
  expect(shell).toEqual(app);
});

test("ids named like Object's own properties, and white space the two languages trim differently", async ({
  page,
  siteWith,
}) => {
  test.setTimeout(90_000);
  // U+0085 is white space to Rust's trim and not to JavaScript's; U+FEFF the reverse.
  const ids = ['__proto__', 'constructor', 'toString', 'x', '\u0085', '\ufeff'];
  const feed = feedText(
    ids.map((id, i) => ({
      id,
      title: i === 3 ? '\ufeffכותרת עם BOM' : `מזהה ${i}`,
      date_published: new Date(Date.UTC(2024, 11, 27, 10, 0) - i * 60_000).toISOString(),
    })),
  );
  const { shell, app } = await shellThenApp(page, siteWith, { config: configText({ site_name: '\u0085' }), feed });
  expect(shell.rows).toHaveLength(5); // the blank id (to the app) is left out
  expect(shell).toEqual(app);
});

test("every right-to-left language of shared/constants.json, and others: the shell's dir is the app's", async ({
  page,
  siteWith,
}) => {
  test.setTimeout(90_000);
  const { rtl_languages } = JSON.parse(
    fs.readFileSync(new URL('../../../shared/constants.json', import.meta.url), 'utf8'),
  );
  const languages = [
    ...rtl_languages.map((l, i) => (i % 2 ? `${l.toUpperCase()}-XX` : l)),
    'en',
    'de-AT',
    'hex',
    'ar_EG',
  ];
  const list = items(languages.length).map((item, i) => ({ ...item, language: languages[i] }));
  const { shell, app } = await shellThenApp(page, siteWith, { config: configText({}), feed: feedText(list) });
  expect(shell.rows.map((r) => r.dir)).toEqual([...rtl_languages.map(() => 'rtl'), 'ltr', 'ltr', 'ltr', 'rtl']);
  expect(shell).toEqual(app);
});
