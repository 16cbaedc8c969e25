// The embeddable ticker on a page of another origin, as partners use it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { feedWith, flash } from '../support/feeds.js';
import { hostPage } from '../support/host-page.js';
import { consoleWarnings, DIST, expect, SAMPLE_FEED, test } from '../support/site.js';
import { serveDir } from '../support/static-server.js';

/** A third-party page on its own origin that embeds the widget from `site`
 *  (its script last in the body; `site: null` when `body` has its own scripts). */
const HOSTILE =
  '* { display: block !important; color: red !important; font-size: 40px !important; } iframe { border: 5px solid red; }';

test('two tickers with different options render, each at its height, untouched by hostile CSS', async ({
  page,
  site,
}) => {
  const host = await hostPage(
    site,
    `
    <div id="one" data-mivzak-ticker data-mode="list" data-count="3" data-theme="light"></div>
    <mivzak-ticker id="two" mode="list" count="6" theme="dark" lang="en"></mivzak-ticker>`,
    { css: HOSTILE },
  );
  try {
    await page.goto(host.url);
    const one = page.frameLocator('#one iframe');
    const two = page.frameLocator('#two iframe');
    await expect(one.locator('.flash')).toHaveCount(3);
    await expect(two.locator('.flash')).toHaveCount(6);
    await expect(two.locator('h1')).toHaveText('Breaking news');
    await expect(two.locator('html')).toHaveAttribute('dir', 'ltr');
    // The host's CSS does not reach inside: flashes keep the widget's own colours and size.
    const style = await one
      .locator('.flash .headline')
      .first()
      .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).fontSize]);
    expect(style[0]).not.toBe('rgb(255, 0, 0)');
    expect(style[1]).not.toBe('40px');
    // Each iframe is as tall as its content, no more, no less.
    for (const [id, frame] of [
      ['#one', one],
      ['#two', two],
    ]) {
      await expect
        .poll(async () => {
          const outer = (await page.locator(`${id} iframe`).boundingBox()).height;
          const inner = await frame.locator('body').evaluate((b) => b.getBoundingClientRect().height);
          return Math.abs(outer - Math.ceil(inner));
        })
        .toBeLessThan(2);
    }
    const heightOne = (await page.locator('#one iframe').boundingBox()).height;
    const heightTwo = (await page.locator('#two iframe').boundingBox()).height;
    expect(heightTwo).toBeGreaterThan(heightOne);
    // Themes as asked.
    await expect(one.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(two.locator('html')).toHaveAttribute('data-theme', 'dark');
  } finally {
    await host.close();
  }
});

test('on a host page in windows-1255, with embed.js served without a charset, the ticker names itself in Hebrew', async ({
  page,
  siteWith,
}) => {
  // The script is decoded in the host page's encoding; only ASCII reads the same in all of them.
  const bytes = fs.readFileSync(path.join(DIST, 'embed.js'));
  expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
  const site = await siteWith({ types: { 'embed.js': 'text/javascript' } });
  const host = await hostPage(site, '<h2>מבזקים מהשותף</h2><div id="w" data-mivzak-ticker data-mode="list"></div>', {
    charset: 'windows-1255',
  });
  try {
    await page.goto(host.url);
    await expect(page.locator('h2')).toHaveText('מבזקים מהשותף');
    await expect(page.locator('#w iframe')).toHaveAttribute('title', 'מבזקים');
    const frame = page.frameLocator('#w iframe');
    await expect(frame.locator('.flash').first()).toBeVisible();
    await expect(frame.locator('h1')).toHaveText('מבזקים');
  } finally {
    await host.close();
  }
});

test('a message from a third origin is ignored by both sides', async ({ page, site }) => {
  const third = await hostPage(site, '');
  const host = await hostPage(
    site,
    `<div id="w" data-mivzak-ticker data-count="2"></div><iframe id="third" src="${third.url}"></iframe>`,
  );
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('#w iframe');
    await expect(frame.locator('.flash')).toHaveCount(2);
    await expect.poll(async () => (await page.locator('#w iframe').boundingBox()).height).toBeGreaterThan(60);
    const before = (await page.locator('#w iframe').boundingBox()).height;
    const thirdFrame = page.frames().find((f) => f.url().startsWith(third.url));
    await thirdFrame.evaluate(() => {
      // Pretend to be the widget, to the host; and pretend to be the host, to the widget.
      for (let id = 1; id < 5; id++) window.parent.postMessage({ type: 'mivzak:height', id, height: 900 }, '*');
      const widget = window.parent.frames[0];
      for (let id = 1; id < 5; id++) widget.postMessage({ type: 'mivzak:set', id, options: { theme: 'dark' } }, '*');
    });
    await page.waitForTimeout(500);
    expect((await page.locator('#w iframe').boundingBox()).height).toBe(before);
    await expect(frame.locator('html')).not.toHaveAttribute('data-theme', 'dark');
  } finally {
    await host.close();
    await third.close();
  }
});

test('MivzakTicker.set and an attribute change switch theme and mode without a reload', async ({ page, site }) => {
  const host = await hostPage(site, '<div id="w" data-mivzak-ticker data-theme="light" data-mode="list"></div>');
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('#w iframe');
    await expect(frame.locator('.flashes .flash')).toHaveCount(9);
    await frame.locator('body').evaluate(() => {
      window.__sameDocument = true;
    });
    await page.evaluate(() => window.MivzakTicker.set(document.getElementById('w'), { theme: 'dark' }));
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.evaluate(() => document.getElementById('w').setAttribute('data-mode', 'marquee'));
    await expect(frame.locator('.marquee')).toBeVisible();
    expect(await frame.locator('body').evaluate(() => window.__sameDocument)).toBe(true);
  } finally {
    await host.close();
  }
});

test('a ticker added after load is found, and its links open our article as configured', async ({
  page,
  context,
  site,
}) => {
  const host = await hostPage(site, '<div id="top" data-mivzak-ticker data-count="2"></div>');
  try {
    await page.goto(host.url);
    await page.evaluate(() => {
      const later = document.createElement('div');
      later.id = 'later';
      later.setAttribute('data-mivzak-ticker', '');
      later.setAttribute('data-target', 'blank');
      later.setAttribute('data-count', '2');
      document.body.append(later);
    });
    const later = page.frameLocator('#later iframe');
    await expect(later.locator('.flash')).toHaveCount(2);
    const link = later.locator('.flash a').first();
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    const [article] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await expect(article).toHaveURL(`${site.url}article/${SAMPLE_FEED.items[0].id}`);
    await expect(article.locator('article h1')).toHaveText(SAMPLE_FEED.items[0].title);
    // The default opens in the top window, leaving the partner page.
    const top = page.frameLocator('#top iframe').locator('.flash a').first();
    await expect(top).toHaveAttribute('target', '_top');
    await top.click();
    await expect(page).toHaveURL(`${site.url}article/${SAMPLE_FEED.items[0].id}`);
  } finally {
    await host.close();
  }
});

test('below the fold the ticker loads lazily, and it sends no cookies', async ({ page, context, site }) => {
  await context.addCookies([{ name: 'tracking', value: 'x', url: site.origin }]);
  const host = await hostPage(site, '<div style="height:20000px"></div><div id="below" data-mivzak-ticker></div>');
  try {
    await page.goto(host.url);
    await expect(page.locator('#below iframe')).toHaveAttribute('loading', 'lazy');
    await page.waitForTimeout(500);
    expect(site.requests.filter((r) => r.path.startsWith('/embed.html'))).toHaveLength(0);
    await page.locator('#below').scrollIntoViewIfNeeded();
    await expect(page.frameLocator('#below iframe').locator('.flash').first()).toBeVisible();
    const feed = site.requests.filter((r) => r.path === '/feed.json' || r.path === '/config.json');
    expect(feed.length).toBeGreaterThan(0);
    expect(feed.filter((r) => r.headers.cookie)).toEqual([]);
  } finally {
    await host.close();
  }
});

test('the iframe loads its own lean page and wasm, never the app, and shows no site header', async ({ page, site }) => {
  const host = await hostPage(site, '<div id="w" data-mivzak-ticker></div>');
  try {
    await page.goto(host.url);
    const frame = page.frameLocator('#w iframe');
    await expect(frame.locator('.flash').first()).toBeVisible();
    const paths = site.requests.map((r) => r.path);
    expect(paths.filter((p) => /^\/embed-[0-9a-f]+_bg\.wasm$/.test(p))).toHaveLength(1);
    expect(paths.filter((p) => p.startsWith('/mivzak-') || (p.endsWith('.css') && !p.startsWith('/ticker-')))).toEqual(
      [],
    );
    await expect(frame.locator('.site-header')).toHaveCount(0);
  } finally {
    await host.close();
  }
});

test('the host page load event does not wait for the ticker', async ({ page, site }) => {
  await page.addInitScript(() => {
    window.addEventListener('load', () => {
      window.__framesAtLoad = document.querySelectorAll('iframe').length;
    });
  });
  const host = await hostPage(site, '<div id="w" data-mivzak-ticker></div>');
  try {
    await page.goto(host.url);
    await expect(page.frameLocator('#w iframe').locator('.flash').first()).toBeVisible();
    expect(await page.evaluate(() => window.__framesAtLoad)).toBe(0);
  } finally {
    await host.close();
  }
});

test('the ticker works where its storage is blocked', async ({ page, site }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    Object.defineProperty(window, 'sessionStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  const host = await hostPage(site, '<div id="w" data-mivzak-ticker data-count="4"></div>');
  try {
    await page.goto(host.url);
    await expect(page.frameLocator('#w iframe').locator('.flash')).toHaveCount(4);
  } finally {
    await host.close();
  }
});

test('invalid options fall back to the defaults with a console warning', async ({ page, site }) => {
  const warnings = consoleWarnings(page);
  await page.goto(`${site.url}embed.html?mode=sideways&count=-3&theme=neon&bg=red;}`);
  await expect(page.locator('.flashes .flash')).toHaveCount(9);
  expect(warnings.join('\n')).toContain('invalid mode');
  expect(warnings.join('\n')).toContain('invalid theme');
  await expect(page.locator('.site-header')).toHaveCount(0);
});

// Issue 12 §4: the frame on a host page whose CSS styles every iframe.
const FRAME_CSS = {
  'border and padding, border-box': 'iframe { border: 4px solid; padding: 6px; box-sizing: border-box; }',
  'the same with !important, and a fixed height':
    'iframe { border: 4px solid !important; padding: 6px !important; box-sizing: border-box !important; height: 200px !important; max-height: 300px !important; }',
  'border and padding with !important, content-box, fixed width':
    'iframe { border: 4px solid !important; padding: 6px !important; box-sizing: content-box !important; width: 300px !important; aspect-ratio: 16 / 9; }',
};
const WIDTHS = [160, 170, 240, 360];
// A real feed's headlines: one long unbroken link, one long English word.
const LONG_FEED = feedWith([
  flash('long-1', '23:58', 'דיווח: https://www.example.co.il/news/2024/12/27/a-very-long-address-without-any-break'),
  flash('long-2', '23:57', 'Supercalifragilisticexpialidocious-antidisestablishmentarianism בכותרת'),
]);

/** The frame's geometry seen from the host, and its document's from inside. */
async function frameGeometry(page, id) {
  const outer = await page.locator(`#${id} iframe`).evaluate((frame) => {
    const style = getComputedStyle(frame);
    const px = (name) => parseFloat(style.getPropertyValue(name)) || 0;
    const box = frame.getBoundingClientRect();
    const column = frame.closest('.column').getBoundingClientRect();
    return {
      border: px('border-top-width') + px('border-bottom-width'),
      padding: px('padding-top') + px('padding-bottom'),
      contentHeight:
        box.height - px('border-top-width') - px('border-bottom-width') - px('padding-top') - px('padding-bottom'),
      overflowsColumn: box.left < column.left - 0.5 || box.right > column.right + 0.5,
    };
  });
  const inner = await page
    .frameLocator(`#${id} iframe`)
    .locator('body')
    .evaluate((body) => {
      const rows = [...document.querySelectorAll('.flash')].filter((row) => row.getClientRects().length);
      const last = document.querySelector('.marquee') ?? rows.at(-1);
      return {
        viewport: innerHeight,
        document: body.getBoundingClientRect().height,
        scrollHeight: document.documentElement.scrollHeight,
        lastBottom: last ? last.getBoundingClientRect().bottom : Infinity,
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
  return { ...outer, ...inner };
}

for (const [name, css] of Object.entries(FRAME_CSS)) {
  test(`nothing is cut at 160 to 360 px when the host's CSS gives iframes ${name}`, async ({ page, siteWith }) => {
    const site = await siteWith({ files: { 'feed.json': LONG_FEED } });
    const columns = [
      ...WIDTHS.map(
        (width) =>
          `<div class="column" style="width:${width}px"><div id="list-${width}" data-mivzak-ticker></div></div>`,
      ),
      '<div class="column" style="width:160px"><div id="marquee-160" data-mivzak-ticker data-mode="marquee"></div></div>',
    ].join('');
    const host = await hostPage(site, `<div style="display:flex;gap:8px;align-items:flex-start">${columns}</div>`, {
      css,
    });
    try {
      await page.goto(host.url);
      const ids = [...WIDTHS.map((width) => `list-${width}`), 'marquee-160'];
      for (const id of ids) {
        await expect(page.frameLocator(`#${id} iframe`).locator('.flash').first()).toBeVisible();
        // The frame's content box holds the whole document, to the last row's bottom.
        await expect
          .poll(
            async () => {
              const g = await frameGeometry(page, id);
              return g.contentHeight >= Math.ceil(g.document) - 0.5 && g.lastBottom <= g.viewport + 0.5;
            },
            { message: id },
          )
          .toBe(true);
        const g = await frameGeometry(page, id);
        expect(g.scrollHeight, id).toBeLessThanOrEqual(g.viewport);
        expect(g.contentHeight - Math.ceil(g.document), id).toBeLessThan(2);
        expect(g.sideways, `${id} overflows sideways`).toBeLessThanOrEqual(0);
        expect(g.overflowsColumn, `${id} leaves its column`).toBe(false);
        // Where the host insists (!important), its border and padding stay, and count.
        if (name.includes('!important')) expect([g.border, g.padding], id).toEqual([8, 12]);
      }
    } finally {
      await host.close();
    }
  });
}

test('a list of 200 flashes at 160 px is never cut short', async ({ page, siteWith }) => {
  const items = Array.from({ length: 200 }, (_, i) =>
    flash(`many-${i}`, '12:00', `מבזק ארוך מספר ${i} עם כותרת שנשברת לכמה שורות בעמודה צרה מאוד`),
  );
  const site = await siteWith({ files: { 'feed.json': { ...SAMPLE_FEED, items } } });
  const host = await hostPage(
    site,
    '<div class="column" style="width:160px"><div id="w" data-mivzak-ticker data-count="200"></div></div>',
  );
  try {
    await page.goto(host.url);
    await expect(page.frameLocator('#w iframe').locator('.flash')).toHaveCount(200);
    await expect
      .poll(async () => {
        const g = await frameGeometry(page, 'w');
        return g.document > 5000 && g.contentHeight >= Math.ceil(g.document) - 0.5 && g.lastBottom <= g.viewport + 0.5;
      })
      .toBe(true);
  } finally {
    await host.close();
  }
});

// Issue 17 §4: two Mivzak sites on one host page.
test('two sites on one page: each placeholder is served by its own site, and set reaches both', async ({
  page,
  siteWith,
}) => {
  const siteA = await siteWith();
  const siteB = await siteWith({
    config: { site_name: 'אתר ב' },
    files: {
      'feed.json': {
        ...SAMPLE_FEED,
        items: [flash('b-1', '10:00', 'מבזק מאתר ב'), flash('b-2', '09:00', 'עוד מבזק מאתר ב')],
      },
    },
  });
  // As embedders paste it: each site's script, then its ticker. One more of A's
  // below B's script names its site, and one of B's is a custom element.
  const host = await hostPage(
    null,
    `
    <script src="${siteA.url}embed.js" async></script>
    <div id="a1" data-mivzak-ticker data-count="3"></div>
    <script src="${siteB.url}embed.js" async></script>
    <div id="b1" data-mivzak-ticker></div>
    <div id="a2" data-mivzak-ticker data-count="2" data-site="${siteA.url}"></div>
    <mivzak-ticker id="b2" site="${siteB.origin}"></mivzak-ticker>`,
  );
  try {
    await page.goto(host.url);
    const served = async (id) => new URL(await page.locator(`#${id} iframe`).getAttribute('src')).origin;
    const titles = (id) => page.frameLocator(`#${id} iframe`).locator('.flash .headline');
    await expect(titles('a1')).toHaveCount(3);
    await expect(titles('a2')).toHaveCount(2);
    await expect(titles('b1')).toHaveText(['מבזק מאתר ב', 'עוד מבזק מאתר ב']);
    await expect(titles('b2')).toHaveCount(2);
    await expect(titles('a1').first()).toHaveText(SAMPLE_FEED.items[0].title);
    expect([await served('a1'), await served('a2'), await served('b1'), await served('b2')]).toEqual([
      siteA.origin,
      siteA.origin,
      siteB.origin,
      siteB.origin,
    ]);
    await expect(page.locator('iframe')).toHaveCount(4);

    // One added later by the host's own script, naming site A, is A's.
    await page.evaluate((url) => {
      const later = document.createElement('div');
      later.id = 'later';
      later.setAttribute('data-mivzak-ticker', '');
      later.setAttribute('data-site', url);
      later.setAttribute('data-count', '1');
      document.body.append(later);
    }, siteA.url);
    await expect(titles('later')).toHaveCount(1);
    expect(await served('later')).toBe(siteA.origin);

    // Every frame sizes itself, each through its own site's script.
    for (const id of ['a1', 'a2', 'b1', 'b2', 'later']) {
      await expect
        .poll(
          async () => {
            const outer = (await page.locator(`#${id} iframe`).boundingBox()).height;
            const inner = await page
              .frameLocator(`#${id} iframe`)
              .locator('body')
              .evaluate((b) => b.getBoundingClientRect().height);
            return Math.abs(outer - Math.ceil(inner));
          },
          { message: id },
        )
        .toBeLessThan(2);
    }

    // The runtime API reaches both sites' tickers.
    await page.evaluate(() => {
      window.MivzakTicker.set(document.getElementById('a1'), { theme: 'dark' });
      window.MivzakTicker.set(document.getElementById('b1'), { theme: 'dark', mode: 'marquee' });
    });
    await expect(page.frameLocator('#a1 iframe').locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.frameLocator('#b1 iframe').locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.frameLocator('#b1 iframe').locator('.marquee')).toBeVisible();
    await expect(page.frameLocator('#a2 iframe').locator('html')).not.toHaveAttribute('data-theme', 'dark');

    // Messages stay exact per frame: site B's frame cannot resize site A's.
    const before = (await page.locator('#a1 iframe').boundingBox()).height;
    const frameB = page.frames().find((f) => f.url().startsWith(siteB.url));
    await frameB.evaluate(() => {
      for (let id = 1; id < 6; id++) window.parent.postMessage({ type: 'mivzak:height', id, height: 4321 }, '*');
    });
    await page.waitForTimeout(300);
    for (const id of ['a1', 'a2', 'later']) {
      expect((await page.locator(`#${id} iframe`).boundingBox()).height, id).not.toBe(4321);
    }
    expect((await page.locator('#a1 iframe').boundingBox()).height).toBe(before);
  } finally {
    await host.close();
  }
});

test('two sites whose scripts both come last: a placeholder names its site', async ({ page, siteWith }) => {
  const siteA = await siteWith();
  const siteB = await siteWith({
    files: { 'feed.json': { ...SAMPLE_FEED, items: [flash('b-1', '10:00', 'מבזק מאתר ב')] } },
  });
  const host = await hostPage(
    null,
    `
    <div id="b" data-mivzak-ticker data-site="${siteB.url}embed.js"></div>
    <div id="a" data-mivzak-ticker data-count="2"></div>
    <script src="${siteA.url}embed.js" async></script>
    <script src="${siteB.url}embed.js" async></script>
    <script src="${siteA.url}embed.js" async></script>`,
  );
  try {
    await page.goto(host.url);
    await expect(page.frameLocator('#b iframe').locator('.flash .headline')).toHaveText(['מבזק מאתר ב']);
    await expect(page.frameLocator('#a iframe').locator('.flash')).toHaveCount(2);
    expect(new URL(await page.locator('#a iframe').getAttribute('src')).origin).toBe(siteA.origin);
    // A's script twice makes no second frame.
    await expect(page.locator('iframe')).toHaveCount(2);
  } finally {
    await host.close();
  }
});

// Issue 17 §4: `data-feed` under the site's own Content-Security-Policy.
/** A feed on an origin of its own that answers CORS, as a partner's CDN would. */
async function partnerFeed(feed) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-partner-'));
  fs.writeFileSync(path.join(root, 'feed.json'), JSON.stringify(feed));
  const server = await serveDir(root, { headers: { 'access-control-allow-origin': '*' } });
  return {
    ...server,
    async close() {
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
const PARTNER_FEED = {
  ...SAMPLE_FEED,
  items: [flash('p-1', '11:00', 'מבזק מהשותף'), flash('p-2', '10:30', 'עוד מבזק מהשותף')],
};

test('data-feed reads a feed that config.json allows, under the shipped headers', async ({ page, siteWith }) => {
  const partner = await partnerFeed(PARTNER_FEED);
  const site = await siteWith({ config: { embed_feeds: [partner.url] } });
  const host = await hostPage(site, `<div id="w" data-mivzak-ticker data-feed="${partner.url}feed.json"></div>`);
  try {
    // The policy served with embed.html allows the partner; the app's pages do not.
    const embedPolicy = (await fetch(`${site.url}embed.html`)).headers.get('content-security-policy');
    expect(embedPolicy).toMatch(new RegExp(`connect-src 'self' ${partner.url}(;|$)`));
    const appPolicies = (await fetch(site.url)).headers.get('content-security-policy').split(', ');
    expect(appPolicies).toHaveLength(2);
    expect(appPolicies[1]).toBe("frame-ancestors 'self'; connect-src 'self'");
    await page.goto(host.url);
    // No CSP violation anywhere: the fixture fails the test on one.
    await expect(page.frameLocator('#w iframe').locator('.flash .headline')).toHaveText([
      'מבזק מהשותף',
      'עוד מבזק מהשותף',
    ]);
    expect(partner.requests.filter((r) => r.path === '/feed.json').length).toBeGreaterThan(0);
  } finally {
    await host.close();
    await partner.close();
  }
});

test('data-feed outside the allowlist is refused before any request, with a console message', async ({
  page,
  siteWith,
}) => {
  const partner = await partnerFeed(PARTNER_FEED);
  const site = await siteWith({ config: { embed_feeds: ['https://another-partner.example/'] } });
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const host = await hostPage(
    site,
    `<div id="w" data-mivzak-ticker data-count="3" data-feed="${partner.url}feed.json"></div>`,
  );
  try {
    await page.goto(host.url);
    // The reader sees the site's own flashes, never a blank box.
    await expect(page.frameLocator('#w iframe').locator('.flash .headline').first()).toHaveText(
      SAMPLE_FEED.items[0].title,
    );
    await expect
      .poll(() => errors.join('\n'))
      .toContain(`the feed ${partner.url}feed.json is not allowed for embeds of this site`);
    expect(errors.join('\n')).toContain('"embed_feeds" in config.json');
    expect(partner.requests).toEqual([]);
  } finally {
    await host.close();
    await partner.close();
  }
});
