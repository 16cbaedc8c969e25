// The `site` fixture: a copy of the built dist/ in a temporary folder, with the
// config and feed a test asks for, served by the plain static server.
import { test as base, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir } from './static-server.js';
import { startIsso } from './isso.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(here, '../../../dist');
/** The same build with `--public-url /news/`. */
export const DIST_NEWS = path.resolve(here, '../../../target/dist-news');
export const SAMPLE_FEED = JSON.parse(fs.readFileSync(path.join(DIST, 'feed.json'), 'utf8'));
export const SAMPLE_CONFIG = JSON.parse(fs.readFileSync(path.join(DIST, 'config.json'), 'utf8'));

/** Copies dist/ and starts a server; `config` and `files` override what is there. */
export async function makeSite({ config, files = {}, base: sub = '/', headers, dist = DIST } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-site-'));
  fs.cpSync(dist, root, { recursive: true });
  if (config) fs.writeFileSync(path.join(root, 'config.json'), JSON.stringify({ ...SAMPLE_CONFIG, ...config }));
  for (const [name, content] of Object.entries(files)) writeFile(root, name, content);
  // Served with the Content-Security-Policy the build writes, as a CDN would.
  const server = await serveDir(root, { base: sub, headers, securityHeaders: true });
  return {
    ...server,
    write: (name, content) => writeFile(root, name, content),
    remove: (name) => fs.rmSync(path.join(root, name), { force: true }),
    async close() {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

function writeFile(root, name, content) {
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a poll never reads half a file.
  fs.writeFileSync(file + '.tmp', typeof content === 'string' ? content : JSON.stringify(content));
  fs.renameSync(file + '.tmp', file);
}

export const test = base.extend({
  // Hostile HTML is parsed (inertly) by the sanitizer, and Chromium reports the
  // inline handlers and styles it carries against the CSP: for the XSS tests those
  // reports are the policy doing its job, so they opt out of failing on them.
  cspViolationsExpected: [false, { option: true }],
  // Every page fails its test on an uncaught error; console output is kept for the report.
  page: async ({ page, cspViolationsExpected }, use, testInfo) => {
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    // Any Content-Security-Policy violation, in the page or its frames, fails the test.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} at ${location.href}`);
      });
    });
    page.on('console', (message) => {
      const fatal = cspViolationsExpected ? /panicked|RuntimeError|unreachable/ : /panicked|RuntimeError|unreachable|CSP violation/;
      if (message.type() === 'error' && fatal.test(message.text())) {
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
  // `await withComments({ site, isso })`: a site whose config points at a real Isso
  // of its own (fresh database, CORS host set to the site's origin).
  withComments: async ({ siteWith }, use) => {
    const servers = [];
    await use(async ({ site: siteOptions = {}, isso: issoOptions = {} } = {}) => {
      const site = await siteWith(siteOptions);
      const isso = await startIsso(site.origin, issoOptions);
      servers.push(isso);
      site.write('config.json', { ...SAMPLE_CONFIG, ...(siteOptions.config ?? {}), comments_url: isso.url });
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
