// `make bench`: the figures of issue 8, each the median of RUNS runs, printed as
// `name value unit` lines (machine-readable) under a human-readable heading, and
// written to target/bench.txt. It drives Debian's Chromium through Playwright
// against the release dist/ served as a CDN would: precompressed brotli and gzip,
// COOP/COEP for memory measurement.
//
//   node bench/run.mjs                       every group
//   BENCH_ONLY=bytes,flash node bench/run.mjs  the groups named (keys below)
//   BENCH_RUNS=1 BENCH_DEBUG=1 …             fewer runs, each run's details
//
// One file per figure group in bench/figures/; what they share in bench/lib/.
import os from 'node:os';
import path from 'node:path';
import { bigFeeds } from './figures/big-feeds.mjs';
import { firstLoadBytes } from './figures/bytes.mjs';
import { publishedClickToArticle } from './figures/click.mjs';
import { entries } from './figures/entries.mjs';
import { firstFlash, publishedFirstFlash } from './figures/flash.mjs';
import { lighthouse, publishedSeo } from './figures/lighthouse.mjs';
import { marquee } from './figures/marquee.mjs';
import { memory } from './figures/memory.mjs';
import { mutations } from './figures/mutations.mjs';
import { publish } from './figures/publish.mjs';
import { publishedHomeBytes } from './figures/published-bytes.mjs';
import { xml } from './figures/xml.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { RUNS, writeFigures } from './lib/figures.mjs';
import { ROOT } from './lib/site.mjs';

const GROUPS = [
  { key: 'bytes', heading: '1. first-load bytes over the wire', measure: firstLoadBytes },
  { key: 'flash', heading: '2. navigation to flashes, 4x CPU slowdown, fast 4G', measure: firstFlash },
  { key: 'lighthouse', heading: '3. Lighthouse, mobile', measure: lighthouse },
  { key: 'big', heading: '4. large feeds', measure: bigFeeds },
  { key: 'mutations', heading: '5. DOM mutations per poll', measure: mutations },
  { key: 'marquee', heading: '6. marquee smoothness', measure: marquee },
  { key: 'memory', heading: '7. memory after 500 polls', measure: memory },
  { key: 'publish', heading: '8. publish-time HTML (mivzak-render)', measure: publish },
  {
    key: 'published',
    heading:
      "9. published pages: issue 23's targets side by side at 4x CPU on slow 4G (first flash against " +
      "static HTML, the home's HTML and inline script, click to article against a vanilla-JS SPA), " +
      'Lighthouse SEO with JavaScript off',
    async measure(browser) {
      await publishedFirstFlash(browser);
      await publishedHomeBytes();
      await publishedClickToArticle(browser);
      await publishedSeo();
    },
  },
  { key: 'entries', heading: '10. per entry: first load until quiet, interactive, click to article', measure: entries },
  {
    key: 'xml',
    heading:
      '11. the RSS and Atom reader (wasm chunk xml_chunk), 4x CPU, no network throttling: its bytes, who fetches it, ' +
      "first flash, and reading 5,000 items (a poll's answer ending to the new flash it brought on screen)",
    measure: xml,
  },
];

const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const unknown = [...(only ?? [])].filter((key) => !GROUPS.some((group) => group.key === key));
if (unknown.length) {
  console.error(`BENCH_ONLY: no group ${unknown.join(', ')} (groups: ${GROUPS.map((g) => g.key).join(', ')})`);
  process.exit(2);
}

const browser = await launchChromium();
console.log(
  `# Mivzak bench, ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0].model}, median of ${RUNS} runs`,
);
try {
  for (const { key, heading, measure } of GROUPS) {
    if (only && !only.has(key)) continue;
    console.log(`# ${heading}`);
    await measure(browser);
  }
} finally {
  await browser.close();
}
writeFigures(path.join(ROOT, 'target/bench.txt'));
