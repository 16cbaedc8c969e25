// The three engines behind one small page API, so every scenario runs unchanged
// in each: Debian's Chromium and Firefox ESR through puppeteer-core (CDP and
// WebDriver BiDi), and WebKitGTK's MiniBrowser through WebKitWebDriver (classic
// WebDriver, in a private Xvfb display: it has no headless mode).
//
// Page problems are not read from the protocols (WebKitWebDriver has no BiDi and
// no page log) but from the in-page probe (probe.js), the same in all three.
import { spawn } from 'node:child_process';
import net from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder, By, Key } from 'selenium-webdriver';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/chromium-flags.js';

/** The browser's own zone, which is not the site's (times must come from config.time_zone). */
export const BROWSER_ZONE = 'America/New_York';
const VIEWPORT = { width: 1280, height: 900 };
const ENV = { ...process.env, TZ: BROWSER_ZONE, LANG: 'he_IL.UTF-8' };
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const ENGINES = {
  chromium: {
    binary: CHROMIUM,
    launch: () =>
      launchPuppeteer({
        browser: 'chrome',
        executablePath: CHROMIUM,
        args: [...CHROMIUM_FLAGS, '--lang=he-IL'],
      }),
  },
  firefox: {
    binary: '/usr/bin/firefox-esr',
    launch: () =>
      launchPuppeteer({
        browser: 'firefox',
        executablePath: '/usr/bin/firefox-esr',
        // Firefox ESR's BiDi has no screen-orientation override, which puppeteer's
        // setViewport sends: the window has the size instead.
        args: [`--width=${VIEWPORT.width}`, `--height=${VIEWPORT.height}`],
        defaultViewport: null,
        extraPrefsFirefox: {
          'intl.accept_languages': 'he-IL',
          // No update, telemetry or remote-settings traffic to hosts this machine cannot reach.
          'app.update.enabled': false,
          'browser.safebrowsing.update.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'network.captive-portal-service.enabled': false,
        },
      }),
  },
  webkit: {
    binary: '/usr/bin/WebKitWebDriver',
    launch: launchWebKit,
  },
};

async function launchPuppeteer(options) {
  const browser = await puppeteer.launch({
    headless: true,
    env: ENV,
    protocolTimeout: 60_000,
    defaultViewport: VIEWPORT,
    ...options,
  });
  const version = await browser.version();
  return {
    version,
    async newPage() {
      return puppeteerPage(await browser.newPage());
    },
    close: () => browser.close(),
  };
}

function puppeteerPage(page) {
  const frameOf = async (selector) => {
    const handle = await page.waitForSelector(selector, { timeout: 10_000 });
    const frame = await handle.contentFrame();
    if (!frame) throw new Error(`${selector} has no frame`);
    return frame;
  };
  return {
    goto: (url) => page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 }),
    reload: () => page.reload({ waitUntil: 'domcontentloaded', timeout: 30_000 }),
    eval: (fn, ...args) => page.evaluate(fn, ...args),
    frameEval: async (selector, fn, ...args) => (await frameOf(selector)).evaluate(fn, ...args),
    async click(selector) {
      await page.waitForSelector(selector, { visible: true, timeout: 10_000 });
      await page.click(selector);
    },
    async type(selector, text) {
      await page.waitForSelector(selector, { visible: true, timeout: 10_000 });
      await page.type(selector, text);
    },
    press: (key) => page.keyboard.press(key),
    close: () => page.close(),
  };
}

/** WebKitWebDriver and MiniBrowser in a display of their own. */
async function launchWebKit() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1400x1000x24'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await new Promise((resolve, reject) => {
    xvfb.once('error', reject);
    xvfb.stdio[3].once('data', (d) => resolve(`:${String(d).trim()}`));
    setTimeout(() => reject(new Error('Xvfb did not start')), 10_000);
  });
  const port = await freePort();
  const driverProcess = spawn('/usr/bin/WebKitWebDriver', [`--port=${port}`], {
    env: { ...ENV, DISPLAY: display },
    stdio: 'ignore',
  });
  const stop = () => {
    driverProcess.kill();
    xvfb.kill();
  };
  try {
    await waitForPort(port);
    const driver = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        pageLoadStrategy: 'none',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    await driver.manage().setTimeouts({ script: 10_000, pageLoad: 30_000 });
    await driver
      .manage()
      .window()
      .setRect({ x: 0, y: 0, ...VIEWPORT });
    const version = `MiniBrowser/${(await driver.getCapabilities()).get('browserVersion')}`;
    return {
      version,
      // One window: every scenario's site has an origin (a port) of its own.
      newPage: async () => seleniumPage(driver),
      async close() {
        await driver.quit().catch(() => {});
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}

function seleniumPage(driver) {
  const run = (fn, args) => driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  // The session does not wait for page loads (pageLoadStrategy "none": with any
  // other, WebKitWebDriver holds every command for 30 s after a page whose wasm
  // failed to load); this waits for the new document to be parsed instead.
  async function navigate(go) {
    const token = String(Math.random());
    await run(
      (t) => {
        window.__mivzakLeaving = t;
      },
      [token],
    ).catch(() => {});
    await go();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const arrived = await run(
        (t) => window.__mivzakLeaving !== t && document.readyState !== 'loading',
        [token],
      ).catch(() => false);
      if (arrived) return;
      if (Date.now() > deadline) throw new Error('the page did not load within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    goto: (url) => navigate(() => driver.get(url)),
    reload: () => navigate(() => driver.navigate().refresh()),
    eval: (fn, ...args) => run(fn, args),
    async frameEval(selector, fn, ...args) {
      await driver.switchTo().frame(await driver.findElement(By.css(selector)));
      try {
        return await run(fn, args);
      } finally {
        await driver.switchTo().defaultContent();
      }
    },
    click: async (selector) => (await visibleElement(driver, selector)).click(),
    type: async (selector, text) => (await visibleElement(driver, selector)).sendKeys(text),
    press: (key) =>
      driver
        .actions()
        .sendKeys(Key[key.toUpperCase()] ?? key)
        .perform(),
    close: () => driver.get('about:blank'),
  };
}

async function visibleElement(driver, selector) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [element] = await driver.findElements(By.css(selector));
    if (element && (await element.isDisplayed())) return element;
    if (Date.now() > deadline) throw new Error(`no visible ${selector}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on ${port}`);
}
