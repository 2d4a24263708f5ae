// The three engines readers use, behind one small interface, so one test body runs in each:
// Chromium (through playwright-core, as the rest of the suite), WebKit (WebKitGTK's WebKitWebDriver
// under Xvfb: the engine of Safari and of every browser on iOS, WeChat's included) and Firefox
// (Firefox ESR through geckodriver), both through standard W3C WebDriver with selenium-webdriver.
//
// Why selenium-webdriver: it is the W3C WebDriver project's own client, kept in step with the
// specification and both drivers; pointed at a driver we start ourselves (`usingServer`), it
// downloads nothing, and it speaks WebDriver BiDi where a driver does (geckodriver: the console
// and uncaught errors). webdriverio would work too, with many more dependencies and its own
// driver management to switch off.
//
// A test gets a `Tab` with the few operations it needs: goto, evaluate, waitFor, click, key,
// resize, screenshot (of the page or of one element), the same in one of its iframes (`frame`),
// and `problems` (console errors and warnings, uncaught exceptions) where the engine lets a
// client read them: Chromium and Firefox do; WebKitGTK's driver has no BiDi, so there `hears` is
// false and a test checks what the reader sees instead.
// A test that needs more than this (a CDP trace, request interception) is Chromium's alone and
// lives in the other test files.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, By, Key } from 'selenium-webdriver';
import { launch } from './harness.mjs';
import { freePort, listening } from './nginx.mjs';

/** The engines to run, from `ENGINES` (comma-separated), all three by default. */
export const ENGINES = (process.env.ENGINES ?? 'chromium,webkit,firefox').split(',').map((name) => name.trim()).filter(Boolean);

const GECKODRIVER = process.env.GECKODRIVER ?? join(process.env.CARGO_HOME ?? join(process.env.HOME, '.cargo'), 'bin/geckodriver');

/**
 * Starts `engine` ('chromium', 'webkit' or 'firefox') for pages at device pixel ratio `dpr`, with
 * the reader's reduced-motion setting `reducedMotion`. Resolves to { name, open(url, size), close }.
 * WebDriver sets these for the whole browser (WebKitGTK: GTK's scale and its animations setting;
 * Firefox: its preferences), so a test that needs another starts the engine again.
 */
export async function start(engine, { dpr = 1, reducedMotion = false } = {}) {
  if (engine === 'chromium') return chromium({ dpr, reducedMotion });
  if (engine === 'webkit' || engine === 'firefox') return webdriver(engine, { dpr, reducedMotion });
  throw new Error(`no engine called ${engine}`);
}

async function chromium({ dpr, reducedMotion }) {
  const browser = await launch();
  let context;
  return {
    name: 'chromium',
    // One tab at a time, as through WebDriver: opening one closes the last.
    async open(url, { width = 1024, height = 768 } = {}) {
      await context?.close();
      context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, reducedMotion: reducedMotion ? 'reduce' : 'no-preference' });
      const page = await context.newPage();
      const tab = playwrightTab(page, () => context.close());
      page.on('console', (message) => {
        if (['error', 'warning'].includes(message.type())) tab.problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => tab.problems.push(`uncaught: ${error.message}`));
      await page.goto(url);
      return tab;
    },
    close: () => browser.close(),
  };
}

function playwrightTab(page, close) {
  return {
    engine: 'chromium',
    hears: true,
    problems: [],
    goto: (url) => page.goto(url),
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, label, options) => waitFor((f, a) => page.evaluate(f, a), fn, label, options),
    click: (selector) => page.locator(selector).first().click(),
    // The reader's first move: the pointer over the page's corner.
    move: () => page.mouse.move(1, 1),
    key: (key) => page.keyboard.press(key),
    resize: (width, height) => page.setViewportSize({ width, height }),
    screenshot: (path, selector) => (selector ? page.locator(selector).screenshot({ path }) : page.screenshot({ path })),
    frame: (selector) => {
      const frame = page.frameLocator(selector);
      const inner = async () => (await page.$(selector)).contentFrame();
      return {
        evaluate: async (fn, arg) => (await inner()).evaluate(fn, arg),
        waitFor: async (fn, label, options) => waitFor(async (f, a) => (await inner()).evaluate(f, a), fn, label, options),
        click: (inside) => frame.locator(inside).first().click(),
      };
    },
    close,
  };
}

async function webdriver(engine, { dpr, reducedMotion }) {
  const port = await freePort();
  const home = await mkdtemp(join(tmpdir(), `story-${engine}-`));
  let command;
  let capabilities;
  const env = { ...process.env };
  if (engine === 'webkit') {
    // GTK's settings: an integer scale (the device pixel ratio), and animations off, which
    // WebKitGTK reports as prefers-reduced-motion.
    env.GDK_SCALE = String(dpr);
    env.XDG_CONFIG_HOME = home;
    await mkdir(join(home, 'gtk-3.0'));
    await writeFile(join(home, 'gtk-3.0/settings.ini'), `[Settings]\ngtk-enable-animations=${reducedMotion ? 'false' : 'true'}\n`);
    command = ['xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', 'WebKitWebDriver', `--port=${port}`]];
    capabilities = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { args: ['--automation'] } };
  } else {
    const bidi = await freePort();
    command = [GECKODRIVER, [`--port=${port}`, `--websocket-port=${bidi}`, '--log=fatal']];
    capabilities = {
      browserName: 'firefox',
      webSocketUrl: true,
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless', '-profile', home],
        // Scrollbars over the content, as on a phone, not beside it as on a Linux desktop.
        prefs: { 'layout.css.devPixelsPerPx': String(dpr), 'ui.prefersReducedMotion': reducedMotion ? 1 : 0, 'ui.useOverlayScrollbars': 1 },
      },
    };
  }
  // Its own process group, so that stopping it stops what it started (Xvfb, the browser).
  const driverProcess = spawn(command[0], command[1], { stdio: 'ignore', detached: true, env });
  const stop = async () => {
    try {
      process.kill(-driverProcess.pid, 'SIGTERM');
    } catch {}
    await rm(home, { recursive: true, force: true });
  };
  let driver;
  try {
    await listening(port, 20000);
    driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
  } catch (error) {
    await stop();
    throw error;
  }
  const problems = [];
  let hears = false;
  if (engine === 'firefox') {
    const { default: LogInspector } = await import('selenium-webdriver/bidi/logInspector.js');
    const inspector = await LogInspector(driver);
    await inspector.onConsoleEntry((entry) => {
      if (['error', 'warn', 'warning'].includes(entry.level)) problems.push(`console ${entry.level}: ${entry.text}`);
    });
    await inspector.onJavascriptException((entry) => problems.push(`uncaught: ${entry.text}`));
    hears = true;
  }
  const run = (fn, arg) => driver.executeScript(`return (${fn}).call(null, arguments[0]);`, arg ?? null);
  // Scripts run in the tab's document, or in one of its iframes' (switched to for the call).
  const inFrame = async (selector, action) => {
    const element = await driver.findElement(By.css(selector));
    await driver.switchTo().frame(element);
    try {
      return await action();
    } finally {
      await driver.switchTo().defaultContent();
    }
  };
  const tab = {
    engine,
    hears,
    problems,
    goto: async (url) => {
      // A new document each time, even for an address that differs from the last by its hash;
      // what the last one said as it was left is not this one's.
      await driver.get('about:blank');
      problems.length = 0;
      await driver.get(url);
    },
    url: () => driver.getCurrentUrl(),
    evaluate: run,
    waitFor: (fn, label, options) => waitFor(run, fn, label, options),
    click: async (selector) => (await driver.findElement(By.css(selector))).click(),
    // The pointer stays where the last page left it: moving it there again is no move.
    move: () => driver.actions().move({ x: 2, y: 2 }).move({ x: 1, y: 1 }).perform(),
    key: (key) => {
      if (key.length > 1 && !KEYS[key]) throw new Error(`no WebDriver key for ${key}: add it to KEYS`);
      return driver.actions().sendKeys(KEYS[key] ?? key).perform();
    },
    resize: (width, height) => driver.manage().window().setRect({ width, height }),
    // WebKitGTK's driver shoots an element shifted down by the height of the browser's own bar (its
    // top band black, its foot cut off): there, the whole window, which it shoots right.
    screenshot: async (path, selector) => {
      const element = selector && engine !== 'webkit';
      const image = element ? await (await driver.findElement(By.css(selector))).takeScreenshot() : await driver.takeScreenshot();
      await writeFile(path, image, 'base64');
    },
    frame: (selector) => ({
      evaluate: (fn, arg) => inFrame(selector, () => run(fn, arg)),
      waitFor: (fn, label, options) => waitFor((f, a) => inFrame(selector, () => run(f, a)), fn, label, options),
      click: (inside) => inFrame(selector, async () => (await driver.findElement(By.css(inside))).click()),
    }),
    close: async () => {},
  };
  return {
    name: engine,
    async open(url, { width = 1024, height = 768 } = {}) {
      await driver.manage().window().setRect({ width, height });
      await tab.goto(url);
      return tab;
    },
    close: async () => {
      await driver.quit().catch(() => {});
      await stop();
    },
  };
}

const KEYS = { End: Key.END, Home: Key.HOME, ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, Tab: Key.TAB, Enter: Key.ENTER, Escape: Key.ESCAPE, PageDown: Key.PAGE_DOWN };

/** Polls `fn(arg)`, run by `evaluate`, until it returns something truthy; fails with `label`. */
async function waitFor(evaluate, fn, label, { timeout = 15000, arg } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await evaluate(fn, arg);
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${label}${last ? `: ${last.message.split('\n')[0]}` : ''}`);
    await new Promise((next) => setTimeout(next, 50));
  }
}
