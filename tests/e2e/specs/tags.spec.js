// One tag however Hebrew writes it: the groups of tests/fixtures/tag-keys.json
// (the same ones tests/suite/tags.rs checks with the native NFC) through the browser's
// own NFC, on the tag page and from the article page's links.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { feedWith, flash } from '../support/feeds.js';
import { expect, test } from '../support/site.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = JSON.parse(fs.readFileSync(path.resolve(here, '../../fixtures/tag-keys.json'), 'utf8'));
const tagUrl = (site, tag) => `${site.url}tag/${encodeURIComponent(tag)}`;

// One item per form of every group, and one per tag that must stay apart.
const items = [
  ...FIXTURE.same.flatMap((group, g) =>
    group.forms.map((form, f) => flash(`g${g}-f${f}`, '10:00', `כתבה ${g}-${f}`, { tags: [form] })),
  ),
  ...FIXTURE.distinct.map((tag, d) => flash(`d${d}`, '09:00', `כתבה נפרדת ${d}`, { tags: [tag] })),
];

for (const [g, group] of FIXTURE.same.entries()) {
  test(`one tag page for every form of: ${group.why}`, async ({ page, siteWith }) => {
    test.setTimeout(60_000); // a page load per form
    const site = await siteWith({ files: { 'feed.json': feedWith(items) } });
    const expected = group.forms.map((_, f) => `כתבה ${g}-${f}`).sort();
    for (const form of group.forms) {
      await page.goto(tagUrl(site, form));
      const titles = page.locator('.tag-page .article-card h2');
      await expect(titles).toHaveCount(group.forms.length);
      expect((await titles.allTextContents()).sort()).toEqual(expected);
    }
  });
}

test("the page shows the form the feed uses most, from either form and from the article's links", async ({
  page,
  siteWith,
}) => {
  const site = await siteWith({
    files: {
      'feed.json': feedWith([
        flash('ascii', '12:00', 'במרכאות', { tags: ['צה"ל'] }),
        flash('mark-1', '11:00', 'בגרשיים 1', { tags: ['צה״ל'] }),
        flash('mark-2', '10:00', 'בגרשיים 2', { tags: ['צה״ל', 'צה"ל'] }),
        flash('mark-3', '09:00', 'בגרשיים 3', { tags: ['צה״ל'] }),
      ]),
    },
  });
  await page.goto(`${site.url}article/ascii`);
  await page.locator('.tags').getByRole('link', { name: 'צה"ל' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('תגית: צה״ל');
  await expect(page.locator('.tag-page .article-card')).toHaveCount(4);
  await expect(page).toHaveTitle(/^צה״ל \| /);
  const fromAscii = page.url();
  await page.goto(`${site.url}article/mark-1`);
  await page.locator('.tags').getByRole('link', { name: 'צה״ל' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('תגית: צה״ל');
  await expect(page.locator('.tag-page .article-card')).toHaveCount(4);
  expect(page.url()).not.toBe(fromAscii); // two links, one page
  // Three items write צה״ל, two צה"ל (one of them both): the page is under צה״ל.
  // An item that carries both forms lists the tag once.
  await page.goto(`${site.url}article/mark-2`);
  await expect(page.locator('.tags li')).toHaveCount(1);
  await expect(page.locator('.tags a')).toHaveText('צה״ל');
});
