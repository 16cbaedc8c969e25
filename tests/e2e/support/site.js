// The `site` fixture: a copy of the built dist/ in a temporary folder, with the
// config and feed a test asks for, served by the plain static server.
import { test as base, expect } from '@playwright/test';
import { proxyIssoThroughSite, startIsso } from './isso.js';
import { makeSite, SAMPLE_CONFIG } from './sites.js';

export { DIST, DIST_NEWS, makeSite, publish, RENDER, SAMPLE_CONFIG, SAMPLE_FEED, SAMPLE_NOW } from './sites.js';

/** Holds the app's wasm (every `*_bg.wasm`) on `page` until the function it
 *  returns is called: what a page shows before the app, and at its takeover. */
export async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

export const test = base.extend({
  // Every page fails its test on an uncaught error; console output is kept for the report.
  page: async ({ page }, use, testInfo) => {
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    // Any Content-Security-Policy violation, in the page or its frames, fails the test.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} at ${location.href}`);
      });
    });
    page.on('console', (message) => {
      // Hostile and real bodies too: the sanitizer renames what the policy would report.
      if (message.type() === 'error' && /panicked|RuntimeError|unreachable|CSP violation/.test(message.text())) {
        problems.push(`console: ${message.text()}`);
      }
    });
    await use(page);
    expect(problems, `uncaught errors in ${testInfo.title}`).toEqual([]);
  },
  site: async ({}, use) => {
    const site = await makeSite();
    await use(site);
    await site.close();
  },
  // `await siteWith({ config, files })`: a site of the test's own, closed after it.
  siteWith: async ({}, use) => {
    const sites = [];
    await use(async (options) => {
      const site = await makeSite(options);
      sites.push(site);
      return site;
    });
    for (const site of sites) await site.close();
  },
  // `await withComments({ site, isso, proxied })`: a site whose config points at a
  // real Isso of its own (fresh database, CORS host set to the site's origin);
  // `proxied`: through the site's own origin, where the test can make it fail.
  withComments: async ({ siteWith }, use) => {
    const servers = [];
    await use(async ({ site: siteOptions = {}, isso: issoOptions = {}, proxied = false } = {}) => {
      const site = await siteWith(siteOptions);
      const isso = await startIsso(site.origin, issoOptions);
      servers.push(isso);
      site.write('config.json', { ...SAMPLE_CONFIG, ...(siteOptions.config ?? {}), comments_url: isso.url });
      if (proxied) await proxyIssoThroughSite(site, isso);
      return { site, isso };
    });
    for (const isso of servers) await isso.close();
  },
});
export { expect };

/** The console warnings a page logs from now on (the app's details for developers). */
export function consoleWarnings(page) {
  const warnings = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  return warnings;
}
