// Issue 24 §4 and §5: the accessibility statement (the app's page and the one
// mivzak-render writes, with and without the publisher's details, and the
// footer's link to it on every page), and the reader's controls in the header
// (text size and colour scheme: keyboard, kept, applied before the first paint
// without a layout shift, working where storage throws, never read by the embed).
import fs from 'node:fs';
import { hostPage } from '../support/host-page.js';
import { expect, holdWasm, publish, SAMPLE_CONFIG, SAMPLE_FEED, test } from '../support/site.js';

const SHARED = JSON.parse(fs.readFileSync(new URL('../../../shared/constants.json', import.meta.url), 'utf8'));
const { keys, text_sizes: SIZES } = SHARED.reader;
const TITLE = 'הצהרת נגישות';
const ARTICLE = SAMPLE_FEED.items.find((item) => item.tags?.length);
const TAG = ARTICLE.tags[0];

/** A site rendered by mivzak-render with `config` over the sample's; the run's output. */
async function rendered(siteWith, config = {}) {
  const site = await siteWith({ files: { 'feed.json': SAMPLE_FEED } });
  site.write('config.json', { ...SAMPLE_CONFIG, site_url: site.url, ...config });
  const run = publish(site.root);
  return { site, warnings: run.stderr };
}

/** Records, at DOMContentLoaded (before the first paint of a parsed page), the
 *  root's font size and colour scheme and the header's height (the controls'
 *  bar, above everything else), and every layout shift from then on. The app
 *  takes over by putting its own copy in the page's place, which the Layout
 *  Instability API does not count (new nodes never "shift"): so the header's
 *  height is compared too. */
async function watchFirstPaint(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
      const style = getComputedStyle(document.documentElement);
      window.__first = {
        fontSize: style.fontSize,
        scheme: style.colorScheme,
        bg: getComputedStyle(document.body).backgroundColor,
        header: document.querySelector('.site-header').getBoundingClientRect().height,
      };
    });
  });
}

const shifts = (page) => page.evaluate(() => window.__shifts.reduce((sum, value) => sum + value, 0));
const rootStyle = (page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return { fontSize: style.fontSize, scheme: style.colorScheme, bg: getComputedStyle(document.body).backgroundColor };
  });

test('the accessibility statement: in the app and published, with and without details, linked from every page', async ({
  page,
  siteWith,
}) => {
  // Without the publisher's details: the renderer warns, the page says so.
  const bare = await rendered(siteWith);
  expect(bare.warnings).toMatch(/accessibility statement .*lacks the publisher's details/);
  // Every published page links to it from its footer, without JavaScript.
  for (const path of [
    '',
    `article/${encodeURIComponent(ARTICLE.id)}/`,
    `tag/${encodeURIComponent(TAG)}/`,
    'accessibility/',
  ]) {
    const html = await (await fetch(`${bare.site.url}${path}`)).text();
    expect(html, path).toContain(`<footer class="site-footer"><a href="/accessibility">${TITLE}</a></footer>`);
  }
  const statement = await (await fetch(`${bare.site.url}accessibility/`)).text();
  expect(statement).toContain(`<title>${TITLE} | ${SAMPLE_CONFIG.site_name}</title>`);
  expect(statement).toContain(`<link rel="canonical" href="${bare.site.url}accessibility/"`);
  expect(statement).toContain('טרם מילא את פרטי רכז הנגישות');
  const sitemap = await (await fetch(`${bare.site.url}sitemap.xml`)).text();
  expect(sitemap).toContain(`<loc>${bare.site.url}accessibility/</loc>`);

  // The app: from the home page's footer to the page, by keyboard, in place.
  await page.goto(bare.site.url);
  await expect(page.locator('#app[data-live]')).toHaveCount(1, { timeout: 30_000 });
  const link = page.getByRole('contentinfo').getByRole('link', { name: TITLE });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${bare.site.url}accessibility`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page).toHaveTitle(`${TITLE} | ${SAMPLE_CONFIG.site_name}`);
  await expect(page.locator('.accessibility-missing')).toContainText('טרם מילא');
  for (const heading of ['שימוש במקלדת', 'עצירת העדכונים החיים', 'גודל הטקסט', 'כיוון ושפה']) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  // The footer is on the article and tag pages the app draws too.
  for (const path of [`article/${encodeURIComponent(ARTICLE.id)}`, `tag/${encodeURIComponent(TAG)}`]) {
    await page.goto(`${bare.site.url}${path}`);
    await expect(page.locator('#app[data-live]')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByRole('contentinfo').getByRole('link', { name: TITLE })).toHaveAttribute(
      'href',
      '/accessibility',
    );
  }

  // With the details (a name in English inside the Hebrew page): no warning,
  // and the published page and the app show them, each value in its own direction.
  const accessibility = {
    coordinator: 'Dana Cohen (A11y)',
    phone: '03-1234567',
    email: 'negishut@example.co.il',
    updated: '2025-11-24',
    exceptions: 'סרטונים ישנים אינם מתורגמים',
  };
  const full = await rendered(siteWith, { accessibility });
  expect(full.warnings).not.toMatch(/accessibility/);
  await page.goto(`${full.site.url}accessibility/`);
  await expect(page.locator('#app[data-live]')).toHaveCount(1, { timeout: 30_000 });
  const contact = page.locator('.accessibility-contact');
  await expect(contact.locator('bdi[dir="ltr"]', { hasText: 'Dana Cohen (A11y)' })).toBeVisible();
  await expect(contact.getByRole('link', { name: '03-1234567' })).toHaveAttribute('href', 'tel:031234567');
  await expect(contact.getByRole('link', { name: 'negishut@example.co.il' })).toHaveAttribute(
    'href',
    'mailto:negishut@example.co.il',
  );
  await expect(page.locator('.accessibility-updated')).toHaveText('ההצהרה עודכנה לאחרונה ב־24 בנובמבר 2025.');
  await expect(page.locator('.accessibility-missing')).toHaveCount(0);
  // The English name reads left to right beside its Hebrew label, its closing
  // bracket last on its right, not thrown to the line's far left.
  const [label, name, bracket, letter] = await contact
    .locator('li')
    .first()
    .evaluate((li) => {
      const rect = (node, from, to) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range.getBoundingClientRect();
      };
      const text = li.querySelector('bdi').firstChild;
      const end = text.length;
      return [
        rect(li.firstChild, 0, 2).right,
        li.querySelector('bdi').getBoundingClientRect().right,
        rect(text, end - 1, end).left,
        rect(text, end - 2, end - 1).right,
      ];
    });
  expect(name).toBeLessThan(label);
  expect(bracket).toBeGreaterThanOrEqual(letter - 0.5);
});

test('the reader controls: by keyboard, kept, applied before the first paint with no layout shift, at 360 px', async ({
  page,
  siteWith,
}) => {
  test.setTimeout(60_000);
  const { site } = await rendered(siteWith);
  const larger = page.getByRole('button', { name: 'הגדלת טקסט' });
  const smaller = page.getByRole('button', { name: 'הקטנת טקסט' });
  const scheme = page.getByRole('combobox', { name: 'ערכת צבעים' });
  const pause = page.locator('.ticker-pause');
  // Before the app, the published page offers them as not working yet (a
  // choice made then would do nothing and be lost); the app enables them.
  const release = await holdWasm(page);
  await page.goto(site.url, { waitUntil: 'domcontentloaded' });
  for (const control of [smaller, larger, scheme, pause]) await expect(control).toBeDisabled();
  release();
  await expect(page.locator('#app[data-live]')).toHaveCount(1, { timeout: 30_000 });
  for (const control of [smaller, larger, scheme, pause]) await expect(control).toBeEnabled();
  await page.unroute(/_bg\.wasm$/);
  // Keyboard: from the site's name, the controls come next in order.
  await page.locator('.site-name').focus();
  await page.keyboard.press('Tab');
  await expect(smaller).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(larger).toBeFocused();
  const base = parseFloat((await rootStyle(page)).fontSize);
  const largest = SIZES.length - 1 - SIZES.indexOf(SHARED.reader.default_text_size);
  for (let step = 0; step < largest; step++) await page.keyboard.press('Enter');
  // At the end: said to be disabled, does nothing, and keeps the focus.
  await expect(larger).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await expect(larger).toBeFocused();
  await expect(smaller).toHaveAttribute('aria-disabled', 'false');
  const top = SIZES.at(-1);
  expect(parseFloat((await rootStyle(page)).fontSize)).toBeCloseTo((base * top) / SHARED.reader.default_text_size, 1);
  // Text follows: the site's name (1.5rem) grew with the root.
  const nameSize = await page.locator('.site-name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(nameSize).toBeCloseTo((1.5 * base * top) / SHARED.reader.default_text_size, 1);
  await page.keyboard.press('Tab');
  await expect(scheme).toBeFocused();
  await scheme.selectOption('dark');
  expect((await rootStyle(page)).scheme).toBe('dark');
  expect(await page.evaluate((k) => [localStorage.getItem(k.text_size), localStorage.getItem(k.scheme)], keys)).toEqual(
    [String(top), 'dark'],
  );

  // Kept: a published article page, loaded anew, at a phone's width.
  await page.setViewportSize({ width: 360, height: 700 });
  await watchFirstPaint(page);
  for (const path of [`article/${encodeURIComponent(ARTICLE.id)}/`, 'unpublished-route']) {
    await page.goto(`${site.url}${path}`);
    const first = await page.evaluate(() => window.__first);
    expect(parseFloat(first.fontSize), path).toBeCloseTo((base * top) / SHARED.reader.default_text_size, 1);
    expect(first.scheme, path).toBe('dark');
    await expect(page.locator('#app[data-live]')).toHaveCount(1, { timeout: 30_000 });
    await expect(scheme).toHaveValue('dark');
    await expect(larger).toHaveAttribute('aria-disabled', 'true');
    await page.waitForTimeout(300);
    expect(await shifts(page), path).toBe(0);
    expect(await page.locator('.site-header').evaluate((bar) => bar.getBoundingClientRect().height), path).toBe(
      first.header,
    );
    // The largest text at 360 px: no sideways scroll.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
  }
  // Print is black on white whatever the reader chose.
  await page.emulateMedia({ media: 'print' });
  expect((await rootStyle(page)).scheme).toBe('light');
});

test('where storage throws, the controls still work for the visit and nothing throws', async ({ page, site }) => {
  await page.addInitScript(() => {
    // Blocked (reading localStorage throws) on the first load, full (writing throws) after.
    if (!sessionStorage.getItem('loaded')) {
      sessionStorage.setItem('loaded', '1');
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    } else {
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    }
  });
  for (let load = 0; load < 2; load++) {
    if (load) await page.reload();
    else await page.goto(site.url);
    await expect(page.locator('.flashes .flash').first()).toBeVisible();
    const before = parseFloat((await rootStyle(page)).fontSize);
    await page.getByRole('button', { name: 'הגדלת טקסט' }).click();
    await expect.poll(async () => parseFloat((await rootStyle(page)).fontSize)).toBeGreaterThan(before);
    await page.getByRole('combobox', { name: 'ערכת צבעים' }).selectOption('dark');
    expect((await rootStyle(page)).scheme).toBe('dark');
  }
});

test('the embedded ticker follows its host, never the reader stored choice', async ({ page, site }) => {
  await page.addInitScript((k) => {
    localStorage.setItem(k.text_size, '130');
    localStorage.setItem(k.scheme, 'dark');
  }, keys);
  const host = await hostPage(site, '<div id="w" data-mivzak-ticker data-count="3" data-theme="light"></div>');
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('#w iframe');
    await expect(frame.locator('.flashes .flash')).toHaveCount(3);
    const root = await frame.locator('html').evaluate(
      (html, k) => ({
        scheme: getComputedStyle(html).colorScheme,
        fontSize: html.style.fontSize,
        attribute: html.getAttribute('data-scheme'),
        stored: localStorage.getItem(k.scheme),
      }),
      keys,
    );
    expect(root).toEqual({ scheme: 'light', fontSize: '', attribute: null, stored: 'dark' });
  } finally {
    await host.close();
  }
});
