// 6. The marquee's smoothness over 10 s: frames seen by requestAnimationFrame, then
// the compositor's frames while the main thread is blocked 200 ms every second.
import { figure, median, RUNS } from '../lib/figures.mjs';
import { CONFIG, site } from '../lib/site.mjs';

/** requestAnimationFrame callbacks, those more than 1.5 intervals late, and long
 *  tasks, over 10 s in the page. */
function framesFor10s() {
  return new Promise((resolve) => {
    let frames = 0;
    let late = 0;
    let long = 0;
    let last = performance.now();
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
  });
}

/** Blocks the page's main thread for 200 ms every second, for 10 s. */
function blockFor10s() {
  return new Promise((resolve) => {
    const id = setInterval(() => {
      const t = performance.now();
      while (performance.now() - t < 200);
    }, 1000);
    setTimeout(() => {
      clearInterval(id);
      resolve();
    }, 10_000);
  });
}

/** The compositor's frames in a trace: how many were presented, dropped, and the
 *  longest gap between two presented (ms). */
function compositorFrames(trace) {
  const reports = (trace.traceEvents ?? trace)
    .filter((e) => e.name === 'PipelineReporter' && e.ph === 'b' && e.args?.frame_reporter)
    .map((e) => ({ at: e.ts / 1000, state: e.args.frame_reporter.state }));
  const shown = reports
    .filter((r) => r.state === 'STATE_PRESENTED_ALL')
    .map((r) => r.at)
    .sort((a, b) => a - b);
  let gap = 0;
  for (let k = 1; k < shown.length; k++) gap = Math.max(gap, shown[k] - shown[k - 1]);
  return { presented: shown.length, dropped: reports.filter((r) => /DROPPED|PARTIAL/.test(r.state)).length, gap };
}

export async function marquee(browser) {
  const frames = [];
  const dropped = [];
  const longTasks = [];
  const blockedShown = [];
  const blockedDropped = [];
  const blockedGap = [];
  const s = await site({ 'config.json': { ...CONFIG, ticker: { mode: 'marquee', speed: 60, count: 20 } } });
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      await page.goto(s.url);
      await page.locator('.marquee-group .flash').first().waitFor();
      const [count, late, long] = await page.evaluate(framesFor10s);
      frames.push(count);
      dropped.push(late);
      longTasks.push(long);
      // The same strip while the main thread is blocked: rAF cannot see frames
      // then, so the compositor's own frame reports count.
      await browser.startTracing(page, {
        categories: ['cc', 'benchmark', 'disabled-by-default-devtools.timeline.frame'],
      });
      await page.evaluate(blockFor10s);
      const blocked = compositorFrames(JSON.parse((await browser.stopTracing()).toString()));
      blockedShown.push(blocked.presented);
      blockedDropped.push(blocked.dropped);
      blockedGap.push(blocked.gap);
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
