// Shared helpers for the browser tests: a static server for dist/, Debian's Chromium launched
// headless, and a page that records everything that went wrong while it loaded.
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test as nodeTest } from 'node:test';
import { chromium } from 'playwright-core';
import { host } from './nginx.mjs';

export { host };

/**
 * A test that runs in Chromium only (through Playwright: its emulation, request interception,
 * traces), and says so in its name. What a reader sees in every engine is tested once per engine
 * in engines.test.mjs.
 */
export function test(name, ...rest) {
  return nodeTest(`chromium: ${name}`, ...rest);
}

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');
export const OUTPUT = join(ROOT, 'tests/browser/output');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Serves `dir` on a free loopback port as a static host should: the precompressed `.br` or `.gz`
 * sibling when the browser accepts it, hashed assets cached for a year, HTML revalidated.
 * `headers` are added to every response (a test can send a Content-Security-Policy, say); a path
 * `refused` matches is answered 404, a fault for any engine (the WebAssembly lost on the way, say).
 * Resolves to { url, close, served } where `served` lists [path, encoding] for each response.
 */
export async function serve(dir = DIST, { headers = {}, refused } = {}) {
  const served = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return end(response, 403);
    if (refused?.test(path)) return end(response, 404);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const accepted = request.headers['accept-encoding'] ?? '';
      let encoding;
      let body;
      for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accepted.includes(name)) continue;
        body = await readFile(file + ext).catch(() => undefined);
        if (body) {
          encoding = name;
          break;
        }
      }
      body ??= await readFile(file);
      const hashed = /-[0-9a-f]{12,16}(_bg)?\.\w+$/.test(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        vary: 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...headers,
      });
      served.push([path, encoding ?? 'identity']);
      response.end(body);
    } catch {
      end(response, 404);
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    served,
    close: () => new Promise((done) => server.close(done)),
  };
}

function end(response, status) {
  response.writeHead(status, { 'content-type': 'text/plain' });
  response.end(String(status));
}

/**
 * For a test file: serves dist/ as a newsroom does (nginx, `host`: the build's headers, its
 * Content-Security-Policy among them) and launches Chromium before its tests, and stops both after
 * them. Returns an object whose `server` and `browser` are set once the tests start.
 */
export function setUp() {
  const shared = {};
  before(async () => {
    shared.server = await host();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** Debian's Chromium, headless, with the flags a closed network and a root user need. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh page in its own context. `page.problems` collects console errors and warnings, uncaught
 * exceptions, failed requests and HTTP errors, so a test can assert that loading went cleanly.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) page.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => page.problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => page.problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) page.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return page;
}

/**
 * Every page the build wrote for another site's frame (src/view.rs), as addresses relative to the
 * story's folder: `embed/index.html`, `embed/<id>.html`, `en/embed/<id>.html`, …
 */
export async function framePages(dir = DIST) {
  const pages = [];
  for (const folder of ['embed', 'en/embed']) {
    // 404.html is missing.html again, under the name hosts look for (src/deploy.rs).
    for (const name of (await readdir(join(dir, folder))).sort()) if (name.endsWith('.html') && name !== '404.html') pages.push(`${folder}/${name}`);
  }
  return pages;
}

/** Polls `probe` from Node until it returns a truthy value, for pages where scripts are off. */
export async function poll(probe, label, { timeout = 15000 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${label}`);
    await new Promise((next) => setTimeout(next, 50));
  }
}

/** Polls `condition` in the page until it is truthy; fails with `label` after `timeout` ms. */
export async function waitFor(page, condition, label, { timeout = 15000, arg } = {}) {
  try {
    return await page.waitForFunction(condition, arg, { timeout, polling: 50 });
  } catch (error) {
    throw new Error(`timed out after ${timeout} ms waiting for ${label}: ${error.message.split('\n')[0]}`);
  }
}

/**
 * In the page: whether every chapter of the story's page is laid out (static/boot.js does it while
 * the page is idle, once the engine is live; a frame's page lays out all from the start). Until
 * then a chapter off screen has its estimated height, and a place measured in or past it may be a
 * screen off once it takes its real one.
 */
export const everyChapterLaidOut = () => document.querySelectorAll('html:not([data-embed]) .chapter:not(.chapter--laid-out)').length === 0;

/**
 * In the page: how its text is set, for what a reader would see set wrong. Of the figure cards:
 * `outside`, a character of a figure past its card's edge; `parted`, two characters with no space
 * between, the second on a later line ("40" / "%"); `uneven`, a row of cards whose numbers are set
 * at two sizes; `basisInline`, a card whose basis does not start a line of its own. Of all the
 * story's text: `lone`, a Chinese text whose last line holds one character alone (孤字, "总量口 /
 * 径"), at a block's end or before a line break (the build keeps a run's last two Han characters
 * together: src/typeset.rs); `midWord`, a Chinese heading, card label or link to the next chapter
 * broken inside a word as the browser's own segmenter sees words (Intl.Segmenter: "三木集团项 /
 * 目设计规模"), each of `words` (the story's `typesetting.words`, which the segmenter's dictionary
 * lacks: "域外引资到 / 位额增长") one word; `unplanned`, one of them broken where the build wrote no
 * `<wbr>` and no space or mark allows a break, an overfull line broken anywhere (WebKit, under
 * keep-all, takes no break after "，", and set the headline "…的数字”，归功 / 于党的领导"), or before
 * a mark that closes. Of the headline (`headline`): the `quotation` in it and the `lines` it takes,
 * the headline's `lines`, and each line that starts with a full-width opening mark
 * (`indents`: it draws its ink in its right half, half an em in from the lines around it).
 */
export const textAsSet = (words = []) => {
  // Full-width marks that open and that close (or part), as src/typeset.rs names them.
  const opening = '（“‘《「『【〔〈［｛';
  const closing = '，。、：；！？）”’》」』】〕〉］｝';
  // The characters under `root` as the reader sees them, in document order: each with its box
  // (null when it has none: a collapsed space), its element's font size and whether a `<wbr>` is
  // just before it; a line break (`<br>`) as "\n". Text only for screen readers
  // (`.visually-hidden`) is left out.
  const characters = (root) => {
    const seen = [];
    let wbr = false;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node; (node = walker.nextNode());) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.localName === 'br') seen.push({ ch: '\n', r: null });
        if (node.localName === 'wbr') wbr = true;
        continue;
      }
      if (node.parentElement.closest('.visually-hidden')) continue;
      for (let i = 0; i < node.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        seen.push({ ch: node.data[i], r: r?.width > 0 ? r : null, size: getComputedStyle(node.parentElement).fontSize, wbr });
        wbr = false;
      }
    }
    return seen;
  };
  // Whether the character boxed `r` is on a later line than the one boxed `above`: its middle below
  // the other's bottom (a glyph's box is taller than a tight line: a headline's boxes overlap).
  const below = (r, above) => (r.top + r.bottom) / 2 > above.bottom;
  // The lines of `seen`: a line ends where the next character shown is below it.
  const lines = (seen) => {
    const shown = seen.filter(({ r }) => r);
    const found = [];
    shown.forEach(({ ch, r }, i) => {
      if (i === 0 || below(r, shown[i - 1].r)) found.push({ text: '', first: { ch, r } });
      found[found.length - 1].text += ch;
    });
    return found;
  };

  const outside = [];
  const parted = [];
  const rows = new Map();
  for (const card of document.querySelectorAll('.indicator')) {
    const id = card.dataset.indicator;
    const box = card.getBoundingClientRect();
    const style = getComputedStyle(card);
    const [left, right] = [box.left + parseFloat(style.paddingLeft), box.right - parseFloat(style.paddingRight)];
    const seen = characters(card.querySelector('.indicator__figure'));
    for (const { ch, r } of seen) if (r && (r.left < left - 0.5 || r.right > right + 0.5)) outside.push(`${id}: "${ch}" ${Math.round(r.right - right)} px past`);
    // Two characters with no space between, the second on a later line.
    seen.forEach(({ ch, r }, i) => {
      const next = seen[i + 1];
      if (r && next?.r && /\S/.test(ch) && /\S/.test(next.ch) && below(next.r, r)) parted.push(`${id}: ${ch} / ${next.ch}`);
    });
    const row = `${[...document.querySelectorAll('.figures')].indexOf(card.parentElement)} at ${Math.round(box.top)}`;
    rows.set(row, [...(rows.get(row) ?? []), `${id} ${seen.find(({ ch, r }) => r && /\d/.test(ch)).size}`]);
  }
  const uneven = [...rows.values()].filter((cards) => new Set(cards.map((c) => c.split(' ')[1])).size > 1);
  // A card's basis that does not start a line of its own, at the caption's start edge (its period
  // and basis once shared a line, a dot between them beginning the next: "· 口径").
  const basisInline = [];
  for (const card of document.querySelectorAll('.indicator')) {
    const shown = characters(card.querySelector('.indicator__meta')).filter(({ ch, r }) => r && /\S/.test(ch));
    const text = shown.map(({ ch }) => ch).join('');
    const basis = Math.max(text.indexOf('口径'), text.indexOf('Basis'));
    const first = shown[basis];
    if (!first || !below(first.r, shown[basis - 1].r) || Math.abs(first.r.left - shown[0].r.left) > 0.5) basisInline.push(card.dataset.indicator);
  }

  const lone = [];
  for (const block of document.querySelectorAll('#story :is(p, h1, h2, h3, li, td, th, figcaption > div)')) {
    const hider = block.closest('.visually-hidden, thead');
    if (!block.checkVisibility() || (hider && hider.getBoundingClientRect().width <= 1)) continue;
    const texts = [[]];
    for (const c of characters(block)) {
      if (c.ch === '\n' && !c.r) texts.push([]);
      else texts.at(-1).push(c);
    }
    for (const text of texts.map(lines)) {
      const last = [...(text.at(-1)?.text ?? '').replace(/[\s\p{P}\p{S}]/gu, '')];
      if (text.length > 1 && last.length === 1 && /\p{Script=Han}/u.test(last[0])) lone.push(`${text.at(-2).text.slice(-6)} / ${text.at(-1).text}`);
    }
  }

  const midWord = [];
  const unplanned = [];
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  for (const block of document.querySelectorAll('#story :is(h1, h2, h3, .indicator__label, .chapter__next)')) {
    if (!block.checkVisibility() || !block.closest('[lang]').lang.startsWith('zh')) continue;
    const seen = characters(block).filter(({ ch }) => ch !== '\n');
    const text = seen.map(({ ch }) => ch).join('');
    const starts = new Set([...segmenter.segment(text)].map(({ index }) => index));
    for (const word of words) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        for (let i = at + 1; i < at + word.length; i += 1) starts.delete(i);
        starts.add(at + word.length);
      }
    }
    let before = null;
    // Since the last character shown: a `<wbr>` or a space, or the last one a mark that closes or
    // parts; or this one a mark that opens (a break the line-breaking rules allow under keep-all).
    let marked = false;
    seen.forEach(({ ch, r, wbr }, i) => {
      marked ||= wbr || /\s/.test(ch) || opening.includes(ch);
      if (!r) return;
      const broken = `${text.slice(Math.max(0, i - 6), i)} / ${text.slice(i, i + 6)}`;
      if (before && below(r, before) && !starts.has(i) && /\p{Script=Han}/u.test(ch)) midWord.push(broken);
      // Never before a mark that closes, whatever allowed it: no line starts with one (clreq).
      if (before && below(r, before) && (!marked || closing.includes(ch))) unplanned.push(broken);
      before = r;
      marked = /\s/.test(ch) || closing.includes(ch);
    });
  }

  const h1 = document.querySelector('h1');
  const heading = characters(h1);
  const quotation = heading.map(({ ch }) => ch).join('').match(/“[^”]*”|‘[^’]*’(?![A-Za-z])/);
  const em = parseFloat(getComputedStyle(h1).fontSize);
  const headline = {
    quotation: quotation[0],
    lines: lines(heading.slice(quotation.index, quotation.index + quotation[0].length)).length,
    h1Lines: lines(heading).length,
    indents: lines(heading).map(({ first }) => first).filter(({ ch, r }) => opening.includes(ch) && r.width / em > 0.6).map(({ ch, r }) => `${ch} ${(r.width / em).toFixed(2)} em`),
  };
  return { outside, parted, uneven, basisInline, lone, midWord, unplanned, headline };
};

/**
 * In the page: whether the `index`th element of `selector` has its top at `at` of the screen's
 * height; if not, scrolls it there, for a later look to find it (polled, it is found in place only
 * once nothing moved it since).
 */
export const atPlace = ([selector, index, at]) => {
  const off = document.querySelectorAll(selector)[index].getBoundingClientRect().top - innerHeight * at;
  if (Math.abs(off) <= 2) return true;
  window.scrollBy(0, off);
  return false;
};

/** Waits until every chapter of the story's page is laid out ([everyChapterLaidOut]). */
export async function laidOut(page) {
  await waitFor(page, everyChapterLaidOut, 'every chapter laid out');
}

/** Scrolls the page, every chapter laid out, until the `index`th element of `selector` has its
 * top at `at` of the screen's height, as a look after the scroll finds it ([atPlace]). */
export async function scrollToPlace(page, selector, index, at) {
  await laidOut(page);
  await waitFor(page, atPlace, `${selector} ${index} at ${at} of the screen`, { arg: [selector, index, at] });
}

/** The reader's first move on a page: a pointer over its corner (a frame has no mouse of its own). */
export async function firstMove(page) {
  if (page.mouse) await page.mouse.move(1, 1);
}

/**
 * The reader's first move, then the engine live (`app-live`). On a page of its own the engine
 * starts only once the reader moves (static/boot.js); a pointer moving over a corner changes
 * nothing else: no scroll, no focus. A frame (a Playwright Frame: no mouse of its own) starts by
 * itself.
 */
export async function live(page, label = 'the app to start', { timeout = 15000 } = {}) {
  await firstMove(page);
  return waitFor(page, () => document.documentElement.classList.contains('app-live'), label, { timeout });
}

/** Swaps the page's own stylesheet for itself with each `[from, to]` of `renames` replaced: how an
 * engine that lacks a feature reads the page, where `to` is a name no engine knows. (The page's
 * policy allows no test's `<style>`; a stylesheet built in the page, it allows.) */
export async function withRenamedInStylesheet(page, renames) {
  await page.evaluate((renames) => {
    const own = document.querySelector('head style');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(renames.reduce((css, [from, to]) => css.replaceAll(from, to), own.textContent));
    own.sheet.disabled = true;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, renames);
}

/** The string value of `key` in the [story] table of the story file, read as an editor wrote it. */
export async function storyField(key, file = 'stories/fushun-2023h1.toml') {
  const text = await readFile(join(ROOT, file), 'utf8');
  const match = text.match(new RegExp(`^${key} = "(.*)"$`, 'm'));
  if (!match) throw new Error(`${file} has no ${key}`);
  return match[1];
}

/** The story file's `typesetting.words`: Chinese words the segmenter's dictionary lacks. */
export async function storyWords(file = 'stories/fushun-2023h1.toml') {
  const text = await readFile(join(ROOT, file), 'utf8');
  const match = text.match(/^words = (\[.*\])$/m);
  return match ? JSON.parse(match[1]) : [];
}

/** The ids of the story file's charts, in reading order, a sequence's steps' among them: a chart's
 * `id` line is followed by its `chart` kind. */
export async function storyCharts(file = 'stories/fushun-2023h1.toml') {
  const text = await readFile(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^id = "([a-z0-9-]+)"\nchart = "/gm)].map((match) => match[1]);
}

/** Every string the story file gives on a line of its own (`key = "…"`), as the page shows it: its
 * light markup read (src/content/rich.rs: 「a quotation」 in “ ” with a quotation inside it in ‘ ’,
 * **emphasis**, [a link](…), 〔汉字〕), so that what a reader copies can be compared with the file. */
export async function storyTexts(file = 'stories/fushun-2023h1.toml') {
  const text = await readFile(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^[a-z_]+ = ("(?:[^"\\]|\\.)*")$/gm)].map(([, value]) =>
    JSON.parse(value)
      .replace(/「([^」]*)」/g, (_, quoted) => `“${quoted.replace(/“/g, '‘').replace(/”/g, '’')}”`)
      .replace(/\*\*/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[〔〕]/g, ''));
}

/** Every [[indicators]] entry of the story file: { id, value, precision, written, measures }. */
export async function storyIndicators(file = 'stories/fushun-2023h1.toml') {
  const text = await readFile(join(ROOT, file), 'utf8');
  return text
    .split(/^\[\[/m)
    .filter((section) => section.startsWith('indicators]]'))
    .map((section) => {
      const field = (key) => section.match(new RegExp(`^${key} = "?([^"\\n]*)"?$`, 'm'))?.[1];
      const [value, precision] = [Number(field('value')), Number(field('precision'))];
      return { id: field('id'), value, precision, written: value.toFixed(precision), measures: field('measures') };
    });
}

/** Installs a counter of text changes in every count-up, to tell animated figures from still ones.
 * A rank's card has none: a place does not count up. */
export async function countCountUpFrames(page) {
  await page.evaluate(() => {
    window.__frames = {};
    for (const card of document.querySelectorAll('.indicator')) {
      const live = card.querySelector('.count-up__live');
      if (!live) continue;
      const key = card.closest('[data-indicator]').dataset.indicator + '@' + [...document.querySelectorAll('.indicator')].indexOf(card);
      window.__frames[key] = 0;
      new MutationObserver((changes) => (window.__frames[key] += changes.length)).observe(live, { characterData: true, subtree: true, childList: true });
    }
  });
}

/** Chooses chapter `id` from the navigator as a reader does: from its list where the labels fit, or
 * from its menu (opened first) on a phone. */
export async function chooseChapter(page, id) {
  const menu = page.locator('.chapter-nav__current');
  const inMenu = await menu.isVisible();
  if (inMenu) await menu.click();
  await page.locator(`${inMenu ? '.chapter-nav__menu-list' : '.chapter-nav__list'} a[href="#${id}"]`).click();
}
