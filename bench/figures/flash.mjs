// 2. From navigation to the first and to all nine flashes on a throttled phone,
// for the app and for a static HTML page with the same nine flashes.
import fs from 'node:fs';
import path from 'node:path';
import { SLOW_4G, SLOW_THROTTLING, THROTTLING, throttle } from '../lib/chromium.mjs';
import { DEBUG, figure, median, pairedRatio, RUNS } from '../lib/figures.mjs';
import { publishSample } from '../lib/render.mjs';
import { ROOT, SAMPLE, site } from '../lib/site.mjs';

/** Milliseconds from navigation to the first and to the ninth `selector` on screen. */
async function timeToFlashes(browser, url, selector, network) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await throttle(context, page, network);
  await page.addInitScript((selector) => {
    window.__seen = {};
    const check = () => {
      const n = document.querySelectorAll(selector).length;
      for (const want of [1, 9]) {
        if (n >= want && !window.__seen[want]) {
          window.__seen[want] = -1;
          requestAnimationFrame(() => {
            window.__seen[want] = performance.now();
          });
        }
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.waitForFunction(() => window.__seen[9] > 0, null, { timeout: 60_000 });
  const seen = await page.evaluate(() => window.__seen);
  await context.close();
  return [seen[1], seen[9]];
}

/** The sample feed's flashes as a plain HTML page with the shell's CSS. */
function staticPage() {
  const shared = JSON.parse(fs.readFileSync(path.join(ROOT, 'shared/constants.json'), 'utf8'));
  const format = new Intl.DateTimeFormat(shared.locale, { timeZone: shared.defaults.time_zone, ...shared.clock });
  const rows = SAMPLE.items
    .map(
      (item) =>
        `<li class="flash"><a href="article/${item.id}"><time dir="ltr">${format.format(new Date(item.date_published))}</time> ${item.title}</a></li>`,
    )
    .join('');
  const css = fs.readFileSync(path.join(ROOT, 'style/shell.css'), 'utf8');
  return `<!DOCTYPE html><html lang="he" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>מבזק</title><style>${css}</style></head><body><header class="site-header"><a class="site-name" href="./">מבזק</a></header><main><h2>מבזקים</h2><ol class="flashes">${rows}</ol></main></body></html>`;
}

export async function firstFlash(browser) {
  const s = await site({ 'static.html': staticPage() });
  try {
    const app = [];
    const appAll = [];
    const plain = [];
    const plainAll = [];
    for (let i = 0; i < RUNS; i++) {
      const [a1, a9] = await timeToFlashes(browser, s.url, '.flashes .flash');
      const [s1, s9] = await timeToFlashes(browser, `${s.url}static.html`, '.flashes .flash');
      app.push(a1);
      appAll.push(a9);
      plain.push(s1);
      plainAll.push(s9);
      if (DEBUG) console.log('run', i, a1, a9, s1, s9);
    }
    figure('app.first_flash', median(app), 'ms', THROTTLING);
    figure('app.all_nine_flashes', median(appAll), 'ms');
    figure('static.first_flash', median(plain), 'ms', 'a static HTML page with the same nine flashes');
    figure('static.all_nine_flashes', median(plainAll), 'ms');
    figure('app_vs_static.first_flash', median(app) / median(plain), 'ratio');
  } finally {
    await s.close();
  }
}

/** Issue 23's first target (issue 15's at first): the home page mivzak-render
 *  published against the same static page, in one run, at 4x CPU on Lighthouse's
 *  slow 4G (`throttle` sets both), runs interleaved, nothing cached (target ≤ 1.10×). */
export async function publishedFirstFlash(browser) {
  const s = await site({ 'static.html': staticPage() });
  try {
    publishSample(s);
    const published = [];
    const plain = [];
    for (let i = 0; i < RUNS; i++) {
      const [p1] = await timeToFlashes(browser, s.url, '.flashes .flash', SLOW_4G);
      const [s1] = await timeToFlashes(browser, `${s.url}static.html`, '.flashes .flash', SLOW_4G);
      published.push(p1);
      plain.push(s1);
      if (DEBUG) console.log('run', i, p1, s1);
    }
    figure('published.first_flash', median(published), 'ms', `the home page mivzak-render wrote, ${SLOW_THROTTLING}`);
    figure('static_slow.first_flash', median(plain), 'ms', 'the static page, same network');
    figure(
      'published_vs_static.first_flash',
      median(published) / median(plain),
      'ratio',
      `target ≤ 1.10 (median of the runs' own ratios: ${pairedRatio(published, plain).toFixed(2)})`,
    );
  } finally {
    await s.close();
  }
}
