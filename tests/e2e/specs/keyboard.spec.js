// The whole reader's path with the keyboard alone: skip link, a flash, the
// article, a comment sent, back home, the strip's controls; every stop visibly focused.
import { expect, SAMPLE_FEED, test } from '../support/site.js';

const ARTICLE = SAMPLE_FEED.items.find((i) => i.content_text);
const THREAD = `/article/${ARTICLE.id}`;

/** What has focus, and whether it shows: an outline or a ring of its own. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return {
      tag: el.localName,
      id: el.id,
      className: typeof el.className === 'string' ? el.className : '',
      text: (el.textContent || '').trim().slice(0, 60),
      label: el.getAttribute('aria-label') || (el.labels?.[0] ? el.labels[0].textContent.trim() : ''),
      visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
      onScreen:
        rect.width > 0 &&
        rect.height > 0 &&
        rect.bottom > 0 &&
        rect.top < innerHeight &&
        rect.right > 0 &&
        rect.left < innerWidth,
    };
  });
}

/** Presses Tab until `wanted(focus)`; every stop on the way must show its focus. */
async function tabTo(page, wanted, { max = 80, backwards = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focus = await focused(page);
    expect(focus.visible, `focus is visible on ${JSON.stringify(focus)}`).toBe(true);
    expect(focus.onScreen, `focused element is on screen: ${JSON.stringify(focus)}`).toBe(true);
    if (wanted(focus)) return focus;
  }
  throw new Error('never reached the element with Tab');
}

test('a reader with only a keyboard reads a flash, comments on its article and comes back', async ({
  page,
  withComments,
}) => {
  const { site, isso } = await withComments();
  await page.goto(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);

  // The first Tab reaches the skip link, shown on screen; Enter goes to the content.
  const skip = await tabTo(page, () => true, { max: 1 });
  expect(skip.text).toBe('דלגו לתוכן');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement.id)).toBe('main');

  // On to the flash with the full article, and into it.
  await tabTo(page, (f) => f.tag === 'a' && f.text.includes(ARTICLE.title.slice(0, 20)));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`article/${ARTICLE.id}$`));
  await expect(page.locator('article h1')).toBeFocused();

  // The comment form, field by field.
  await tabTo(page, (f) => f.tag === 'textarea');
  await page.keyboard.type('נכתבה במקלדת בלבד');
  await tabTo(page, (f) => f.tag === 'input' && f.label.startsWith('שם'), { max: 3 });
  await page.keyboard.type('קוראת');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'שליחת התגובה', { max: 3 });
  await page.keyboard.press('Enter');
  await expect(page.locator('.comment-list .comment')).toContainText('נכתבה במקלדת בלבד');
  expect((await isso.thread(THREAD)).replies).toHaveLength(1);

  // Home again by the site's name, going back through every stop on the way.
  await tabTo(page, (f) => f.className.includes('site-name'), { backwards: true, max: 120 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(site.url);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
});

test('the strip is paused, stepped and resumed from the keyboard', async ({ page, siteWith }) => {
  const site = await siteWith({ config: { ticker: { mode: 'marquee' } } });
  await page.goto(site.url);
  await expect(page.locator('.marquee-track')).toBeVisible();
  await tabTo(page, (f) => f.className.includes('marquee-toggle'));
  await page.keyboard.press('Space');
  await expect(page.locator('.marquee-toggle')).toHaveAttribute('aria-pressed', 'true');
  await tabTo(page, (f) => f.className.includes('marquee-next'), { max: 2 });
  const offset = () =>
    page
      .locator('.marquee-group')
      .first()
      .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m41);
  const before = await offset();
  await page.keyboard.press('Enter');
  await expect.poll(offset).not.toBe(before);
  await tabTo(page, (f) => f.className.includes('marquee-toggle'), { max: 2, backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('.marquee-toggle')).toHaveAttribute('aria-pressed', 'false');
  // The moving copies are out of the tab order: the next stops are real links.
  const next = await tabTo(page, (f) => f.tag === 'a', { max: 4 });
  expect(await page.evaluate(() => !!document.activeElement.closest('[aria-hidden], [inert]'))).toBe(false);
  expect(next.tag).toBe('a');
});
