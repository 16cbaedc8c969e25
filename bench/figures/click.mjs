// Issue 23's third target: a click on a flash until the article's first paragraph
// is on screen, on the published home (mivzak-render's page, the app taken over)
// against a vanilla-JS SPA of the same pages (bench/fixtures/vanilla-spa/), both
// served from the same copy of dist/ with the same feed.json, at 4x CPU on
// Lighthouse's slow 4G, runs interleaved. Each page is first loaded and left
// idle: the flash link drawn, (the app) its router live, the network quiet.
//
// Two kinds of article: the sample's one article with a body (plain text,
// JSON Feed's content_text), and an HTML body as a Hebrew WordPress feed's
// content:encoded carries it (bench/fixtures/html-body-item.json, put first in
// the served copy's feed), which the app sanitizes node by node (src/html/walk.rs)
// and the SPA through its own allowlist.
//
// Two page states, both measured:
// - after intent: the pointer on the flash first (the app prefetches its chunks
//   on pointerover, src/chunks.rs), the network quiet again, then the click: the
//   state the "today about 1.6–2×" was measured in, when the app still
//   prefetched its chunks on idle whatever the connection. The target's figure.
// - cold: the click alone. On this connection the app holds back its idle
//   prefetch (Chromium calls DevTools' slow 4G effectiveType "3g"; issue 23 §4),
//   so the click waits for the article's chunk over slow 4G.
//
// And a diagnostic, after intent again: both pages in a Chromium that compiles
// wasm eagerly (V8's --no-wasm-lazy-compilation). V8 compiles each wasm
// function on its first call (https://v8.dev/docs/wasm-compilation-pipeline),
// and nearly all the code a first click runs (the router's navigation, the
// article's view, the home's teardown) runs for the first time then; the
// vanilla page's few small functions pay little for the same. The gap between
// the two app figures is mostly that first-call compiling, which no setting of
// the page turns off (V8's compilation hints are still behind a flag). Read it
// as a pointer, not a measure: the eager browser's vanilla figure came out
// slower too in some runs, which narrows the ratio.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, SLOW_4G, SLOW_THROTTLING, throttle } from '../lib/chromium.mjs';
import { DEBUG, figure, median, pairedRatio, RUNS } from '../lib/figures.mjs';
import { publishSample } from '../lib/render.mjs';
import { networkQuiet, ROOT, SAMPLE, site } from '../lib/site.mjs';
import { addVanillaSpa } from '../lib/vanilla-spa.mjs';

/** The HTML-bodied item, without the fixture's own `_comment`. */
const { _comment, ...HTML_ITEM } = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'bench/fixtures/html-body-item.json'), 'utf8'),
);

/** The app draws an article's body paragraphs in `.article-body`
 *  (src/components/article_body.rs); the SPA draws them the same way. */
const FIRST_PARAGRAPH = 'article .article-body p';

/** In the page: clicks `link` and resolves with the milliseconds until `selector`
 *  is on screen (laid out, in a frame: the animation frame after it is there). */
const CLICK_UNTIL = ({ link, selector }) =>
  new Promise((resolve) => {
    const shown = () => document.querySelector(selector)?.getClientRects().length > 0;
    let start = 0;
    const done = () => {
      if (!shown()) return false;
      requestAnimationFrame(() => resolve(performance.now() - start));
      return true;
    };
    // `hidden` too: the app may build a view out of sight first (src/mount.rs).
    const observer = new MutationObserver(() => done() && observer.disconnect());
    observer.observe(document, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'class', 'style'],
    });
    start = performance.now();
    document.querySelector(link).click();
    if (done()) observer.disconnect();
  });

/** Milliseconds from a click on `link` to the first paragraph on screen, on `url`
 *  loaded fresh on a slow phone and left idle (`ready` in the page says when it
 *  is ready besides the link being there); with `intent`, the pointer moved onto
 *  the link and the network left to go quiet again before the click. */
async function clickToParagraph(browser, s, url, link, ready, intent) {
  // No service worker: DevTools' throttling of the page leaves a worker's own
  // fetches out, so the chunks it fetched (on use, src/chunks.rs) came at full
  // speed whenever it had taken the page over in time, and not otherwise.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  try {
    await throttle(context, page, SLOW_4G);
    await page.goto(url);
    await page.locator(link).waitFor({ timeout: 60_000 });
    if (ready) await page.waitForFunction(ready, null, { timeout: 60_000, polling: 100 });
    await networkQuiet(s, 2000);
    if (intent) {
      await page.hover(link);
      await networkQuiet(s, 2000);
    }
    return await page.evaluate(CLICK_UNTIL, { link, selector: FIRST_PARAGRAPH });
  } finally {
    await context.close();
  }
}

/** The selector of the home page's flash link to `item`, as the page at `url`
 *  draws it (the app and the SPA write an id into a path each its own way). */
async function flashLink(browser, url, item) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    const links = page.locator('.flashes .flash a', { hasText: item.title });
    await links.first().waitFor({ timeout: 60_000 });
    const href = await links.first().getAttribute('href');
    return `.flashes .flash a[href="${href}"]`;
  } finally {
    await page.close();
  }
}

export async function publishedClickToArticle(browser) {
  const s = await site({ 'feed.json': { ...SAMPLE, items: [HTML_ITEM, ...SAMPLE.items] } });
  try {
    publishSample(s);
    const spa = addVanillaSpa(s.root);
    // The sample's first flash whose article has a body (its others have none).
    const item = SAMPLE.items.find((i) => i.content_html?.trim() || i.content_text?.trim() || i.summary?.trim());
    const url = { published: s.url, vanilla: `${s.url}${spa}` };
    const link = { published: {}, vanilla: {} };
    for (const which of ['published', 'vanilla']) {
      link[which].text = await flashLink(browser, url[which], item);
      link[which].html = await flashLink(browser, url[which], HTML_ITEM);
    }
    const routerLive = () => performance.getEntriesByName('mivzak:router-live').length > 0;
    const runs = { published: { intent: [], cold: [], html: [] }, vanilla: { intent: [], cold: [], html: [] } };
    const ready = { published: routerLive, vanilla: null };
    // Each state: which article, and whether the pointer goes onto the flash first.
    const states = { intent: ['text', true], cold: ['text', false], html: ['html', true] };
    for (let i = 0; i < RUNS; i++) {
      // Interleaved, each first in turn, so a busy moment of the machine falls on both.
      const order = i % 2 ? ['vanilla', 'published'] : ['published', 'vanilla'];
      for (const [state, [kind, intent]] of Object.entries(states)) {
        for (const which of order) {
          const ms = await clickToParagraph(browser, s, url[which], link[which][kind], ready[which], intent);
          runs[which][state].push(ms);
        }
      }
      if (DEBUG)
        console.log(
          'run',
          i,
          JSON.stringify(runs, (_, v) => (typeof v === 'number' ? Math.round(v) : v)),
        );
    }
    const clicked = `a click on the flash of ${item.id} until its article's first body paragraph is on screen`;
    const { published, vanilla } = runs;
    figure(
      'published.click_to_article_paragraph',
      median(published.intent),
      'ms',
      `${clicked}, ${SLOW_THROTTLING}, the pointer on it first and the network quiet again`,
    );
    figure(
      'vanilla.click_to_article_paragraph',
      median(vanilla.intent),
      'ms',
      'a vanilla-JS SPA of the same pages (bench/fixtures/vanilla-spa/), the same way',
    );
    figure(
      'published_vs_vanilla.click_to_article_paragraph',
      median(published.intent) / median(vanilla.intent),
      'ratio',
      `target ≤ 1.5 (median of the runs' own ratios: ${pairedRatio(published.intent, vanilla.intent).toFixed(2)})`,
    );
    figure(
      'published.click_to_html_article_paragraph',
      median(published.html),
      'ms',
      `the same to the article of ${HTML_ITEM.id}, an HTML body (bench/fixtures/html-body-item.json)`,
    );
    figure('vanilla.click_to_html_article_paragraph', median(vanilla.html), 'ms', 'the vanilla-JS SPA, the same way');
    figure(
      'published_vs_vanilla.click_to_html_article_paragraph',
      median(published.html) / median(vanilla.html),
      'ratio',
      `target ≤ 1.5 (median of the runs' own ratios: ${pairedRatio(published.html, vanilla.html).toFixed(2)})`,
    );
    figure(
      'published.cold_click_to_article_paragraph',
      median(published.cold),
      'ms',
      'the click alone: the article chunk fetched on the click (no idle prefetch on this connection)',
    );
    figure('vanilla.cold_click_to_article_paragraph', median(vanilla.cold), 'ms', 'the click alone');
    figure(
      'published_vs_vanilla.cold_click_to_article_paragraph',
      median(published.cold) / median(vanilla.cold),
      'ratio',
      `no target of its own (median of the runs' own ratios: ${pairedRatio(published.cold, vanilla.cold).toFixed(2)})`,
    );
    const eager = await launchChromium(['--js-flags=--no-wasm-lazy-compilation']);
    const compiled = { published: [], vanilla: [] };
    try {
      for (let i = 0; i < RUNS; i++) {
        for (const which of i % 2 ? ['vanilla', 'published'] : ['published', 'vanilla']) {
          compiled[which].push(await clickToParagraph(eager, s, url[which], link[which].text, ready[which], true));
        }
      }
    } finally {
      await eager.close();
    }
    figure(
      'published_vs_vanilla.click_to_article_paragraph_eager_wasm',
      median(compiled.published) / median(compiled.vanilla),
      'ratio',
      `diagnostic: after intent, both in a Chromium that compiles wasm eagerly (${Math.round(median(compiled.published))} ` +
        `against ${Math.round(median(compiled.vanilla))} ms; median of the runs' own ratios: ` +
        `${pairedRatio(compiled.published, compiled.vanilla).toFixed(2)})`,
    );
  } finally {
    await s.close();
  }
}
