// Every option an embedder sets changes a live widget: as an attribute changed on
// the host page and through MivzakTicker.set, with no reload of the host page.
// Options the frame can change in place (it names them: shared/constants.json embed.live_options)
// keep its document; the others (feed, count, speed, lang, target) load it again.
import { flash } from '../support/feeds.js';
import { hostPage } from '../support/host-page.js';
import { expect, test } from '../support/site.js';

const OTHER = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'פיד שני',
  items: [13, 12, 11, 10, 9].map((hour, i) =>
    flash(`o${i}`, `${String(hour).padStart(2, '0')}:00`, i ? `מבזק ${i} מהפיד השני` : 'מבזק מהפיד השני'),
  ),
};

/** What each option shows inside the frame, read from its document. */
const seen = {
  mode: (frame) =>
    frame
      .locator('.marquee')
      .count()
      .then((n) => (n ? 'marquee' : 'list')),
  count: (frame) => frame.locator('.flashes .flash').count(),
  theme: (frame) => frame.locator('html').getAttribute('data-theme'),
  lang: (frame) => frame.locator('html').getAttribute('lang'),
  target: (frame) => frame.locator('.flash a').first().getAttribute('target'),
  feed: (frame) => frame.locator('.flash .headline').first().textContent(),
  bg: (frame) => frame.locator('html').evaluate((el) => el.style.getPropertyValue('--mivzak-bg')),
  fg: (frame) => frame.locator('html').evaluate((el) => el.style.getPropertyValue('--mivzak-fg')),
  accent: (frame) => frame.locator('html').evaluate((el) => el.style.getPropertyValue('--mivzak-accent')),
  font: (frame) => frame.locator('html').evaluate((el) => el.style.getPropertyValue('--mivzak-font')),
};

// [option, value, what the frame shows then, whether the frame keeps its document]
const CHANGES = [
  ['theme', 'dark', 'dark', true],
  ['bg', '#102030', '#102030', true],
  ['fg', '#fafafa', '#fafafa', true],
  ['accent', '#c00000', '#c00000', true],
  ['font', 'Georgia', 'Georgia', true],
  ['count', '3', 3, false],
  ['lang', 'en', 'en', false],
  ['target', 'blank', '_blank', false],
  ['feed', 'other.json', 'מבזק מהפיד השני', false],
  ['mode', 'marquee', 'marquee', true],
];

for (const how of ['an attribute', 'MivzakTicker.set']) {
  test(`every option changes a live widget, through ${how}`, async ({ page, siteWith }) => {
    test.setTimeout(90_000);
    const site = await siteWith({ files: { 'other.json': OTHER } });
    const host = await hostPage(site, '<div id="w" data-mivzak-ticker data-mode="list" data-count="5"></div>');
    try {
      await page.goto(host.url);
      const frame = page.frameLocator('#w iframe');
      await expect(frame.locator('.flashes .flash')).toHaveCount(5);
      // The frame's document: a new one has a new time origin.
      const loads = () =>
        frame
          .locator('html')
          .evaluate(() => performance.timeOrigin)
          .catch(() => null);
      for (const [name, value, shown, inPlace] of CHANGES) {
        const before = await loads();
        if (how === 'an attribute')
          await page.locator('#w').evaluate((el, [n, v]) => el.setAttribute(`data-${n}`, v), [name, value]);
        else
          await page.evaluate(
            ([n, v]) => window.MivzakTicker.set(document.getElementById('w'), { [n]: v }),
            [name, value],
          );
        await expect.poll(() => seen[name](frame).catch(() => null), { message: `${name}=${value}` }).toBe(shown);
        await expect(frame.locator('.flash').first()).toBeVisible();
        expect((await loads()) === before, `${name}: the frame ${inPlace ? 'keeps' : 'reloads'} its document`).toBe(
          inPlace,
        );
        // Every earlier change still holds.
        for (const [earlier, , earlierShown] of CHANGES.slice(
          0,
          CHANGES.findIndex(([n]) => n === name),
        )) {
          if (earlier === 'count' && name === 'mode') continue; // a marquee shows every flash
          expect(await seen[earlier](frame), `${earlier} after ${name}`).toBe(earlierShown);
        }
      }
      // The title is the host's own attribute on the frame.
      if (how === 'an attribute')
        await page.locator('#w').evaluate((el) => el.setAttribute('data-title', 'Breaking news'));
      else await page.evaluate(() => window.MivzakTicker.set(document.getElementById('w'), { title: 'Breaking news' }));
      await expect(page.locator('#w iframe')).toHaveAttribute('title', 'Breaking news');
      // An option removed goes back to its default.
      if (how === 'an attribute') await page.locator('#w').evaluate((el) => el.removeAttribute('data-theme'));
      else await page.evaluate(() => window.MivzakTicker.set(document.getElementById('w'), { theme: null }));
      await expect.poll(() => seen.theme(frame).catch(() => null)).not.toBe('dark');
      expect(page.url()).toBe(host.url);
    } finally {
      await host.close();
    }
  });
}
