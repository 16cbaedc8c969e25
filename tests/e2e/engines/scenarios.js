// What the cross-engine suite checks, the same in Chromium, Firefox ESR and
// WebKitGTK. Each scenario gets its own site (a port, so an origin, of its own)
// and fails on anything the in-page probe recorded that it did not expect.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { commentLines, flush } from '../support/comment-lines.js';
import { feedWith, flash } from '../support/feeds.js';
import { DIST, SAMPLE_FEED } from '../support/sites.js';
import { translateLikeChrome } from '../support/translate.js';
import { BROWSER_ZONE } from './browsers.js';

const TIMES = ['14:02', '13:13', '12:40', '12:02', '11:30', '11:02', '10:45', '10:19', '09:45'];
const ARTICLE = SAMPLE_FEED.items.find((item) => item.content_text);
const ARTICLE_PATH = `article/${encodeURIComponent(ARTICLE.id)}`;
const WASM = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').match(/\/[^"'/]+_bg\.wasm/)[0];

/** Polls `fn` in the page until it returns something truthy; that value. */
export async function waitFor(page, fn, args = [], { what = String(fn), timeout = 20_000 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await page.eval(fn, ...args);
      if (last) return last;
    } catch (error) {
      last = `${error.name}: ${error.message}`;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens an app page and waits until its wasm has started (the probe saw trunk's event). */
async function openApp(page, url) {
  await page.goto(url);
  const state = await waitFor(
    page,
    () =>
      window.__probe &&
      (window.__probe.started || document.querySelector('.start-failed') ? { started: window.__probe.started } : null),
    [],
    {
      what: `the app at ${url} to start`,
      timeout: 30_000,
    },
  );
  assert.ok(state.started, `the wasm did not start at ${url}`);
}

/** public/failure-notice.js's notice, once it is on screen (in the page). */
const noticeShown = () => {
  const notice = document.querySelector('.start-failed[role="alert"]');
  return (
    notice && {
      notice: notice.textContent,
      reload: notice.querySelector('button')?.textContent,
      skeleton: document.querySelectorAll('.skeleton').length,
      started: window.__probe.started,
    }
  );
};

/** The app (not the page it was given) shows the home page: its article list is there. */
const appHome = () =>
  document.querySelector('.article-list') && document.querySelectorAll('.flashes .flash').length >= 9;

export const SCENARIOS = [
  {
    name: 'home: the nine flashes, newest first, in Israel time while the browser is in New York',
    async run({ page, site }) {
      const { url } = await site();
      await openApp(page, url);
      await waitFor(page, appHome, [], { what: 'the app home page' });
      const seen = await page.eval(() => ({
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        offset: new Date('2024-12-27T12:00:00Z').getTimezoneOffset(),
        times: [...document.querySelectorAll('.flashes .flash time')].map((t) => t.textContent),
        first: document.querySelector('.flashes .flash .headline').textContent,
        dir: document.documentElement.dir,
        lang: document.documentElement.lang,
      }));
      assert.equal(seen.zone, BROWSER_ZONE);
      assert.equal(seen.offset, 300, 'the browser runs five hours behind UTC');
      assert.deepEqual(seen.times, TIMES);
      assert.equal(seen.first, SAMPLE_FEED.items[0].title);
      assert.deepEqual([seen.dir, seen.lang], ['rtl', 'he']);
    },
  },
  {
    name: 'article: by a deep link and by a click on its flash',
    async run({ page, site }) {
      const { url } = await site();
      const opened = (title) => {
        const heading = document.querySelector('article h1');
        return (
          heading &&
          heading.textContent === title &&
          document.querySelectorAll('.article-body p').length === 5 &&
          location.pathname
        );
      };
      await openApp(page, url + ARTICLE_PATH);
      await waitFor(page, opened, [ARTICLE.title], { what: 'the deep-linked article' });
      assert.equal(await page.eval(() => document.title), `${ARTICLE.title} | מבזק`);
      await openApp(page, url);
      await waitFor(page, appHome, [], { what: 'the app home page' });
      await page.click(`.flashes a[href="/${ARTICLE_PATH}"]`);
      assert.equal(await waitFor(page, opened, [ARTICLE.title], { what: 'the article' }), `/${ARTICLE_PATH}`);
    },
  },
  {
    // leptos_router's history after Back and Forward (vendor/README.md; Chromium's
    // test with other ids and a tag page: specs/links.spec.js).
    name: 'history: after Back and Forward, a link to the page before moves the address bar',
    async run({ page, site }) {
      const { url } = await site();
      const at = (id) =>
        document.querySelector('article h1') &&
        document.querySelector('.neighbours a.older') &&
        location.pathname === `/article/${id}` &&
        document.querySelector('article h1').textContent;
      const [first, second, third] = ['2024-12-27-1402', '2024-12-27-1313', '2024-12-27-1240'];
      await openApp(page, `${url}article/${first}`);
      await waitFor(page, at, [first], { what: first });
      await page.click('.neighbours a.older');
      const title = await waitFor(page, at, [second], { what: second });
      await page.click('.neighbours a.older');
      await waitFor(page, at, [third], { what: third });
      await page.eval(() => history.back());
      await waitFor(page, at, [second], { what: `${second} by Back` });
      await page.eval(() => history.forward());
      await waitFor(page, at, [third], { what: `${third} by Forward` });
      await page.click('.neighbours a.newer');
      assert.equal(await waitFor(page, at, [second], { what: `${second} by its link, at its address` }), title);
      await page.eval(() => history.back());
      await waitFor(page, at, [third], { what: `${third} by Back from the link` });
    },
  },
  {
    // feed/segment_index.rs and teardown::owned_past_its_swap (Chromium's test
    // with a published page, Back and the neighbours: specs/publish.spec.js).
    name: "an article that leaves the feed stays, and when it comes back edited, is the feed's again",
    async run({ page, site }) {
      const live = await site({ config: { poll_seconds: 2 } });
      const polls = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/feed.json')).length;
      const nextPoll = async () => {
        const seen = await page.eval(polls);
        await waitFor(
          page,
          (n) => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/feed.json')).length > n,
          [seen],
          { what: 'a poll', timeout: 12_000 },
        );
        await new Promise((r) => setTimeout(r, 300));
      };
      const shown = () => ({
        headline: document.querySelector('article h1')?.textContent,
        notice: document.querySelector('[role="alert"]')?.textContent ?? null,
        notFound: document.querySelectorAll('.not-found').length,
      });
      await openApp(page, `${live.url}${ARTICLE_PATH}`);
      await waitFor(page, () => document.querySelector('article h1')?.textContent, [], { what: 'the article' });
      const before = await page.eval(shown);
      assert.equal(before.headline, ARTICLE.title);
      live.write('feed.json', feedWith([], { drop: [ARTICLE.id] }));
      await nextPoll();
      assert.deepEqual(await page.eval(shown), before);
      live.write('feed.json', feedWith([], { edit: { [ARTICLE.id]: { title: `${ARTICLE.title} (חזר)` } } }));
      await waitFor(
        page,
        (title) => document.querySelector('article h1')?.textContent === title,
        [`${ARTICLE.title} (חזר)`],
        { what: 'the article, back and edited', timeout: 12_000 },
      );
      assert.equal((await page.eval(shown)).notice, null);
    },
  },
  {
    // WebDriver cannot switch an engine to print media (Chromium's emulation is in
    // specs/head-and-print.spec.js): the page's own @media print rules, read from
    // its style sheets, are applied on screen instead, so each engine's layout of
    // them is what is measured.
    name: 'print: the dark theme prints black, the article alone, nothing wider than the page',
    async run({ page, site }) {
      const LINK = 'https://www.example.org/reports/2024/an-address-long-enough-to-wrap-on-paper-and-never-widen-it';
      const body = `<p>${'טקסט הכתבה, ארוך דיו כדי להתפרש על כמה שורות. '.repeat(12)}<a href="${LINK}">הדוח המלא</a>.</p>`;
      const { url } = await site({
        config: { theme: 'dark' },
        files: { 'feed.json': feedWith([flash('print', '14:30', 'הכתבה: להדפסה', { content_html: body })]) },
      });
      await openApp(page, `${url}article/print`);
      await waitFor(page, () => Boolean(document.querySelector('article h1') && document.querySelector('.share')), [], {
        what: 'the article with its share bar',
      });
      const printed = await page.eval(() => {
        // Through the CSSOM, which the page's Content-Security-Policy leaves alone
        // (a new <style> element would be refused).
        // The print rules: in @media print blocks, and in print.css, a style
        // sheet linked with media="print".
        const print = [...document.styleSheets]
          .flatMap((sheet) => [sheet, ...sheet.cssRules])
          .filter(
            (rule) =>
              (rule instanceof CSSMediaRule || rule instanceof CSSStyleSheet) && rule.media.mediaText === 'print',
          );
        for (const rule of print) rule.media.mediaText = 'all';
        const rules = print.flatMap((rule) => [...rule.cssRules]);
        const width = document.documentElement.clientWidth;
        const beyond = [];
        const grey = [];
        for (const element of document.querySelectorAll('body *')) {
          if (element.getClientRects().length === 0) continue;
          const rect = element.getBoundingClientRect();
          if (rect.width > 0 && (rect.left < -0.5 || rect.right > width + 0.5)) beyond.push(element.className);
          const text = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
          if (text && getComputedStyle(element).color !== 'rgb(0, 0, 0)') grey.push(element.className);
        }
        const shown = [...document.querySelectorAll('button, .share, .skip-link, .comments')].filter(
          (e) => e.getClientRects().length > 0,
        );
        return {
          rules: rules.length,
          beyond,
          grey,
          shown: shown.length,
          overflow: document.documentElement.scrollWidth - width,
          headline: document.querySelector('article h1').getClientRects().length,
          // The link's address after it: the link's boxes grow by it (Firefox's
          // computed `content` keeps attr(href) unresolved, so the boxes tell).
          address: (() => {
            const link = document.querySelector('.article-body a');
            const area = () => [...link.getClientRects()].reduce((sum, r) => sum + r.width * r.height, 0);
            const printed = area();
            for (const rule of print) rule.media.mediaText = 'print';
            const screen = area();
            for (const rule of print) rule.media.mediaText = 'all';
            return printed / screen;
          })(),
        };
      });
      assert.ok(printed.rules > 5, 'the page has its print rules');
      assert.deepEqual(printed.beyond, []);
      assert.deepEqual(printed.grey, []);
      assert.equal(printed.shown, 0, 'no control, share bar, skip link or comments');
      assert.equal(printed.overflow, 0);
      assert.equal(printed.headline, 1);
      assert.ok(printed.address > 3, `the link's address after it (its boxes ${printed.address} times larger)`);
    },
  },
  {
    name: 'a tag page, and the Hebrew not-found page',
    async run({ page, site }) {
      const { url } = await site();
      const tag = ARTICLE.tags[0];
      await openApp(page, `${url}tag/${encodeURIComponent(tag)}`);
      await waitFor(
        page,
        (tag, title) => {
          const heading = document.querySelector('.tag-page h1');
          return (
            heading?.textContent.includes(tag) &&
            [...document.querySelectorAll('.tag-page .article-card')].some((card) => card.textContent.includes(title))
          );
        },
        [tag, ARTICLE.title],
        { what: 'the tag page listing the article' },
      );
      await openApp(page, `${url}no/such/page`);
      await waitFor(
        page,
        () => [...document.querySelectorAll('h1, h2')].some((h) => h.textContent === 'הדף לא נמצא'),
        [],
        { what: 'not-found' },
      );
    },
  },
  {
    name: 'live poll: a new flash is inserted in place, the other rows stay the same nodes',
    async run({ page, site }) {
      const live = await site({ config: { poll_seconds: 2 } });
      await openApp(page, live.url);
      await waitFor(page, appHome, [], { what: 'the app home page' });
      await page.eval(() =>
        document.querySelectorAll('.flashes .flash').forEach((row, i) => {
          row.dataset.marker = `m${i}`;
        }),
      );
      live.write('feed.json', feedWith([flash('new-1', '14:30', 'מבזק חדש לגמרי')]));
      await waitFor(page, () => document.querySelectorAll('.flashes .flash').length === 10, [], {
        what: 'the tenth flash',
        timeout: 12_000,
      });
      const rows = await page.eval(() =>
        [...document.querySelectorAll('.flashes .flash')].map((row) => ({
          marker: row.dataset.marker ?? null,
          text: row.textContent,
          isNew: row.classList.contains('is-new'),
        })),
      );
      assert.match(rows[0].text, /14:30.*מבזק חדש לגמרי/);
      assert.equal(rows[0].isNew, true);
      assert.equal(rows[0].marker, null);
      assert.deepEqual(
        rows.slice(1).map((r) => r.marker),
        ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8'],
      );
    },
  },
  {
    name: 'translated page: after a tool rewrote every text node, a poll edits, adds and removes rows',
    async run({ page, site }) {
      const live = await site({ config: { poll_seconds: 2 } });
      await openApp(page, live.url);
      await waitFor(page, appHome, [], { what: 'the app home page' });
      assert.ok((await page.eval(translateLikeChrome)) > 18);
      const [first, second] = SAMPLE_FEED.items;
      live.write(
        'feed.json',
        feedWith([flash('added-1', '14:30', 'מבזק שנוסף אחרי התרגום')], {
          drop: [second.id],
          edit: { [first.id]: { title: 'כותרת מתוקנת אחרי התרגום' } },
        }),
      );
      const lists = await waitFor(
        page,
        (gone) => {
          const texts = (selector) => [...document.querySelectorAll(selector)].map((row) => row.textContent);
          const lists = [texts('.flashes .flash'), texts('.article-list .article-card')];
          const followed = (rows) =>
            rows.length === 9 &&
            rows[0].includes('מבזק שנוסף אחרי התרגום') &&
            rows[1].includes('כותרת מתוקנת אחרי התרגום') &&
            !rows.some((row) => row.includes(gone));
          return lists.every(followed) && lists;
        },
        [second.title],
        { what: 'both lists to follow the poll', timeout: 12_000 },
      );
      for (const rows of lists) assert.ok(!rows.some((row) => row.includes(first.title)), 'the old headline is gone');
    },
  },
  {
    name: 'RSS in windows-1255 named only in its prolog, and Atom: the newest headline and its time',
    async run({ page, site }) {
      // The browser's TextDecoder reads the legacy encoding (src/feed/encoding.rs), in every engine.
      const corpus = path.resolve(path.dirname(DIST), 'tests/fixtures/xml-feeds');
      const expected = JSON.parse(fs.readFileSync(path.join(corpus, 'expected.json'), 'utf8'));
      for (const name of ['rotter-scoops.xml', 'atom-blogger.xml', 'iso-8859-8.xml']) {
        const want = expected[name];
        const feedSite = await site({
          files: { 'feed.xml': fs.readFileSync(path.join(corpus, name)) },
          types: { 'feed.xml': want.content_type ?? null },
          config: { feed_url: 'feed.xml' },
        });
        await openApp(page, feedSite.url);
        const first = await waitFor(
          page,
          () => {
            const row = document.querySelector('.article-list') && document.querySelector('.flashes .flash');
            return (
              row && {
                title: row.querySelector('.headline').textContent,
                time: row.querySelector('time')?.textContent ?? null,
              }
            );
          },
          [],
          { what: `the flashes of ${name}` },
        );
        assert.equal(first.title.replace(/\s+/g, ' ').trim(), want.newest.title, name);
        if (want.newest.hhmm_jerusalem) assert.equal(first.time, want.newest.hhmm_jerusalem, name);
      }
    },
  },
  {
    name: 'marquee: moves left to right at its pace',
    async run({ page, site }) {
      const speed = 80;
      const { url } = await site({ config: { ticker: { mode: 'marquee', speed, count: 20 } } });
      await openApp(page, url);
      await waitFor(page, () => document.querySelectorAll('.marquee-group:first-child .flash').length === 9, [], {
        what: 'the strip',
      });
      // Measured in the page, from the animation's own transform, over one second.
      const { moved, seconds } = await page.eval(async () => {
        const group = document.querySelector('.marquee-group');
        const x = () => new DOMMatrix(getComputedStyle(group).transform).m41;
        await new Promise((r) => setTimeout(r, 300));
        const [x0, t0] = [x(), performance.now()];
        await new Promise((r) => setTimeout(r, 1000));
        return { moved: x() - x0, seconds: (performance.now() - t0) / 1000 };
      });
      // Rightwards in Hebrew, so each headline's beginning enters first.
      assert.ok(moved > 0, `the strip moved ${moved} px`);
      const pace = moved / seconds;
      assert.ok(pace > speed * 0.6 && pace < speed * 1.4, `pace ${pace.toFixed(1)} px/s, configured ${speed}`);
    },
  },
  {
    name: 'embed: on a page of another origin, at its content height',
    async run({ page, site, hostPage }) {
      const widget = await site();
      const host = await hostPage(widget, '<div id="w" data-mivzak-ticker data-mode="list" data-count="3"></div>');
      await page.goto(host.url);
      await waitFor(page, () => Boolean(document.querySelector('#w iframe')), [], { what: 'the iframe' });
      const inFrame = () => ({
        started: Boolean(window.__probe?.started),
        flashes: document.querySelectorAll('.flash').length,
        height: Math.ceil(document.body.getBoundingClientRect().height),
      });
      const deadline = Date.now() + 20_000;
      let last;
      for (;;) {
        last = await page.frameEval('#w iframe', inFrame).catch((e) => ({ error: e.message }));
        const outer = await page.eval(() => document.querySelector('#w iframe').getBoundingClientRect().height);
        if (last.started && last.flashes === 3 && Math.abs(outer - last.height) < 2 && last.height > 60) break;
        if (Date.now() > deadline) {
          const messages = await page.eval(() => window.__messages);
          throw new Error(
            `embed not at its content height: frame ${JSON.stringify(last)}, iframe ${outer}px, messages ${JSON.stringify(messages)}`,
          );
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.equal(await page.eval(() => location.origin), host.origin);
      assert.notEqual(host.origin, widget.origin);
    },
  },
  {
    name: 'the CSP from _headers with no violation, and the service worker',
    async run({ page, site }) {
      const { url } = await site();
      const answer = await fetch(url);
      const policy = answer.headers.get('content-security-policy');
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      assert.match(policy, /frame-ancestors 'self'/);
      await openApp(page, url);
      await waitFor(page, appHome, [], { what: 'the app home page' });
      // No violation: the probe reports every one, and the suite fails on it.
      const worker = await page.eval(async () => {
        const registration = await navigator.serviceWorker.ready;
        const shell = (await caches.keys()).find((name) => name.startsWith('mivzak-shell-'));
        const kept = shell ? (await (await caches.open(shell)).keys()).map((r) => new URL(r.url).pathname) : [];
        return { active: Boolean(registration.active), kept };
      });
      assert.ok(worker.active, 'the service worker is active');
      assert.ok(
        worker.kept.includes('/index.html') && worker.kept.some((p) => p.endsWith('.wasm')),
        `kept: ${worker.kept}`,
      );
      await page.reload();
      await waitFor(page, () => navigator.serviceWorker.controller !== null, [], {
        what: 'the page under the service worker',
      });
      await waitFor(page, appHome, [], { what: 'the app home page after a reload' });
    },
  },
  {
    name: 'comments: a comment posted to the real Isso',
    async run({ page, site, isso }) {
      const withComments = await site();
      const server = await isso(withComments);
      await openApp(page, withComments.url + ARTICLE_PATH);
      await waitFor(page, () => document.querySelector('#comments-heading')?.textContent === 'תגובות (0)', [], {
        what: 'the comments',
      });
      await page.type('.comments > .comment-form textarea', 'Comment from a browser engine');
      await page.click('.comments > .comment-form .comment-send');
      await waitFor(
        page,
        () =>
          document.querySelector('#comments-heading')?.textContent === 'תגובות (1)' &&
          document.querySelector('.comment-list .comment')?.textContent.includes('Comment from a browser engine'),
        [],
        { what: 'the posted comment' },
      );
      const stored = await server.thread(`/${ARTICLE_PATH}`);
      assert.equal(stored.replies.length, 1);
      assert.match(stored.replies[0].text, /Comment from a browser engine/);
    },
  },
  {
    name: 'comments: each paragraph and line of a comment in its own direction',
    async run({ page, site, isso }) {
      const withComments = await site();
      const server = await isso(withComments);
      // A URL, then a Hebrew paragraph; an English quote, then a Hebrew line (one Enter).
      const text = 'https://news.example.com/item?id=1&ref=2\n\n"Quoted in English," he said\nזה נכון גם אצלנו!';
      const { id } = await server.post(`/${ARTICLE_PATH}`, { text });
      await openApp(page, withComments.url + ARTICLE_PATH);
      await waitFor(
        page,
        (selector) => document.querySelector(`${selector} .comment-text p`) !== null,
        [`#comment-${id}`],
        {
          what: 'the comment',
        },
      );
      const placed = await page.eval(commentLines, `#comment-${id}`);
      assert.deepEqual(
        placed.map((line) => [line.text.slice(0, 5), ['left', 'right'].find((side) => flush(line, side))]),
        [
          ['https', 'left'],
          ['"Quot', 'left'],
          ['זה נכ', 'right'],
        ],
      );
      assert.equal(placed[2].bang, 0, "the Hebrew sentence's ! at its left end");
    },
  },
  {
    name: 'mixed Hebrew and Latin headlines: every character in its on-screen place',
    async run({ page, site }) {
      const headlines = [
        { title: 'סניף McDonald’s נסגר', latin: 'McDonald’s' },
        { title: 'עיריית Tel Aviv–Yafo', latin: 'Tel Aviv–Yafo' },
        { title: 'כלי DALL·E זמין', latin: 'DALL·E' },
      ];
      const feed = feedWith(headlines.map((h, i) => flash(`mixed-${i}`, `14:5${i}`, h.title)));
      const { url } = await site({ files: { 'feed.json': feed } });
      await openApp(page, url);
      await waitFor(
        page,
        () => document.querySelector('.article-list') && document.querySelectorAll('.flashes .flash').length === 12,
        [],
        { what: 'the app home page' },
      );
      // Each character's box, in logical order, from Range.getClientRects.
      const boxes = await page.eval(
        (titles) =>
          titles.map((title) => {
            const span = [...document.querySelectorAll('.flashes .headline')].find((s) => s.textContent === title);
            if (!span) return null;
            const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
            const chars = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (let i = 0; i < node.data.length; i++) {
                const range = document.createRange();
                range.setStart(node, i);
                range.setEnd(node, i + 1);
                const rect = [...range.getClientRects()].find((r) => r.width > 0) ?? range.getBoundingClientRect();
                chars.push({ ch: node.data[i], x: rect.left + rect.width / 2, top: rect.top });
              }
            }
            return chars;
          }),
        headlines.map((h) => h.title),
      );
      const faults = [];
      headlines.forEach(({ title, latin }, n) => {
        const chars = boxes[n];
        if (!chars) {
          faults.push(`${title}: not on the page`);
          return;
        }
        const leftToRight = [...chars]
          .sort((a, b) => a.x - b.x)
          .map((c) => c.ch)
          .join('');
        const start = title.indexOf(latin);
        const name = chars.slice(start, start + latin.length);
        const before = chars.slice(0, start).filter((c) => c.ch.trim());
        const after = chars.slice(start + latin.length).filter((c) => c.ch.trim());
        const ok =
          new Set(chars.map((c) => Math.round(c.top))).size === 1 &&
          // The Latin name reads left to right, in one piece …
          name.every((c, i) => i === 0 || c.x > name[i - 1].x) &&
          // … with the Hebrew before it on its right and the Hebrew after it on its left.
          before.every((c) => c.x > Math.max(...name.map((l) => l.x))) &&
          after.every((c) => c.x < Math.min(...name.map((l) => l.x)));
        if (!ok) faults.push(`"${title}" is on screen, from left to right, as "${leftToRight}"`);
      });
      assert.deepEqual(faults, []);
    },
  },
  {
    name: 'a Hebrew date phrase reads right to left, and a number keeps its sign',
    async run({ page, site }) {
      const item = {
        id: 'dated',
        title: '-3 מעלות בירושלים',
        url: 'https://news.example/dated',
        date_published: '2024-12-27T10:40:00Z',
        content_html: '<p>תשואה של +2.5% בנובמבר</p>',
      };
      const { url } = await site({ files: { 'feed.json': feedWith([item]) } });
      await openApp(page, `${url}article/dated`);
      await waitFor(page, () =>
        Boolean(document.querySelector('.dateline time') && document.querySelector('.article-body p')),
      );
      // The centre of each character's box, by its place in the element's text (marks and spaces left out).
      const centres = await page.eval(() =>
        ['.dateline time', 'article h1', '.article-body p'].map((selector) => {
          const element = document.querySelector(selector);
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          const chars = {};
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.data.length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const rect = [...range.getClientRects()].find((r) => r.width > 0);
              if (rect && !(node.data[i] in chars)) chars[node.data[i]] = rect.left + rect.width / 2;
            }
          }
          return chars;
        }),
      );
      const [date, headline, body] = centres;
      // "27 בדצמבר 2024 בשעה 12:40": the day on the right of the month, the time on the far left.
      assert.ok(date['7'] > date.ב && date.ב > date[':'], `date phrase: ${JSON.stringify(date)}`);
      assert.ok(headline['-'] < headline['3'] && headline['3'] > headline.מ, `headline: ${JSON.stringify(headline)}`);
      assert.ok(body['+'] < body['2'] && body['5'] < body['%'] && body['%'] < body.ש, `body: ${JSON.stringify(body)}`);
    },
  },
  {
    name: 'wasm cut off mid-download: the notice in place of the skeleton',
    expectsStartFailure: true,
    async run({ page, site }) {
      const broken = await site();
      broken.fail(WASM, 200, {
        mode: 'reset',
        body: 'x'.repeat(64_000),
        headers: { 'content-type': 'application/wasm' },
      });
      await page.goto(broken.url + ARTICLE_PATH);
      const shown = await waitFor(page, noticeShown, [], { what: 'the notice on the article route', timeout: 25_000 });
      assert.match(shown.notice, /גרסה מפושטת/);
      assert.equal(shown.reload, 'טעינה מחדש');
      assert.equal(shown.skeleton, 0);
      assert.equal(shown.started, false);
    },
  },
  {
    // Firefox aborts a page's downloads when the reader leaves it, and reports the
    // wasm's as a NetworkError before `pagehide`: public/failure-notice.js counts the
    // leave from `beforeunload`. The old page's trace is kept in sessionStorage.
    name: 'leaving while the wasm downloads: no notice and no error on the page left',
    // The probe sees the aborted download; what the reader sees is checked here.
    expectsStartFailure: true,
    async run({ page, site }) {
      const slow = await site();
      slow.slow(/_bg\.wasm$/, 4000);
      await page.goto(slow.url);
      await page.eval(() => {
        const trace = (what) => sessionStorage.setItem('left', `${sessionStorage.getItem('left') ?? ''}${what};`);
        new MutationObserver(() => document.querySelector('.start-failed') && trace('notice')).observe(document, {
          subtree: true,
          childList: true,
        });
        const error = console.error;
        console.error = (...args) => {
          trace(`error ${args[0]}`);
          error.apply(console, args);
        };
        const away = document.body.appendChild(document.createElement('a'));
        away.id = 'away';
        away.href = '404.html';
        away.textContent = 'away';
        sessionStorage.setItem('left', 'armed;');
      });
      await page.click('#away');
      await waitFor(page, () => location.pathname.endsWith('/404.html'), [], { what: 'the page left' });
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await page.eval(() => sessionStorage.getItem('left')), 'armed;');
    },
  },
  {
    name: "a policy without 'wasm-unsafe-eval': the notice",
    expectsStartFailure: true,
    async run({ page, site }) {
      const strict = await site({ editPolicy: (policy) => policy.replace(" 'wasm-unsafe-eval'", '') });
      assert.doesNotMatch((await fetch(strict.url)).headers.get('content-security-policy'), /wasm-unsafe-eval/);
      await page.goto(strict.url);
      const shown = await waitFor(page, noticeShown, [], { what: 'the notice on the home page', timeout: 25_000 });
      assert.match(shown.notice, /גרסה מפושטת/);
      assert.equal(shown.skeleton, 0);
      assert.equal(shown.started, false);
    },
  },
];
