// The cross-engine suite: every scenario of scenarios.js in Firefox ESR and
// WebKitGTK, against the release dist/. Chromium has run the whole Playwright
// suite by then, so `make test` leaves it out here (issue 23, §5); name it to
// run the scenarios there too.
//
//   node engines/run.js                      Firefox and WebKit, all scenarios
//   ENGINES=webkit SCENARIOS=marquee node engines/run.js   a subset (names contain the words)
//   ENGINES=chromium,firefox,webkit node engines/run.js    all three
//
// A scenario fails on its own assertions, on a timeout, and on anything the
// in-page probe (probe.js) reported from any page of its sites that it did not
// expect: an uncaught error or rejection, a failed script, a CSP violation, a
// wasm that did not start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startIsso } from '../support/isso.js';
import { makeSite } from '../support/sites.js';
import { serveDir } from '../support/static-server.js';
import { ENGINES } from './browsers.js';
import { SCENARIOS as BASIC } from './scenarios.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PROBE = fs.readFileSync(path.join(here, 'probe.js'), 'utf8');
const SCENARIO_TIMEOUT = 90_000;

const pick = (list, words) =>
  words ? list.filter((name) => words.split(',').some((w) => name.includes(w.trim()))) : list;
const engines = pick(Object.keys(ENGINES), process.env.ENGINES ?? 'firefox,webkit');
const scenarios = BASIC.filter((s) => pick([s.name], process.env.SCENARIOS).length);

/** What one scenario may start: sites, a second-origin host page, Isso; all closed after it. */
function resources() {
  const open = [];
  const servers = [];
  return {
    servers,
    async site(options = {}) {
      const site = await makeSite({ ...options, probe: PROBE });
      open.push(site);
      servers.push(site);
      return site;
    },
    /** A third-party page on its own origin with `body` and the site's embed.js. */
    async hostPage(site, body) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-host-'));
      fs.writeFileSync(
        path.join(root, 'index.html'),
        `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<script>window.__messages = []; addEventListener('message', (e) => __messages.push(e.data));</script></head>
<body><h1>A partner page</h1>${body}<script src="${site.url}embed.js" async></script></body></html>`,
      );
      const server = await serveDir(root, { probe: PROBE });
      open.push({
        close: async () => {
          await server.close();
          fs.rmSync(root, { recursive: true, force: true });
        },
      });
      servers.push(server);
      return server;
    },
    async isso(site) {
      const isso = await startIsso(site.origin);
      open.push(isso);
      const config = JSON.parse(fs.readFileSync(path.join(site.root, 'config.json'), 'utf8'));
      site.write('config.json', { ...config, comments_url: isso.url });
      return isso;
    },
    async close() {
      for (const item of open.reverse()) await item.close().catch(() => {});
    },
  };
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function runScenario(browser, scenario) {
  const page = await browser.newPage();
  const used = resources();
  try {
    await withTimeout(scenario.run({ page, ...used }), SCENARIO_TIMEOUT, scenario.name);
    // Reports are posted as they happen; give the last ones a moment to land.
    await new Promise((r) => setTimeout(r, 300));
    const problems = used.servers.flatMap((server) => server.probeReports);
    if (!scenario.expectsStartFailure && problems.length) {
      throw new Error(`the page reported:\n${problems.map((p) => `  ${p.kind}: ${p.detail} (${p.page})`).join('\n')}`);
    }
  } finally {
    await page.close().catch(() => {});
    await used.close();
  }
}

const results = [];
const started = Date.now();
for (const name of engines) {
  const engine = ENGINES[name];
  if (!fs.existsSync(engine.binary)) {
    console.error(`${name}: ${engine.binary} is missing (make browser installs it)`);
    results.push({ engine: name, name: '(launch)', error: new Error('browser missing') });
    continue;
  }
  const launchedAt = Date.now();
  let browser;
  try {
    browser = await engine.launch();
  } catch (error) {
    console.error(`${name}: could not start: ${error.message}`);
    results.push({ engine: name, name: '(launch)', error });
    continue;
  }
  console.log(`\n${name} (${browser.version}), started in ${Date.now() - launchedAt} ms`);
  for (const scenario of scenarios) {
    const t0 = Date.now();
    let error = null;
    try {
      await runScenario(browser, scenario);
    } catch (e) {
      error = e;
    }
    const ms = Date.now() - t0;
    results.push({ engine: name, name: scenario.name, error, ms });
    console.log(`  ${error ? '✘' : '✓'} ${scenario.name} (${ms} ms)`);
    if (error)
      console.log(
        `      ${String(error.stack ?? error)
          .split('\n')
          .slice(0, 8)
          .join('\n      ')}`,
      );
  }
  await browser.close().catch(() => {});
}

const failed = results.filter((r) => r.error);
console.log(
  `\n${results.length - failed.length} passed, ${failed.length} failed, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
for (const r of failed) console.log(`  ✘ ${r.engine}: ${r.name}`);
process.exit(failed.length ? 1 : 0);
