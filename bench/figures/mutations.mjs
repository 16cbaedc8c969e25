// 5. DOM mutations per poll of a 1,000-flash feed: an unchanged feed (304) and
// one new flash.
import { figure, median, RUNS } from '../lib/figures.mjs';
import { CONFIG, feedOf, feedPolls, pollNow, site, waitForPoll } from '../lib/site.mjs';

/** Polls now and waits until the feed has been answered. */
async function pollAndSettle(page, s) {
  const before = feedPolls(s);
  await pollNow(page);
  await waitForPoll(s, before);
}

export async function mutations(browser) {
  const added = [];
  const unchanged = [];
  for (let i = 0; i < RUNS; i++) {
    const s = await site({ 'feed.json': feedOf(1000), 'config.json': { ...CONFIG, poll_seconds: 3600 } });
    const page = await browser.newPage();
    await page.goto(s.url);
    await page.locator('.flashes .flash').first().waitFor();
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.__mutations = 0;
      new MutationObserver((l) => {
        window.__mutations += l.length;
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await pollAndSettle(page, s);
    await page.waitForTimeout(300);
    unchanged.push(await page.evaluate(() => window.__mutations));
    s.write('feed.json', feedOf(1000, [{ id: 'new', title: 'מבזק חדש', date_published: '2024-12-27T15:00:00+02:00' }]));
    await page.evaluate(() => {
      window.__mutations = 0;
    });
    await pollAndSettle(page, s);
    await page.locator('.flashes .flash', { hasText: 'מבזק חדש' }).waitFor();
    await page.waitForTimeout(300);
    added.push(await page.evaluate(() => window.__mutations));
    await page.close();
    await s.close();
  }
  figure('poll.mutations_one_new_flash', median(added), 'count', '1,000-item feed, MutationObserver records');
  figure('poll.mutations_304', median(unchanged), 'count');
}
