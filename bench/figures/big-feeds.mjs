// 4. Feeds of 1,000 and 10,000 flashes: from the feed arriving to the first flash
// and to the app on screen, and the long tasks on the way (no throttling).
import { figure, median, RUNS } from '../lib/figures.mjs';
import { feedOf, site } from '../lib/site.mjs';

/** Records long tasks, the first flash painted and the app's own page painted. */
function watchPage() {
  window.__long = 0;
  window.__longest = 0;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (e.duration > 50) window.__long++;
      window.__longest = Math.max(window.__longest, e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (!window.__first && document.querySelector('.flashes .flash')) {
      window.__first = -1;
      requestAnimationFrame(() => {
        window.__first = performance.now();
      });
    }
    // The app's own page (the article list is not in the shell) is on screen.
    if (!window.__app && document.querySelector('#app .article-list')) {
      window.__app = -1;
      requestAnimationFrame(() => {
        window.__app = performance.now();
      });
    }
  }).observe(document, { childList: true, subtree: true });
}

export async function bigFeeds(browser) {
  for (const n of [1000, 10000]) {
    const s = await site({ 'feed.json': feedOf(n) });
    const parse = [];
    const longTasks = [];
    const longest = [];
    const app = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.newPage();
        await page.addInitScript(watchPage);
        await page.goto(s.url);
        await page.waitForFunction(() => window.__first > 0 && window.__app > 0, null, { timeout: 120_000 });
        const [arrived, painted, ready, long, worst] = await page.evaluate(() => {
          const feed = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/feed.json'));
          return [feed.responseEnd, window.__first, window.__app, window.__long, window.__longest];
        });
        parse.push(painted - arrived);
        app.push(ready - arrived);
        longTasks.push(long);
        longest.push(worst);
        await page.close();
      }
      figure(
        `feed_${n}.parse_and_first_render`,
        median(parse),
        'ms',
        'from the feed arriving to the first flash painted, no throttling',
      );
      figure(
        `feed_${n}.app_ready`,
        median(app),
        'ms',
        'from the feed arriving to the app (parsed in wasm, list drawn) on screen',
      );
      figure(`feed_${n}.long_tasks`, median(longTasks), 'count');
      figure(`feed_${n}.longest_task`, median(longest), 'ms');
    } finally {
      await s.close();
    }
  }
}
