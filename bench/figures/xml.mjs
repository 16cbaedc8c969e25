// 11. The RSS and Atom reader (issue 22), a wasm chunk of its own in the split
// build (`xml_chunk`, src/feed/read.rs): what it weighs, whether a JSON Feed site
// ever fetches it, what it adds to an RSS site's first flash, and how long the
// app takes to read a 5,000-item RSS feed against the same items as JSON Feed.
// A 4x slower CPU, no network throttling: the figures are about the wasm's work.
import fs from 'node:fs';
import path from 'node:path';
import { CPU_SLOWDOWN } from '../lib/chromium.mjs';
import { DEBUG, figure, median, RUNS } from '../lib/figures.mjs';
import { brotli, CONFIG, DIST, networkQuiet, pollNow, ROOT, site } from '../lib/site.mjs';

/** The files the `xml_chunk` split point loads, read from the loader wasm-split
 *  writes beside the main wasm (`mivzak-HASH-split.js`): its own chunk first,
 *  then the shared chunks it waits for (as scripts/wasm-split.mjs reads it). */
function xmlChunkFiles() {
  const loader = fs.readdirSync(DIST).find((file) => /^mivzak-[0-9a-f]+-split\.js$/.test(file));
  if (!loader) throw new Error('bench xml: dist/ has no split loader (a build without the split feature?)');
  const source = fs.readFileSync(path.join(DIST, loader), 'utf8');
  const fetched = (body) => body.match(/fetch\(new URL\("\.\/([^"]+)"/)?.[1];
  const shared = new Map();
  for (const [, name, body] of source.matchAll(/const (__chunk_\d+) = makeLoad\(([\s\S]*?)\n, \[/g)) {
    shared.set(name, fetched(body));
  }
  const xml = source.match(
    /export const __wasm_split_load_xml_chunk = wrapAsyncCb\(makeLoad\(([\s\S]*?)\n, \[([^\]]*)\]/,
  );
  if (!xml) throw new Error(`bench xml: ${loader} has no xml_chunk loader`);
  const waits = xml[2]
    .split(',')
    .map((dep) => dep.trim())
    .filter(Boolean);
  return { own: fetched(xml[1]), shared: waits.map((dep) => shared.get(dep)) };
}

/** Asks `s` once for each of its files, so that the server has compressed them
 *  (brotli 11, once per server, seconds for the main wasm) before a run is timed. */
async function warm(s) {
  for (const entry of fs.readdirSync(s.root, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    await (await fetch(s.url + entry.name, { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
  }
}

/** Notes in `window.__flash` when the app's first flash row is on screen (ms from
 *  navigation), and in `window.__shown` the first row of any kind. The app's view
 *  is built hidden beside the page it was given (`#app`: a published page's rows,
 *  or the skeleton) and swapped in (src/mount.rs), so a row outside the first
 *  `#app` is the app's. */
const WATCH_APP_FLASH = () => {
  window.__flash = 0;
  window.__shown = 0;
  let shell = null;
  const seen = (key) => {
    window[key] = -1;
    requestAnimationFrame(() => {
      window[key] = performance.now();
    });
  };
  const observer = new MutationObserver(() => {
    shell ??= document.getElementById('app');
    const rows = [...document.querySelectorAll('.flashes .flash')].filter((row) => row.getClientRects().length);
    if (rows.length && !window.__shown) seen('__shown');
    if (!rows.some((row) => !shell?.contains(row))) return;
    observer.disconnect();
    seen('__flash');
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
};

/** Loads the home page of `s` on a 4x slower CPU until the app's first flash is
 *  on screen; `workers: 'allow'` lets the service worker install (and precache).
 *  Returns the open page, its context and when the app's flash came. */
async function load(browser, s, workers = 'block') {
  const context = await browser.newContext({ serviceWorkers: workers });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(WATCH_APP_FLASH);
  await page.goto(s.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__flash > 0, null, { timeout: 120_000, polling: 100 });
  const [flash, shown] = await page.evaluate(() => [window.__flash, window.__shown]);
  return { context, page, flash, shown };
}

/** When the last answer for the feed named `name` ended (ms from navigation). */
const feedEnd = (page, name) =>
  page.evaluate(
    (name) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.endsWith(`/${name}`))
        .at(-1).responseEnd,
    name,
  );

// The generated feed: 5,000 items a minute apart back from 14:00 Israel time on
// 27 December 2024 (+0200), Hebrew headlines and bodies of a paragraph and an image,
// about 440 bytes an item as RSS (2.2 MB), as a newsroom's full archive feed would be.
const AT = Date.UTC(2024, 11, 27, 12, 0);
const TOPICS = ['הממשלה', 'צה"ל', 'בנק ישראל', 'משטרת ישראל', 'עיריית תל אביב', 'משרד הבריאות', 'הכנסת'];
const EVENTS = ['הודיעו על צעד חדש', 'פרסמו הנחיות מעודכנות', 'אישרו את התקציב', 'הזהירו מפני עומסים', 'מסרו עדכון'];
const CATEGORIES = ['חדשות', 'כלכלה', 'ספורט', 'תרבות', 'בריאות', 'מזג אוויר'];
const WRITERS = ['דנה כהן', 'יוסי לוי', 'מיכל אברהם', 'אבי מזרחי', 'רונית שחר'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FRESH = 'מבזק חדש בראש העדכון';

/** The items, newest first; `fresh` adds one at 14:01, for a poll to bring. */
function generated(n, fresh) {
  const items = [];
  for (let i = fresh ? -1 : 0; i < n; i++) {
    const topic = TOPICS[i % TOPICS.length];
    const event = EVENTS[Math.abs(i) % EVENTS.length];
    const url = `https://news.example/a/${i < 0 ? 'fresh' : i}`;
    items.push({
      url,
      title: i < 0 ? FRESH : `${topic} ${event} (${i})`,
      html: `<p>${event}; פרטים בהמשך.</p><img src="https://news.example/i/${i}.jpg" alt="">`,
      at: new Date(AT - i * 60_000 + 2 * 3600_000), // the Israel wall clock, read with getUTC…
      category: CATEGORIES[Math.abs(i) % CATEGORIES.length],
      author: WRITERS[Math.abs(i) % WRITERS.length],
    });
  }
  return items;
}

const two = (n) => String(n).padStart(2, '0');
const clock = (d) => `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:00`;

function rssOf(n, fresh = false) {
  const items = generated(n, fresh).map(
    ({ url, title, html, at, category, author }) =>
      `<item><title>${title}</title><link>${url}</link><guid>${url}</guid>` +
      `<pubDate>${DAYS[at.getUTCDay()]}, ${two(at.getUTCDate())} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${clock(at)} +0200</pubDate>` +
      `<category>${category}</category><dc:creator>${author}</dc:creator><description><![CDATA[${html}]]></description></item>\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>חדשות 24</title><link>https://www.hadashot24.example/</link><description>מבזקים</description><language>he</language>
${items.join('')}</channel></rss>
`;
}

function jsonOf(n, fresh = false) {
  const items = generated(n, fresh).map(({ url, title, html, at, category, author }) => ({
    id: url,
    url,
    title,
    content_html: html,
    date_published: `${at.toISOString().slice(0, 10)}T${clock(at)}+02:00`,
    tags: [category],
    authors: [{ name: author }],
  }));
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'חדשות 24',
    home_page_url: 'https://www.hadashot24.example/',
    language: 'he',
    items,
  });
}

export async function xml(browser) {
  const files = xmlChunkFiles();
  // Its own chunk and the shared ones it waits for: what an RSS site's first load
  // fetches for it (the shared ones hold code the article chunk uses too).
  const chunkFiles = [files.own, ...files.shared];
  const sizes = chunkFiles.map((file) => {
    const body = fs.readFileSync(path.join(DIST, file));
    return { file, raw: body.length, br: brotli(body) };
  });
  const sum = (key) => sizes.reduce((total, size) => total + size[key], 0);
  figure(
    'xml_chunk_bytes',
    sum('br'),
    'B',
    `brotli 11: ${sizes.map(({ file, br }) => `${file.replace(/^mivzak-[0-9a-f]+-/, '')} ${br}`).join(' + ')}`,
  );
  figure('xml_chunk_raw_bytes', sum('raw'), 'B');

  const json = await site();
  const rss = await site({
    'feed.xml': fs.readFileSync(path.join(ROOT, 'tests/fixtures/xml-feeds/ynet-flashes.xml'), 'utf8'),
    'config.json': { ...CONFIG, feed_url: 'feed.xml' },
  });
  try {
    await warm(json);
    await warm(rss);
    // What each site fetches until quiet, the idle prefetch of chunks let run
    // (src/chunks.rs). The service worker is blocked first (the app's own fetches),
    // then let install: its precache takes every .wasm (scripts/service-worker.mjs).
    const wasm = {};
    for (const [label, s, workers, note] of [
      ['json_site_fetches_xml_chunk', json, 'block', 'the sample feed.json, the service worker blocked'],
      ['rss_site_fetches_xml_chunk', rss, 'block', 'ynet-flashes.xml as feed.xml, the same'],
      ['json_site_sw_fetches_xml_chunk', json, 'allow', 'the sample feed.json, the service worker let install'],
    ]) {
      const from = s.requests.length;
      const { context } = await load(browser, s, workers);
      await networkQuiet(s, 2000);
      const paths = s.requests.slice(from).map((r) => r.path);
      figure(label, paths.filter((p) => p === `/${files.own}`).length, 'count', note);
      wasm[label] = new Set(paths.filter((p) => p.endsWith('.wasm')));
      await context.close();
    }
    const extra = [...wasm.rss_site_fetches_xml_chunk].filter((p) => !wasm.json_site_fetches_xml_chunk.has(p));
    // The shared chunks the reader waits for are the article's too (prefetched on
    // idle by every site), so they need not be in this difference.
    console.log(`# wasm the RSS page fetched and the JSON page did not: ${extra.join(', ') || 'none'}`);

    const jsonFlash = [];
    const jsonShell = [];
    const rssFlash = [];
    for (let i = 0; i < RUNS; i++) {
      let loaded = await load(browser, json);
      jsonFlash.push(loaded.flash);
      jsonShell.push(loaded.shown);
      await loaded.context.close();
      loaded = await load(browser, rss);
      rssFlash.push(loaded.flash);
      await loaded.context.close();
      if (DEBUG) console.log('run', i, jsonShell.at(-1), jsonFlash.at(-1), rssFlash.at(-1));
    }
    figure('json_first_flash_ms', median(jsonFlash), 'ms', `sample feed.json, ${CPU_SLOWDOWN}x CPU, the app's row`);
    figure('rss_first_flash_ms', median(rssFlash), 'ms', 'ynet-flashes.xml, the same (no shell row before it)');
    figure('json_shell_first_flash_ms', median(jsonShell), 'ms', "sample feed.json, the static shell's row");
  } finally {
    await json.close();
    await rss.close();
  }

  // 5,000 items: on first load, from the feed's answer ending to the app's first
  // flash (the app asks for the feed once it runs, so this holds its parse and,
  // for RSS, the chunk's fetch too); then, the page up, from a poll's
  // answer ending to the one new flash it brought on screen: reading the whole
  // document, comparing it with the flashes shown and drawing the row.
  for (const [kind, name, of] of [
    ['rss', 'feed.xml', rssOf],
    ['json', 'feed.json', jsonOf],
  ]) {
    const base = of(5000);
    const fresh = of(5000, true);
    const s = await site({ [name]: base, 'config.json': { ...CONFIG, feed_url: name, poll_seconds: 3600 } });
    const firstLoad = [];
    const poll = [];
    try {
      await warm(s);
      for (let i = 0; i < RUNS; i++) {
        fs.writeFileSync(path.join(s.root, name), base);
        const { context, page, flash } = await load(browser, s);
        firstLoad.push(flash - (await feedEnd(page, name)));
        fs.writeFileSync(path.join(s.root, name), fresh);
        await page.evaluate((title) => {
          window.__fresh = 0;
          const observer = new MutationObserver(() => {
            if (![...document.querySelectorAll('.flashes .flash')].some((row) => row.textContent.includes(title)))
              return;
            observer.disconnect();
            requestAnimationFrame(() => {
              window.__fresh = performance.now();
            });
          });
          observer.observe(document, { childList: true, subtree: true, characterData: true });
        }, FRESH);
        await pollNow(page);
        await page.waitForFunction(() => window.__fresh > 0, null, { timeout: 120_000, polling: 100 });
        poll.push((await page.evaluate(() => window.__fresh)) - (await feedEnd(page, name)));
        await context.close();
        if (DEBUG) console.log('run', i, kind, firstLoad.at(-1), poll.at(-1));
      }
    } finally {
      await s.close();
    }
    const size = `${(Buffer.byteLength(base) / 1e6).toFixed(2)} MB`;
    figure(
      `parse_5000_item_${kind}_ms`,
      median(poll),
      'ms',
      `${size}, ${CPU_SLOWDOWN}x CPU: a poll's answer ending to its one new flash on screen`,
    );
    figure(
      `load_5000_item_${kind}_first_flash_ms`,
      median(firstLoad),
      'ms',
      "first load: the feed's answer ending to the app's first flash",
    );
  }
}
