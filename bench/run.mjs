// `make bench`: the figures of issue 8, each the median of RUNS runs, printed as
// `name value unit` lines (machine-readable) under a human-readable heading.
// It drives Debian's Chromium through Playwright against the release dist/ served
// as a CDN would: precompressed brotli and gzip, COOP/COEP for memory measurement.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveDir } from '../tests/e2e/support/static-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(here, '../dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const SAMPLE = JSON.parse(fs.readFileSync(path.join(DIST, 'feed.json'), 'utf8'));
const CONFIG = JSON.parse(fs.readFileSync(path.join(DIST, 'config.json'), 'utf8'));
const ISOLATION = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'cross-origin',
};
// DevTools' "Fast 4G" and a mid-range phone's CPU.
const FAST_4G = {
  offline: false,
  latency: 60,
  downloadThroughput: (9 * 1024 * 1024) / 8,
  uploadThroughput: (1.5 * 1024 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--enable-precise-memory-info',
  ],
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const lines = [];
function figure(name, value, unit, note = '') {
  const line = `${name} ${round(value, Math.abs(value) < 1 && value !== 0 ? 3 : unit === 'ratio' ? 2 : 1)} ${unit}`;
  lines.push(line);
  console.log(line + (note ? `    # ${note}` : ''));
}
const wanted = (group) => !ONLY || ONLY.has(group);

/** A copy of dist/ with these files, served compressed; `isolate` adds COOP/COEP,
 *  which `measureUserAgentSpecificMemory` needs (and which Lighthouse hangs on). */
async function site(files = {}, { isolate = false } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-bench-'));
  fs.cpSync(DIST, root, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(root, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  const server = await serveDir(root, { compress: true, headers: isolate ? ISOLATION : {} });
  return {
    ...server,
    root,
    write: (name, c) => fs.writeFileSync(path.join(root, name), JSON.stringify(c)),
    async close() {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

function feedOf(n, extra = []) {
  const items = [...extra];
  for (let i = 0; i < n; i++) {
    const minutes = 14 * 60 - i;
    const hh = String(Math.floor(minutes / 60) % 24).padStart(2, '0');
    const mm = String(((minutes % 60) + 60) % 60).padStart(2, '0');
    items.push({
      id: `item-${i}`,
      title: `מבזק מספר ${i} על Windows 11 ו-TikTok`,
      summary: 'תקציר קצר של הכתבה',
      date_published: `2024-12-27T${hh}:${mm}:00+02:00`,
    });
  }
  return { ...SAMPLE, items };
}

const kind = (p) =>
  p.endsWith('.wasm')
    ? 'wasm'
    : p.endsWith('.js')
      ? 'js'
      : p.endsWith('.css')
        ? 'css'
        : p.endsWith('.json')
          ? 'json'
          : /\.(svg|png|ico|jpg)$/.test(p)
            ? 'image'
            : 'html';

async function firstLoadBytes(browser) {
  const s = await site();
  try {
    const hostRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-host-'));
    fs.writeFileSync(
      path.join(hostRoot, 'index.html'),
      `<!DOCTYPE html><html><body><div data-mivzak-ticker data-count="8"></div><script src="${s.url}embed.js" async></script></body></html>`,
    );
    const host = await serveDir(hostRoot);
    for (const [label, url, wait] of [
      ['app', s.url, '.flashes .flash'],
      ['embed', host.url, null],
    ]) {
      const page = await browser.newPage();
      const before = s.requests.length;
      await page.goto(url);
      if (wait) await page.locator(wait).first().waitFor();
      else await page.frameLocator('iframe').locator('.flash').first().waitFor();
      await page.waitForTimeout(300);
      const loaded = s.requests.slice(before).filter((r) => r.status === 200 && r.method === 'GET');
      if (process.env.BENCH_DEBUG) console.log(loaded.map((r) => r.path));
      for (const encoding of ['br', 'gzip']) {
        const totals = { html: 0, js: 0, wasm: 0, css: 0, json: 0, image: 0 };
        for (const r of loaded) {
          let file = path.join(s.root, r.path);
          if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(s.root, 'index.html');
          const body = fs.readFileSync(file);
          const size =
            encoding === 'br'
              ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length
              : zlib.gzipSync(body, { level: 9 }).length;
          totals[kind(r.path)] += size;
        }
        for (const [k, v] of Object.entries(totals)) figure(`${label}.first_load.${encoding}.${k}`, v / 1024, 'KB');
        figure(
          `${label}.first_load.${encoding}.total_without_feed`,
          (totals.html + totals.js + totals.wasm + totals.css) / 1024,
          'KB',
        );
      }
      await page.close();
    }
    await host.close();
  } finally {
    await s.close();
  }
}

/** Milliseconds from navigation to the first and to the ninth `selector` on screen. */
async function timeToFlashes(browser, url, selector) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', FAST_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
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

async function firstFlash(browser) {
  const s = await site({ 'static.html': staticPage() });
  try {
    const app = [],
      appAll = [],
      plain = [],
      plainAll = [];
    for (let i = 0; i < RUNS; i++) {
      const [a1, a9] = await timeToFlashes(browser, s.url, '.flashes .flash');
      const [s1, s9] = await timeToFlashes(browser, s.url + 'static.html', '.flashes .flash');
      app.push(a1);
      appAll.push(a9);
      plain.push(s1);
      plainAll.push(s9);
      if (process.env.BENCH_DEBUG) console.log('run', i, a1, a9, s1, s9);
    }
    figure('app.first_flash', median(app), 'ms', `4x CPU, fast 4G`);
    figure('app.all_nine_flashes', median(appAll), 'ms');
    figure('static.first_flash', median(plain), 'ms', 'a static HTML page with the same nine flashes');
    figure('static.all_nine_flashes', median(plainAll), 'ms');
    figure('app_vs_static.first_flash', median(app) / median(plain), 'ratio');
  } finally {
    await s.close();
  }
}

function staticPage() {
  const format = new Intl.DateTimeFormat('he-IL', {
    timeZone: 'Asia/Jerusalem',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const rows = SAMPLE.items
    .map(
      (item) =>
        `<li class="flash"><a href="article/${item.id}"><time dir="ltr">${format.format(new Date(item.date_published))}</time> ${item.title}</a></li>`,
    )
    .join('');
  const css = fs.readFileSync(path.resolve(here, '../style/shell.css'), 'utf8');
  return `<!DOCTYPE html><html lang="he" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>מבזק</title><style>${css}</style></head><body><header class="site-header"><a class="site-name" href="./">מבזק</a></header><main><h2>מבזקים</h2><ol class="flashes">${rows}</ol></main></body></html>`;
}

async function bigFeeds(browser) {
  for (const n of [1000, 10000]) {
    const s = await site({ 'feed.json': feedOf(n) });
    const parse = [],
      longTasks = [],
      longest = [],
      app = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.newPage();
        await page.addInitScript(() => {
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
        });
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

/** Polls at once by telling the app its tab became visible again. */
const pollNow = (page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
async function waitForPoll(s, before) {
  for (let i = 0; i < 200 && s.requests.filter((r) => r.path === '/feed.json' && r.status).length <= before; i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function mutations(browser) {
  const added = [],
    unchanged = [];
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
    let before = s.requests.filter((r) => r.path === '/feed.json' && r.status).length;
    await pollNow(page);
    await waitForPoll(s, before);
    await page.waitForTimeout(300);
    unchanged.push(await page.evaluate(() => window.__mutations));
    s.write('feed.json', feedOf(1000, [{ id: 'new', title: 'מבזק חדש', date_published: '2024-12-27T15:00:00+02:00' }]));
    await page.evaluate(() => {
      window.__mutations = 0;
    });
    before = s.requests.filter((r) => r.path === '/feed.json' && r.status).length;
    await pollNow(page);
    await waitForPoll(s, before);
    await page.locator('.flashes .flash', { hasText: 'מבזק חדש' }).waitFor();
    await page.waitForTimeout(300);
    added.push(await page.evaluate(() => window.__mutations));
    await page.close();
    await s.close();
  }
  figure('poll.mutations_one_new_flash', median(added), 'count', '1,000-item feed, MutationObserver records');
  figure('poll.mutations_304', median(unchanged), 'count');
}

async function marquee(browser) {
  const frames = [],
    dropped = [],
    longTasks = [];
  const blockedShown = [],
    blockedDropped = [],
    blockedGap = [];
  const s = await site({ 'config.json': { ...CONFIG, ticker: { mode: 'marquee', speed: 60, count: 20 } } });
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      await page.goto(s.url);
      await page.locator('.marquee-group .flash').first().waitFor();
      const [count, late, long] = await page.evaluate(
        () =>
          new Promise((resolve) => {
            let frames = 0,
              late = 0,
              long = 0,
              last = performance.now();
            new PerformanceObserver((l) => {
              long += l.getEntries().filter((e) => e.duration > 50).length;
            }).observe({ type: 'longtask' });
            const start = last;
            const tick = (now) => {
              frames++;
              if (now - last > (1000 / 60) * 1.5) late++;
              last = now;
              if (now - start < 10_000) requestAnimationFrame(tick);
              else resolve([frames, late, long]);
            };
            requestAnimationFrame(tick);
          }),
      );
      frames.push(count);
      dropped.push(late);
      longTasks.push(long);
      // The same strip while the main thread is blocked for 200 ms every second:
      // rAF cannot see frames then, so the compositor's own frame reports count.
      await browser.startTracing(page, {
        categories: ['cc', 'benchmark', 'disabled-by-default-devtools.timeline.frame'],
      });
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const id = setInterval(() => {
              const t = performance.now();
              while (performance.now() - t < 200);
            }, 1000);
            setTimeout(() => {
              clearInterval(id);
              resolve();
            }, 10_000);
          }),
      );
      const trace = JSON.parse((await browser.stopTracing()).toString());
      const reports = (trace.traceEvents ?? trace)
        .filter((e) => e.name === 'PipelineReporter' && e.ph === 'b' && e.args?.frame_reporter)
        .map((e) => ({ at: e.ts / 1000, state: e.args.frame_reporter.state }));
      const shown = reports
        .filter((r) => r.state === 'STATE_PRESENTED_ALL')
        .map((r) => r.at)
        .sort((a, b) => a - b);
      let gap = 0;
      for (let k = 1; k < shown.length; k++) gap = Math.max(gap, shown[k] - shown[k - 1]);
      blockedShown.push(shown.length);
      blockedDropped.push(reports.filter((r) => /DROPPED|PARTIAL/.test(r.state)).length);
      blockedGap.push(gap);
      await page.close();
    }
    figure('marquee.frames_in_10s', median(frames), 'count', 'requestAnimationFrame callbacks');
    figure('marquee.late_frames_in_10s', median(dropped), 'count', 'frames more than 1.5 intervals apart');
    figure('marquee.long_tasks_in_10s', median(longTasks), 'count');
    figure(
      'marquee.blocked.frames_presented_in_10s',
      median(blockedShown),
      'count',
      'main thread blocked 200 ms every second; compositor frame reports',
    );
    figure('marquee.blocked.frames_dropped_in_10s', median(blockedDropped), 'count');
    figure('marquee.blocked.longest_frame_gap', median(blockedGap), 'ms');
  } finally {
    await s.close();
  }
}

async function memory(browser) {
  const wasmGrowth = [],
    heapGrowth = [];
  for (let run = 0; run < RUNS; run++) {
    const s = await site(
      { 'feed.json': feedOf(100), 'config.json': { ...CONFIG, poll_seconds: 3600 } },
      { isolate: true },
    );
    const page = await browser.newPage();
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => {
        window.__memory = e.detail.wasm.memory;
      });
    });
    await page.goto(s.url);
    await page.locator('.flashes .flash').first().waitFor();
    const measure = () =>
      page.evaluate(async () => {
        const detailed =
          self.crossOriginIsolated && performance.measureUserAgentSpecificMemory
            ? (await performance.measureUserAgentSpecificMemory()).bytes
            : performance.memory.usedJSHeapSize;
        return [window.__memory.buffer.byteLength, detailed];
      });
    // Warm up, so lazily built state is not counted as growth.
    for (let i = 0; i < 20; i++) await poll(i);
    const [wasm0, heap0] = await measure();
    for (let i = 20; i < 520; i++) await poll(i);
    const [wasm1, heap1] = await measure();
    wasmGrowth.push((wasm1 - wasm0) / 1024);
    heapGrowth.push((heap1 - heap0) / 1024);
    await page.close();
    await s.close();
    async function poll(i) {
      s.write(
        'feed.json',
        feedOf(100, [{ id: `poll-${i}`, title: `מבזק ${i}`, date_published: '2024-12-27T15:00:00+02:00' }]),
      );
      const before = s.requests.filter((r) => r.path === '/feed.json' && r.status).length;
      await pollNow(page);
      await waitForPoll(s, before);
      await page.waitForTimeout(5);
    }
  }
  figure('memory.wasm_growth_after_500_polls', median(wasmGrowth), 'KB');
  figure(
    'memory.js_heap_growth_after_500_polls',
    median(heapGrowth),
    'KB',
    'measureUserAgentSpecificMemory under COOP/COEP',
  );
}

async function lighthouse() {
  const s = await site();
  const bin = path.resolve(here, 'node_modules/.bin/lighthouse');
  const scores = { performance: [], accessibility: [], 'best-practices': [], seo: [] };
  const audits = {
    'first-contentful-paint': [],
    'largest-contentful-paint': [],
    'total-blocking-time': [],
    'cumulative-layout-shift': [],
  };
  try {
    for (let run = 0; run < RUNS; run++) {
      let report;
      for (let attempt = 0; attempt < 3 && !report; attempt++) {
        try {
          // Asynchronously: this process serves the pages Lighthouse loads.
          const { stdout: out } = await promisify(execFile)(
            bin,
            [s.url, '--output=json', '--quiet', '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
            {
              env: { ...process.env, CHROME_PATH: '/usr/lib/chromium/chromium' },
              maxBuffer: 64 * 1024 * 1024,
              timeout: 120_000,
              killSignal: 'SIGKILL',
            },
          );
          report = JSON.parse(out);
          if (report.runtimeError) report = undefined; // NO_NAVSTART now and then: retry
        } catch {}
      }
      if (!report) continue;
      for (const key of Object.keys(scores)) scores[key].push(report.categories[key].score * 100);
      for (const key of Object.keys(audits)) audits[key].push(report.audits[key].numericValue);
    }
    if (!scores.performance.length) {
      console.log('# lighthouse: no run succeeded');
      return;
    }
    for (const [key, values] of Object.entries(scores)) figure(`lighthouse.${key}`, median(values), 'score');
    figure('lighthouse.fcp', median(audits['first-contentful-paint']), 'ms');
    figure('lighthouse.lcp', median(audits['largest-contentful-paint']), 'ms');
    figure('lighthouse.tbt', median(audits['total-blocking-time']), 'ms');
    figure('lighthouse.cls', median(audits['cumulative-layout-shift']), 'score');
  } finally {
    await s.close();
  }
}

const browser = await chromium.launch(LAUNCH);
console.log(
  `# Mivzak bench, ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0].model}, median of ${RUNS} runs`,
);
try {
  if (wanted('bytes')) {
    console.log('# 1. first-load bytes over the wire');
    await firstLoadBytes(browser);
  }
  if (wanted('flash')) {
    console.log('# 2. navigation to flashes, 4x CPU slowdown, fast 4G');
    await firstFlash(browser);
  }
  if (wanted('lighthouse')) {
    console.log('# 3. Lighthouse, mobile');
    await lighthouse();
  }
  if (wanted('big')) {
    console.log('# 4. large feeds');
    await bigFeeds(browser);
  }
  if (wanted('mutations')) {
    console.log('# 5. DOM mutations per poll');
    await mutations(browser);
  }
  if (wanted('marquee')) {
    console.log('# 6. marquee smoothness');
    await marquee(browser);
  }
  if (wanted('memory')) {
    console.log('# 7. memory after 500 polls');
    await memory(browser);
  }
} finally {
  await browser.close();
}
fs.mkdirSync(path.resolve(here, '../target'), { recursive: true });
fs.writeFileSync(path.resolve(here, '../target/bench.txt'), lines.join('\n') + '\n');
