// End-to-end tests in Debian's Chromium (never a downloaded browser) against the
// release dist/ served by the plain static server in support/.
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/chromium-flags.js';

export default defineConfig({
  testDir: './specs',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    locale: 'he-IL',
    // The browser's own zone is not the site's: times must come from config.time_zone.
    timezoneId: 'America/New_York',
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
    },
    trace: 'off',
  },
});
