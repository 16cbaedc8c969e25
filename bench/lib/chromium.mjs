// Debian's Chromium as the bench drives it, and the throttling of a slow phone.
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../tests/e2e/support/chromium-flags.js';

/** Flags for a quiet headless run as root; precise memory for the memory figures. */
const LAUNCH = {
  executablePath: CHROMIUM,
  args: [...CHROMIUM_FLAGS, '--enable-precise-memory-info'],
};

/** The executable Lighthouse launches itself (the /usr/bin wrapper script trips it). */
export const CHROME_PATH = '/usr/lib/chromium/chromium';

// DevTools' "Fast 4G" and a mid-range phone's CPU.
const FAST_4G = {
  offline: false,
  latency: 60,
  downloadThroughput: (9 * 1024 * 1024) / 8,
  uploadThroughput: (1.5 * 1024 * 1024) / 8,
};
/** The CPU slowdown of every throttled figure. */
export const CPU_SLOWDOWN = 4;
/** Lighthouse's mobile "slow 4G" (150 ms RTT, 1.6 Mbps down, 750 kbps up) applied
 *  through DevTools as Lighthouse's own devtools throttling applies it: request latency
 *  150 ms × 3.75, throughput × 0.9 (lighthouse-core `constants.throttling.mobileSlow4G`). */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 0.9 * 1024) / 8,
  uploadThroughput: (750 * 0.9 * 1024) / 8,
};

/** What `throttle` emulates, for the figures' headings and notes. */
export const THROTTLING = `${CPU_SLOWDOWN}x CPU, fast 4G`;
export const SLOW_THROTTLING = `${CPU_SLOWDOWN}x CPU, slow 4G`;

/** Starts Chromium, with `args` added to its flags. */
export function launchChromium(args = []) {
  return chromium.launch({ ...LAUNCH, args: [...LAUNCH.args, ...args] });
}

/** Makes `page` (of `context`) a phone on `network` (fast 4G unless given) with nothing cached. */
export async function throttle(context, page, network = FAST_4G) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
}
