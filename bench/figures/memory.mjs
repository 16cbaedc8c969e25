// 7. Memory growth over 500 polls that each bring one new flash: the wasm's linear
// memory and the JS heap (measureUserAgentSpecificMemory under COOP/COEP).
import { figure, median, RUNS } from '../lib/figures.mjs';
import { CONFIG, feedOf, feedPolls, pollNow, site, waitForPoll } from '../lib/site.mjs';

/** The wasm memory's size and the page's JS heap, in bytes. */
function measure(page) {
  return page.evaluate(async () => {
    const detailed =
      self.crossOriginIsolated && performance.measureUserAgentSpecificMemory
        ? (await performance.measureUserAgentSpecificMemory()).bytes
        : performance.memory.usedJSHeapSize;
    return [window.__memory.buffer.byteLength, detailed];
  });
}

/** Serves a feed with one more flash (`poll-i`) and has the app poll it. */
async function pollOneNew(page, s, i) {
  s.write(
    'feed.json',
    feedOf(100, [{ id: `poll-${i}`, title: `מבזק ${i}`, date_published: '2024-12-27T15:00:00+02:00' }]),
  );
  const before = feedPolls(s);
  await pollNow(page);
  await waitForPoll(s, before);
  await page.waitForTimeout(5);
}

export async function memory(browser) {
  const wasmGrowth = [];
  const heapGrowth = [];
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
    // Warm up, so lazily built state is not counted as growth.
    for (let i = 0; i < 20; i++) await pollOneNew(page, s, i);
    const [wasm0, heap0] = await measure(page);
    for (let i = 20; i < 520; i++) await pollOneNew(page, s, i);
    const [wasm1, heap1] = await measure(page);
    wasmGrowth.push((wasm1 - wasm0) / 1024);
    heapGrowth.push((heap1 - heap0) / 1024);
    await page.close();
    await s.close();
  }
  figure('memory.wasm_growth_after_500_polls', median(wasmGrowth), 'KB');
  figure(
    'memory.js_heap_growth_after_500_polls',
    median(heapGrowth),
    'KB',
    'measureUserAgentSpecificMemory under COOP/COEP',
  );
}
