// The embeddable ticker on a page of another origin, as partners use it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, consoleWarnings, SAMPLE_FEED } from '../support/site.js';
import { serveDir } from '../support/static-server.js';

/** A third-party page on its own origin that embeds the widget from `site`. */
async function hostPage(site, body, { css = '' } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mivzak-host-'));
  fs.writeFileSync(path.join(root, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Partner</title>
<style>${css}</style></head>
<body><h1>A partner page</h1>${body}
<script src="${site.url}embed.js" async></script></body></html>`);
  const server = await serveDir(root);
  return { ...server, async close() { await server.close(); fs.rmSync(root, { recursive: true, force: true }); } };
}

const HOSTILE = '* { display: block !important; color: red !important; font-size: 40px !important; } iframe { border: 5px solid red; }';

test('two tickers with different options render, each at its height, untouched by hostile CSS', async ({ page, site }) => {
  const host = await hostPage(site, `
    <div id="one" data-mivzak-ticker data-mode="list" data-count="3" data-theme="light"></div>
    <mivzak-ticker id="two" mode="list" count="6" theme="dark" lang="en"></mivzak-ticker>`, { css: HOSTILE });
  try {
    await page.goto(host.url);
    const one = page.frameLocator('#one iframe');
    const two = page.frameLocator('#two iframe');
    await expect(one.locator('.flash')).toHaveCount(3);
    await expect(two.locator('.flash')).toHaveCount(6);
    await expect(two.locator('h1')).toHaveText('Breaking news');
    await expect(two.locator('html')).toHaveAttribute('dir', 'ltr');
    // The host's CSS does not reach inside: flashes keep the widget's own colours and size.
    const style = await one.locator('.flash .headline').first().evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).fontSize]);
    expect(style[0]).not.toBe('rgb(255, 0, 0)');
    expect(style[1]).not.toBe('40px');
    // Each iframe is as tall as its content, no more, no less.
    for (const [id, frame] of [['#one', one], ['#two', two]]) {
      await expect.poll(async () => {
        const outer = (await page.locator(`${id} iframe`).boundingBox()).height;
        const inner = await frame.locator('body').evaluate((b) => b.getBoundingClientRect().height);
        return Math.abs(outer - Math.ceil(inner));
      }).toBeLessThan(2);
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

test('a message from a third origin is ignored by both sides', async ({ page, site }) => {
  const third = await hostPage(site, '');
  const host = await hostPage(site, `<div id="w" data-mivzak-ticker data-count="2"></div><iframe id="third" src="${third.url}"></iframe>`);
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
    await frame.locator('body').evaluate(() => { window.__sameDocument = true; });
    await page.evaluate(() => window.MivzakTicker.set(document.getElementById('w'), { theme: 'dark' }));
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.evaluate(() => document.getElementById('w').setAttribute('data-mode', 'marquee'));
    await expect(frame.locator('.marquee')).toBeVisible();
    expect(await frame.locator('body').evaluate(() => window.__sameDocument)).toBe(true);
  } finally {
    await host.close();
  }
});

test('a ticker added after load is found, and its links open our article as configured', async ({ page, context, site }) => {
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
    expect(paths.filter((p) => p.startsWith('/mivzak-') || p.endsWith('.css') && !p.startsWith('/ticker-'))).toEqual([]);
    await expect(frame.locator('.site-header')).toHaveCount(0);
  } finally {
    await host.close();
  }
});

test('the host page load event does not wait for the ticker', async ({ page, site }) => {
  await page.addInitScript(() => {
    window.addEventListener('load', () => { window.__framesAtLoad = document.querySelectorAll('iframe').length; });
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
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    Object.defineProperty(window, 'sessionStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
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
