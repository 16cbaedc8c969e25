// Dates as feeds write them (issue 12 §2) and which day a flash belongs to
// (issue 17 §1), read by an en-US browser in New York on a site in Israel.
import { expect, test } from '../support/site.js';

test.use({ locale: 'en-US' }); // the config's timezoneId is already America/New_York

/** The reader: Thursday 26 November 2026, 07:00 in Israel (00:00 in New York). */
const THURSDAY_7AM = new Date('2026-11-26T07:00:00+02:00');

const feed = (items) => ({ version: 'https://jsonfeed.org/version/1.1', title: 'תאריכים', items });

/** Flashes of every kind of day, newest first, each with a different date form. */
const DAYS = [
  { id: 'today', title: 'מבזק מהבוקר', date_published: '2026-11-26T06:30:00+02:00' },
  { id: 'last-night', title: 'מבזק מאמש', date_published: '2026-11-25T23:30:00+0200' },
  { id: 'tuesday', title: 'מבזק מיום שלישי', date_published: '2026-11-24 18:00:00 +0200' },
  { id: 'october', title: 'מבזק מאוקטובר', date_published: '2026-10-04T09:15:00.123456+03:00' },
  { id: 'last-year', title: 'מבזק מהשנה שעברה', date_published: '2025-12-27T14:02:00Z' },
  { id: 'long-ago', title: 'מבזק ישן מאוד', date_published: '2025-09-11T10:00:00+03' },
];
/** [the day beside the time, or null for today; the time] in Israel. */
const LABELS = [
  [null, '06:30'],
  ['אתמול', '23:30'],
  ['יום שלישי', '18:00'],
  ['4 באוקטובר', '09:15'],
  ['27 בדצמבר 2025', '16:02'],
  ['11 בספטמבר 2025', '10:00'],
];

/** Each row's [day or null, time or null], read from the DOM. */
function labelsOf(rows) {
  return rows.evaluateAll((els) =>
    els.map((el) => [el.querySelector('.day')?.textContent ?? null, el.querySelector('time')?.textContent ?? null]),
  );
}

/** The day is its own isolated element, to the right of the time in the
 *  right-to-left line, never inside the headline; its words read in order. */
async function expectDayBesideTime(row) {
  const day = row.locator('.day');
  await expect(day).toHaveAttribute('dir', 'rtl');
  await expect(row.locator('.headline .day, .headline time')).toHaveCount(0);
  const dayBox = await day.boundingBox();
  const timeBox = await row.locator('time').boundingBox();
  expect(dayBox.x).toBeGreaterThanOrEqual(timeBox.x + timeBox.width - 1);
  expect(Math.abs(dayBox.y - timeBox.y)).toBeLessThan(timeBox.height);
}

test.describe('which day a flash belongs to', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(THURSDAY_7AM);
  });

  test('the list, and the article list, carry the day beside the time of every flash not from today', async ({
    page,
    siteWith,
  }) => {
    const site = await siteWith({ files: { 'feed.json': feed(DAYS) } });
    await page.goto(site.url);
    await expect(page.locator('.article-list')).toBeVisible(); // the app, not the shell
    const rows = page.locator('.flashes .flash');
    await expect(rows).toHaveCount(DAYS.length);
    expect(await labelsOf(rows)).toEqual(LABELS);
    for (let i = 1; i < DAYS.length; i++) await expectDayBesideTime(rows.nth(i));
    // Today's flash is the time alone.
    await expect(rows.first().locator('.day')).toHaveCount(0);
    expect(await labelsOf(page.locator('.article-card'))).toEqual(LABELS);
  });

  test('the marquee carries the same days', async ({ page, siteWith }) => {
    const site = await siteWith({
      config: { ticker: { mode: 'marquee', speed: 5 } },
      files: { 'feed.json': feed(DAYS) },
    });
    await page.goto(site.url);
    const rows = page.locator('.marquee-group').first().locator('.flash');
    await expect(rows).toHaveCount(DAYS.length);
    expect(await labelsOf(rows)).toEqual(LABELS);
    await page.locator('.marquee').hover(); // still, to measure
    await expectDayBesideTime(rows.nth(2));
  });

  test('the embedded ticker carries the same days', async ({ page, siteWith }) => {
    const site = await siteWith({ files: { 'feed.json': feed(DAYS) } });
    await page.goto(`${site.url}embed.html?mode=list&count=10`);
    const rows = page.locator('.flash');
    await expect(rows).toHaveCount(DAYS.length);
    expect(await labelsOf(rows)).toEqual(LABELS);
  });

  test('relative times count calendar days: yesterday, the day before, a month, then the date', async ({
    page,
    siteWith,
  }) => {
    const site = await siteWith({ files: { 'feed.json': feed(DAYS) } });
    const relative = {
      today: '(לפני 30 דקות)',
      'last-night': '(אתמול)',
      tuesday: '(שלשום)', // 37 hours back, never "אתמול"
      // 53 days back, not "לפני 53 ימים" (recent ICU data adds the count to the
      // singular and dual forms: "לפני חודש (1)").
      october: /\(לפני חודש( \(1\))?\)/,
      'last-year': '(לפני 10 חודשים)',
    };
    for (const [id, text] of Object.entries(relative)) {
      await page.goto(`${site.url}article/${id}`);
      await expect(page.locator('.dateline')).toContainText(text);
    }
    // 441 days back: the date, shown once, and no "לפני 441 ימים".
    await page.goto(`${site.url}article/long-ago`);
    await expect(page.locator('.dateline')).toContainText('11 בספטמבר 2025');
    await expect(page.locator('.dateline')).not.toContainText('(');
  });
});

test('a flash moves to "אתמול" at midnight in the site\'s zone on a page left open', async ({ page, siteWith }) => {
  const site = await siteWith({
    files: { 'feed.json': feed([{ id: 'late', title: 'מבזק מאוחר', date_published: '2026-11-25T23:30:00+02:00' }]) },
  });
  await page.clock.install({ time: new Date('2026-11-25T23:59:40+02:00') });
  await page.goto(site.url);
  const row = page.locator('.flashes .flash');
  await expect(row.locator('time')).toHaveText('23:30');
  await expect(row.locator('.day')).toHaveCount(0);
  await page.clock.fastForward('00:45');
  await expect(row.locator('.day')).toHaveText('אתמול');
});

test.describe('dates as feeds really write them', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(new Date('2024-12-27T16:00:00+02:00'));
  });

  // In feed order: each readable form sorts by its time; the unreadable one keeps its place.
  const VARIANTS = [
    { id: 'colonless', title: 'בלי נקודתיים', date_published: '2024-12-27T14:02:00+0200' },
    { id: 'unreadable', title: 'תאריך לא קריא', date_published: '27/12/2024 14:30' },
    { id: 'hours', title: 'שעות בלבד', date_published: '2024-12-27T14:03:00+02' },
    { id: 'fraction', title: 'שברי שנייה', date_published: '2024-12-27T14:04:00.123456+02:00' },
    { id: 'lower', title: 'אותיות קטנות', date_published: '2024-12-27t12:05:00z' },
    { id: 'space', title: 'רווח', date_published: '2024-12-27 14:06:00+02:00' },
    { id: 'rss', title: 'מ-RSS', date_published: 'Fri, 27 Dec 2024 14:07:00 +0200' },
  ];
  const SORTED = [
    ['rss', '14:07'],
    ['unreadable', null],
    ['space', '14:06'],
    ['lower', '14:05'],
    ['fraction', '14:04'],
    ['hours', '14:03'],
    ['colonless', '14:02'],
  ];

  const idsAndTimes = (rows) =>
    rows.evaluateAll((els) =>
      els.map((el) => [
        decodeURIComponent(el.querySelector('a').getAttribute('href').split('/').pop()),
        el.querySelector('time')?.textContent ?? null,
      ]),
    );

  test('every form shows its time and sorts in time order; an unreadable date keeps its place', async ({
    page,
    siteWith,
  }) => {
    const site = await siteWith({ files: { 'feed.json': feed(VARIANTS) } });
    await page.goto(site.url);
    await expect(page.locator('.article-list')).toBeVisible();
    const rows = page.locator('.flashes .flash');
    await expect(rows).toHaveCount(VARIANTS.length);
    expect(await idsAndTimes(rows)).toEqual(SORTED);
    // Today's flashes carry no day.
    await expect(rows.locator('.day')).toHaveCount(0);
  });

  test('a poll keeps an undated flash at its place, and a new flash sorts by its time', async ({ page, siteWith }) => {
    const site = await siteWith({ config: { poll_seconds: 2 }, files: { 'feed.json': feed(VARIANTS) } });
    await page.goto(site.url);
    const rows = page.locator('.flashes .flash');
    await expect(rows).toHaveCount(VARIANTS.length);
    site.write(
      'feed.json',
      feed([...VARIANTS, { id: 'newest', title: 'החדש ביותר', date_published: '2024-12-27 14:10:00.5 +0200 IST' }]),
    );
    await expect(rows).toHaveCount(VARIANTS.length + 1);
    expect(await idsAndTimes(rows)).toEqual([
      ['newest', '14:10'],
      ['unreadable', null],
      ...SORTED.filter(([id]) => id !== 'unreadable'),
    ]);
  });
});
