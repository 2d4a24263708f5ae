// What a reader sees, in every engine a reader uses: Chromium, WebKit (Safari, every iOS browser,
// WeChat on iOS) and Firefox, each test body once per engine through tests/browser/engines.mjs.
// The story is served by nginx as a newsroom serves it, its policy reporting any violation; a
// host's article on another origin embeds it; a server that loses the WebAssembly on the way
// stands in for that fault. `ENGINES=webkit npm test -- engines.test.mjs` runs one engine.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, start } from './engines.mjs';
import { OUTPUT, atPlace, everyChapterLaidOut, host, serve, storyCharts, storyField, storyIndicators, storyTexts, storyWords, textAsSet } from './harness.mjs';
import { REPORTS } from './nginx.mjs';

const CHAPTERS = ['leadership', 'projects', 'cadres', 'environment'];
const shared = {};

/** A host's article on another origin with `body`: text above and below. */
const article = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A news article</title><link rel="icon" href="data:,"></head>
<body style="margin:0"><h1>A news article</h1><p>Text before.</p>${body}<p>Text after.</p></body></html>`;

before(async () => {
  shared.story = await host(undefined, { reported: true });
  // The host's article is on another origin: the story addressed by name, the host by number.
  shared.storyUrl = shared.story.url.replace('127.0.0.1', 'localhost');
  shared.hostDir = await mkdtemp(join(tmpdir(), 'story-engines-'));
  const story = shared.storyUrl;
  await writeFile(join(shared.hostDir, 'embed.html'), article(`<iframe src="${story}embed/growth-rates.html" title="Chart" style="width:100%;border:0"></iframe>
<script src="${story}embed.js" async></script>`));
  await writeFile(join(shared.hostDir, 'sequence.html'), article(`<div style="height:900px"></div>
<iframe src="${story}embed/projects.html" title="Chapter" style="width:100%;border:0"></iframe>
<script src="${story}embed.js" async></script><div style="height:1500px"></div>`));
  for (const width of [320, 375]) {
    // A phone's screen: the story's page alone in a viewport of the phone's width (a WebDriver
    // window cannot be that narrow).
    await writeFile(join(shared.hostDir, `phone-${width}.html`), `<!doctype html><html><head><meta charset="utf-8"><title>Phone</title>
<link rel="icon" href="data:,"></head><body style="margin:0"><iframe id="phone" src="${story}" title="Story" style="width:${width}px;height:640px;border:0"></iframe></body></html>`);
  }
  shared.host = await serve(shared.hostDir);
  shared.lost = await serve(undefined, { refused: /\.wasm$/ });
  shared.title = await storyField('title');
  shared.english = await storyField('title', 'stories/fushun-2023h1.en.toml');
  shared.texts = await storyTexts();
  shared.charts = (await storyCharts()).length;
  shared.indicators = new Map((await storyIndicators()).map((indicator) => [indicator.id, indicator]));
});

after(async () => {
  await shared.story?.close();
  await shared.host?.close();
  await shared.lost?.close();
  await rm(shared.hostDir, { recursive: true, force: true });
});

/** The policy's violations reported so far (nginx's log of the report address). */
const reports = () => shared.story.served.filter(([address]) => address === REPORTS).length;

/** The reader's first move, then the engine live. */
async function live(tab, label = 'the app live') {
  await tab.move();
  await tab.waitFor(() => document.documentElement.classList.contains('app-live'), label);
}

/** Scrolls `selector`'s every element into view in turn, waiting for `done(element)` on each. */
async function through(tab, selector, done, label) {
  const count = await tab.evaluate((s) => document.querySelectorAll(s).length, selector);
  for (let i = 0; i < count; i += 1) {
    await tab.evaluate(([s, i]) => document.querySelectorAll(s)[i].scrollIntoView({ block: 'center' }), [selector, i]);
    await tab.waitFor(new Function('[s, i]', `const element = document.querySelectorAll(s)[i]; return (${done})(element);`), `${label} ${i}`, { arg: [selector, i] });
  }
  return count;
}

const drawn = (canvas) => canvas.dataset.drawn === 'final';

/**
 * How the page sets its Chinese (clreq), measured in the page, every chapter laid out: the advance
 * of each pair of adjacent punctuation marks the build marked (src/typeset.rs) in em, and every
 * pair the rule names that it did not mark; every rendered line that starts with a closing mark or
 * ends with an opening one; every figure or number with its unit broken over two lines; and every
 * paragraph whose selected text is not its text.
 */
function typesetting(fileTexts) {
  const OPENING = '（“‘《「『【〔〈［｛';
  const CLOSING = '，。、：；！？）”’》」』】〕〉］｝';
  for (const chapter of document.querySelectorAll('.chapter')) chapter.classList.add('chapter--laid-out');
  const story = document.getElementById('story');
  // A character's own box: WebKit gives a character after a soft wrap two boxes, an empty one at
  // the end of the line before and its own, and their union as the range's bounding box.
  const rect = (node, offset) => {
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    return [...range.getClientRects()].filter((box) => box.width > 0).at(-1) ?? range.getBoundingClientRect();
  };
  const em = (node) => parseFloat(getComputedStyle(node.parentElement).fontSize);
  const hidden = (node) => node.parentElement.closest('.visually-hidden, [aria-hidden="true"], script, style, template');
  const texts = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = [];
    while (walker.nextNode()) if (walker.currentNode.data.length && !hidden(walker.currentNode)) found.push(walker.currentNode);
    return found;
  };
  // Every character of the story's text, in order, to find a mark's neighbours across tags.
  const all = texts(story).flatMap((node) => [...node.data].map((c, offset) => ({ node, offset, c })));
  const pairs = [];
  // Both rendered (not in a closed disclosure), on one line.
  const sameLine = (a, b) => a.width > 0 && b.width > 0 && Math.abs(a.top - b.top) < 2;
  // A trimmed mark and the mark it is trimmed against: an opening one against the mark before
  // it, a closing one against the mark after it; the pair's advance from the first's start to
  // the second's end.
  for (const mark of story.querySelectorAll('.trim')) {
    const node = mark.firstChild;
    const at = all.findIndex((entry) => entry.node === node);
    const partner = OPENING.includes(node.data) ? all[at - 1] : all[at + 1];
    if (!partner) continue;
    const own = rect(node, 0);
    const other = rect(partner.node, partner.offset);
    if (!sameLine(own, other)) continue;
    const advance = OPENING.includes(node.data) ? own.right - other.left : other.right - own.left;
    pairs.push([advance / em(node), `${OPENING.includes(node.data) ? partner.c + node.data : node.data + partner.c}`]);
  }
  // Every pair clreq trims is marked: of two adjacent marks in one block, a closing one before a
  // closing one, or an opening one after either.
  const unmarked = [];
  const BLOCK = 'p, li, h1, h2, h3, figcaption, blockquote, td, th, dt, dd, summary, div, section';
  for (let i = 1; i < all.length; i += 1) {
    const [a, b] = [all[i - 1], all[i]];
    if (a.node.parentElement.closest(BLOCK) !== b.node.parentElement.closest(BLOCK)) continue;
    if (b.node.parentElement.closest('story-island')) continue;
    const trimmed = CLOSING.includes(a.c) && CLOSING.includes(b.c) ? a : OPENING.includes(b.c) && (OPENING + CLOSING).includes(a.c) ? b : null;
    if (trimmed && !trimmed.node.parentElement.classList.contains('trim')) unmarked.push(a.c + b.c);
  }
  // A Han character beside a Latin letter or digit in one block, outside an island: spaced by a
  // quarter em, from the first's end to the second's start, when both are on one line.
  const HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{3FFFF}]/u;
  const LATIN = /[A-Za-z0-9\u00C0-\u024F]/;
  const boundary = (a, b) => (HAN.test(a) && LATIN.test(b)) || (LATIN.test(a) && HAN.test(b));
  const spaced = [];
  for (let i = 1; i < all.length; i += 1) {
    const [a, b] = [all[i - 1], all[i]];
    if (!boundary(a.c, b.c) || a.node.parentElement.closest(BLOCK) !== b.node.parentElement.closest(BLOCK)) continue;
    if (a.node.parentElement.closest('story-island') || b.node.parentElement.closest('story-island')) continue;
    const [first, second] = [rect(a.node, a.offset), rect(b.node, b.offset)];
    if (sameLine(first, second)) spaced.push([(second.left - first.right) / em(a.node), a.c + b.c]);
  }
  // Lines: each block's characters in order; a character lower than the last starts a line.
  const badStarts = [];
  const badEnds = [];
  // A line broken between a Han character and a Latin one starts flush with the block's text.
  const indented = [];
  let brokenAtBoundary = 0;
  let lines = 0;
  for (const block of story.querySelectorAll('p, li, h1, h2, h3, figcaption, blockquote, td, th, dt, dd, summary')) {
    if (hidden(block.firstChild ?? block) || block.querySelector('p, li, figcaption')) continue;
    const style = getComputedStyle(block);
    const left = block.getBoundingClientRect().left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    const flush = /^(start|left|justify)$/.test(style.textAlign) && style.direction === 'ltr';
    let previous = null;
    let seen = '';
    for (const node of texts(block)) {
      for (let i = 0; i < node.data.length; i += 1) {
        const c = node.data[i];
        seen += c;
        if (/\s/.test(c)) continue;
        const box = rect(node, i);
        if (!box.width) continue;
        if (!previous || box.top > previous.box.top + box.height / 2) {
          lines += 1;
          const where = () => `${seen.slice(-8, -1)}|${c}${node.data.slice(i + 1, i + 6)}`;
          if (previous && CLOSING.includes(c)) badStarts.push(where());
          if (previous && OPENING.includes(previous.c)) badEnds.push(where());
          if (previous && flush && boundary(previous.c, c)) {
            brokenAtBoundary += 1;
            if (Math.abs(box.left - left) > 0.5) indented.push(`${where()} ${(box.left - left).toFixed(1)} px`);
          }
        }
        previous = { c, box };
      }
    }
  }
  // A figure, or words kept together, on more than one line (one line may hold several of its
  // boxes: a closing mark set half-width inside it is a box of its own).
  const onLines = (element) => new Set([...element.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom))).size;
  const broken = [...story.querySelectorAll('.figure-text, .keep')].filter((figure) => !hidden(figure.firstChild ?? figure) && onLines(figure) > 1).map((figure) => figure.textContent);
  // What a reader copies: each paragraph selected whole, which is its text on the page and, for the
  // story's own paragraphs (the dek and the prose; not the interface's notes), a text of the story
  // file (`fileTexts`, its markup read).
  const copied = [];
  const notInFile = [];
  const selection = getSelection();
  // The prose: the dek, the paragraphs and each chapter's original heading (not a card's figure,
  // nor a control's words).
  const prose = [...story.querySelectorAll('p:not([class]), p.dek, p.chapter__original')].filter((p) => !p.closest('story-island'));
  for (const paragraph of prose) {
    selection.selectAllChildren(paragraph);
    const text = selection.toString().replace(/\s+/g, ' ').trim();
    const own = paragraph.textContent.replace(/\s+/g, ' ').trim();
    if (text !== own) copied.push(`${text.slice(0, 40)} ≠ ${own.slice(0, 40)}`);
    const story = (!paragraph.className && paragraph.closest('main')) || paragraph.matches('.dek');
    if (story && !fileTexts.includes(text)) notInFile.push(text.slice(0, 60));
  }
  selection.removeAllRanges();
  return { fromFile: prose.filter((p) => (!p.className && p.closest('main')) || p.matches('.dek')).length, notInFile, pairs, unmarked, spaced, indented, brokenAtBoundary, lines, badStarts, badEnds, broken, copied, paragraphs: prose.length };
}

const atTop = (id) => {
  const top = document.getElementById(id).getBoundingClientRect().top;
  return top >= 0 && top < 120 && document.querySelector('.chapter-nav__link[aria-current="true"]')?.getAttribute('href') === `#${id}`;
};

for (const name of ENGINES) {
  describe(name, () => {
    let engine;
    before(async () => {
      engine = await start(name);
    });
    after(async () => engine?.close());

    test(`${name}: the first view is the prerendered story, and the engine comes alive without an error or a policy violation`, async (t) => {
      const before = reports();
      const tab = await engine.open(shared.story.url);
      // Before the reader moves, the engine has not started: what shows is the build's HTML.
      assert.equal(await tab.evaluate(() => document.querySelector('h1').textContent), shared.title);
      assert.equal(await tab.evaluate(() => document.querySelectorAll('.chapter').length), 4);
      const headline = await tab.evaluate(() => [...document.querySelectorAll('.figures--headline .count-up__live')].map((f) => [f.closest('[data-indicator]').dataset.indicator, f.textContent]));
      assert.ok(headline.length >= 3, JSON.stringify(headline));
      for (const [id, text] of headline) assert.equal(text, shared.indicators.get(id).written, id);
      assert.equal(await tab.evaluate(() => document.querySelectorAll('.chart__svg').length), shared.charts, 'every chart is there as SVG');
      await live(tab);
      await through(tab, '.chart__canvas', drawn, 'chart drawn');
      assert.deepEqual(tab.problems, []);
      if (!tab.hears) t.diagnostic(`${name}'s driver does not let a client read the console: checked by what the page shows`);
      assert.equal(reports(), before, 'no policy violation reported');
      // The report address works in this engine: a violation is reported.
      await tab.evaluate(() => {
        const refused = document.createElement('script');
        refused.textContent = 'window.__ran = true';
        document.head.append(refused);
      });
      await tab.waitFor(() => true, 'a tick');
      const end = Date.now() + 10000;
      while (reports() === before && Date.now() < end) await new Promise((next) => setTimeout(next, 50));
      assert.ok(reports() > before, 'an inline script the policy refuses is reported');
      assert.equal(await tab.evaluate(() => window.__ran ?? false), false, 'and does not run');
    });

    test(`${name}: every count-up ends on the figure the story file holds`, async () => {
      const tab = await engine.open(shared.story.url);
      await live(tab);
      const cards = await tab.evaluate(() => [...document.querySelectorAll('.indicator:has(.count-up__live)')].map((card) => card.dataset.indicator));
      assert.ok(cards.length > 4, `${cards.length} cards`);
      for (const [i, id] of cards.entries()) {
        const expected = shared.indicators.get(id).written;
        await tab.evaluate((i) => document.querySelectorAll('.indicator:has(.count-up__live)')[i].scrollIntoView({ block: 'center' }), i);
        await tab.waitFor(([i, expected]) => document.querySelectorAll('.indicator:has(.count-up__live) .count-up__live')[i].textContent === expected, `${id} to show ${expected}`, { arg: [i, expected] });
      }
      assert.deepEqual(tab.problems, []);
    });

    test(`${name}: chapters by the navigator's link, by key and by deep link`, async () => {
      // A reader who read to the end comes back by a link to a chapter.
      const read = await engine.open(shared.story.url, { width: 1280, height: 900 });
      await read.evaluate(() => document.getElementById('environment').scrollIntoView());
      // Read: the engine live (leaving while it loads would abort its download, which Firefox reports).
      await read.waitFor(() => document.documentElement.classList.contains('app-live'), 'the app live');
      const tab = await engine.open(shared.story.url + '#projects', { width: 1280, height: 900 });
      await tab.waitFor(atTop, 'the deep link at its chapter', { arg: 'projects' });
      // And still there once every chapter above it has its real height (WebKit has no scroll
      // anchoring of its own: static/boot.js keeps the place).
      await tab.waitFor(() => document.querySelectorAll('.chapter--laid-out').length === 4, 'every chapter laid out');
      await tab.waitFor(atTop, 'the deep link still at its chapter', { arg: 'projects' });
      await tab.click('.chapter-nav__list a[href="#cadres"]');
      await tab.waitFor(atTop, 'cadres by the link', { arg: 'cadres' });
      assert.equal(await tab.evaluate(() => location.hash), '#cadres');
      await tab.evaluate(() => document.activeElement?.blur());
      for (const [key, id] of [['End', 'environment'], ['Home', 'leadership'], ['ArrowRight', 'projects']]) {
        await tab.key(key);
        await tab.waitFor(atTop, `${id} by ${key}`, { arg: id });
        await tab.waitFor((id) => document.activeElement?.id === `${id}-title`, `${id}'s heading focused`, { arg: id });
      }
      assert.deepEqual(tab.problems, []);
    });

    test(`${name}: a chart is redrawn at its new size when the window is resized`, async () => {
      const tab = await engine.open(shared.story.url, { width: 1024, height: 800 });
      await live(tab);
      await through(tab, '#growth-rates .chart__canvas', drawn, 'the chart drawn');
      const wide = await tab.evaluate(() => document.querySelector('#growth-rates canvas').width);
      await tab.resize(620, 800);
      await tab.waitFor((wide) => {
        const canvas = document.querySelector('#growth-rates canvas');
        return canvas.width < wide && canvas.width === Math.round(canvas.getBoundingClientRect().width * devicePixelRatio);
      }, 'the chart redrawn narrower', { arg: wide });
      assert.deepEqual(tab.problems, []);
    });

    test(`${name}: the English edition, by ?lang=en`, async () => {
      const tab = await engine.open(shared.story.url + '?lang=en');
      await tab.waitFor(() => document.documentElement.lang === 'en', 'the English page');
      assert.match(await tab.url(), /\/en\.html\?lang=en$/);
      assert.equal(await tab.evaluate(() => document.querySelector('h1').textContent), shared.english);
      await live(tab);
      await through(tab, '.chart__canvas', drawn, 'chart drawn');
      assert.deepEqual(tab.problems, []);
    });

    test(`${name}: an embed on another origin is as tall as its page, to the pixel, and ignores a forged height`, async () => {
      const tab = await engine.open(shared.host.url + 'embed.html', { width: 800, height: 800 });
      // The frame's page's own height, read inside it (another origin: the engine's driver does).
      const inner = () => tab.frame('iframe').evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      const outer = () => tab.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
      const fitted = async (label) => {
        const end = Date.now() + 15000;
        for (;;) {
          const [frame, page] = [await outer(), await inner()];
          if (frame === page) return frame;
          if (Date.now() > end) assert.fail(`${label}: the frame ${frame}px, its page ${page}px`);
          await new Promise((next) => setTimeout(next, 50));
        }
      };
      const fair = await fitted('the frame sized');
      await tab.evaluate(() => window.postMessage({ type: 'story-embed:height', v: 1, height: 5 }, '*'));
      await tab.evaluate(() => new Promise((done) => setTimeout(done, 0)));
      assert.equal(await tab.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height), fair, 'a forged height changes nothing');
      await tab.resize(560, 800);
      await fitted('the frame sized again at a narrower width');
      assert.deepEqual(tab.problems, []);
    });

    test(`${name}: a chart's figures by click and by keys: the detail from its table, the keys its own, Escape and a click elsewhere close it`, async () => {
      const tab = await engine.open(shared.story.url, { width: 1280, height: 900 });
      await live(tab);
      await tab.evaluate(() => document.getElementById('growth-rates').scrollIntoView({ block: 'center' }));
      await tab.waitFor(() => document.querySelector('#growth-rates canvas')?.dataset.drawn === 'final', 'the chart drawn');
      const rows = await tab.evaluate(() => [...document.querySelectorAll('#growth-rates tbody tr')].map((row) => [row.querySelector('th').textContent, row.querySelector('.figure-text').textContent]));
      const shown = () => document.querySelector('#growth-rates .chart__detail:not([hidden]) p')?.textContent ?? null;
      // A click on the chart: one figure's detail, kept.
      await tab.click('#growth-rates canvas');
      const clicked = await tab.waitFor(shown, 'a detail on a click');
      assert.ok(rows.some(([, value]) => value === clicked), `${clicked} is a figure of the chart`);
      await tab.click('#growth-rates-caption');
      await tab.waitFor(() => document.querySelector('#growth-rates .chart__detail').hidden, 'a click elsewhere to close it');
      // The keys: Home, then → to the second figure, announced; Escape closes.
      await tab.evaluate(() => document.querySelector('#growth-rates canvas').focus());
      await tab.key('Home');
      await tab.waitFor((value) => document.querySelector('#growth-rates .chart__detail p')?.textContent === value, 'Home: the first figure', { arg: rows[0][1] });
      await tab.key('ArrowRight');
      await tab.waitFor((value) => document.querySelector('#growth-rates .chart__detail p')?.textContent === value, '→: the second figure', { arg: rows[1][1] });
      const said = await tab.evaluate(() => document.querySelector('#growth-rates [aria-live="polite"]').textContent);
      assert.ok(said.startsWith(rows[1][0]) && said.includes(rows[1][1]), said);
      assert.equal(await tab.evaluate(() => location.hash), '', 'the chart\'s keys left the chapters alone');
      await tab.key('Escape');
      await tab.waitFor(() => document.querySelector('#growth-rates .chart__detail').hidden, 'Escape to close it');
      assert.deepEqual(tab.problems, []);
    });

    test(`${name}: the sequence steps forward and back as the page scrolls, its chart held; in a frame, as the host page scrolls`, async () => {
      // Step `i` shown alone, its chart whole and every other hidden, in `scope` (a tab or a frame).
      const shown = (scope, i) => scope.waitFor((i) => {
        const steps = [...document.querySelectorAll('#investment-steps > .step')];
        const opacity = (step) => getComputedStyle(step.querySelector('.step__graphic')).opacity;
        return steps.every((step, j) => step.hasAttribute('data-active') === (i === j) && opacity(step) === (i === j ? '1' : '0'));
      }, `step ${i + 1} shown`, { arg: i });
      const textTop = (scope, i) => scope.evaluate((i) => document.querySelectorAll('#investment-steps .step__text')[i].getBoundingClientRect().top, i);
      const tab = await engine.open(shared.story.url, { width: 1280, height: 900 });
      await live(tab);
      await tab.evaluate(() => document.getElementById('investment-steps').scrollIntoView());
      await tab.waitFor(() => document.getElementById('investment-steps').hasAttribute('data-live'), 'the sequence held');
      // Every chapter laid out (static/boot.js, while the page is idle), so that none above takes
      // its real height mid-test: in WebKit the page keeps the reader's place a frame after that
      // (boot.js's keepPlace), and a scroll measured in between lands a screen off.
      await tab.waitFor(everyChapterLaidOut, 'every chapter laid out');
      for (const i of [0, 1, 2, 1, 0]) {
        // Step i's text at mid-screen, found there by a look after the scroll (not moved since).
        await tab.waitFor(atPlace, `step ${i + 1}'s text at mid-screen`, { arg: ['#investment-steps .step__text', i, 0.5] });
        await shown(tab, i);
        const [chart, nav] = await tab.evaluate((i) => [
          document.querySelectorAll('#investment-steps .step__graphic')[i].getBoundingClientRect().top,
          document.querySelector('.chapter-nav').getBoundingClientRect().bottom,
        ], i);
        assert.ok(Math.abs(chart - nav) <= 1, `step ${i + 1}: the chart at ${chart}, under the navigator at ${nav}`);
      }
      assert.deepEqual(tab.problems, []);
      // In a host's article with embed.js: the host's scroll, relayed, drives the frame's steps.
      const hosted = await engine.open(shared.host.url + 'sequence.html', { width: 1024, height: 768 });
      const frame = hosted.frame('iframe');
      await frame.waitFor(() => document.getElementById('investment-steps')?.hasAttribute('data-relayed'), 'the frame\'s steps relayed');
      for (const i of [0, 1, 2, 1]) {
        const top = await textTop(frame, i);
        await hosted.evaluate((top) => window.scrollBy(0, document.querySelector('iframe').getBoundingClientRect().top + top - innerHeight / 2), top);
        await shown(frame, i);
        // Held at the top of the host's screen once the host's message for this scroll has come.
        const end = Date.now() + 15000;
        for (;;) {
          const [frameTop, chart] = [
            await hosted.evaluate(() => document.querySelector('iframe').getBoundingClientRect().top),
            await frame.evaluate((i) => document.querySelectorAll('#investment-steps .step__graphic')[i].getBoundingClientRect().top, i),
          ];
          if (Math.abs(frameTop + chart) <= 2) break;
          if (Date.now() > end) assert.fail(`step ${i + 1}: the frame's chart at ${frameTop + chart} px in the host's screen`);
          await new Promise((next) => setTimeout(next, 50));
        }
      }
      assert.deepEqual(hosted.problems, []);
    });

    test(`${name}: with the WebAssembly lost on the way the story is whole`, async () => {
      const tab = await engine.open(shared.lost.url);
      await tab.move();
      await tab.waitFor(() => document.documentElement.classList.contains('app-off'), 'the page to say the interactive features are off');
      assert.equal(await tab.evaluate(() => document.querySelectorAll('.chapter').length), 4);
      const figures = await tab.evaluate(() => [...document.querySelectorAll('.indicator .count-up__live')].map((f) => [f.closest('[data-indicator]').dataset.indicator, f.textContent]));
      for (const [id, text] of figures) assert.equal(text, shared.indicators.get(id).written, id);
      const charts = await tab.evaluate(() => [...document.querySelectorAll('.chart__svg')].map((svg) => svg.getBoundingClientRect().height));
      assert.ok(charts.length === shared.charts && charts.every((height) => height > 100), `every chart drawn without the engine: ${charts}`);
    });

    test(`${name}: Chinese set by clreq at 320, 375 and 1280 px: adjacent punctuation at 1.5 em, Han and Latin a quarter em apart, no line starting with a closing mark or an indent, figures whole, copied text unchanged`, async (t) => {
      const check = async (evaluate, label) => {
        const facts = await evaluate(typesetting, shared.texts);
        assert.ok(facts.pairs.length >= 20, `${label}: ${facts.pairs.length} pairs measured`);
        const off = facts.pairs.filter(([advance]) => Math.abs(advance - 1.5) > 0.1);
        assert.deepEqual(off.map(([advance, pair]) => `${pair} ${advance.toFixed(2)}`), [], `${label}: every marked pair 1.5 em`);
        assert.deepEqual(facts.unmarked, [], `${label}: a pair the build left unmarked`);
        assert.ok(facts.spaced.length >= 60, `${label}: ${facts.spaced.length} Han–Latin boundaries measured`);
        // Within a tenth of an em: WebKitGTK rounds each glyph's advance to a whole pixel (a 17.2 px
        // Han character is 18 px wide there), so its gaps measure 0.17-0.25 em; unspaced, 0 ± 0.06.
        const unspaced = facts.spaced.filter(([gap]) => Math.abs(gap - 0.25) > 0.1);
        assert.deepEqual(unspaced.map(([gap, pair]) => `${pair} ${gap.toFixed(2)}`), [], `${label}: Han and Latin a quarter em apart`);
        assert.deepEqual(facts.indented, [], `${label}: a line broken between Han and Latin starts indented`);
        assert.ok(facts.lines > 150, `${label}: ${facts.lines} lines`);
        assert.deepEqual(facts.badStarts, [], `${label}: a line starting with a closing mark`);
        assert.deepEqual(facts.badEnds, [], `${label}: a line ending with an opening mark`);
        assert.deepEqual(facts.broken, [], `${label}: a figure broken over two lines`);
        assert.ok(facts.paragraphs > 20, `${label}: ${facts.paragraphs} paragraphs`);
        assert.deepEqual(facts.copied, [], `${label}: copied text`);
        assert.ok(facts.fromFile >= 20, `${label}: ${facts.fromFile} of the story file's paragraphs copied`);
        assert.deepEqual(facts.notInFile, [], `${label}: a paragraph copied that is not the story file's text`);
        t.diagnostic(`${label}: ${facts.pairs.length} pairs, ${facts.spaced.length} Han–Latin boundaries (${facts.brokenAtBoundary} at a line break), ${facts.lines} lines, ${facts.paragraphs} paragraphs`);
        return facts.brokenAtBoundary;
      };
      const tab = await engine.open(shared.story.url, { width: 1280, height: 900 });
      let breaks = await check((fn, arg) => tab.evaluate(fn, arg), '1280 px');
      for (const width of [320, 375]) {
        await tab.goto(shared.host.url + `phone-${width}.html`);
        await tab.frame('#phone').waitFor(() => document.documentElement.classList.contains('app-live'), 'the app live');
        breaks += await check((fn, arg) => tab.frame('#phone').evaluate(fn, arg), `${width} px`);
      }
      assert.ok(breaks > 0, 'a line broken between Han and Latin, to check that it starts flush');
    });

    for (const width of [320, 375]) {
      test(`${name}: on a ${width} px phone nothing is wider than the screen and every chapter is reached from the navigator`, async () => {
        const tab = await engine.open(shared.host.url + `phone-${width}.html`, { width: 1024, height: 800 });
        const phone = tab.frame('#phone');
        await phone.waitFor(() => document.documentElement.classList.contains('app-live'), 'the app live');
        assert.deepEqual(await phone.evaluate(() => [innerWidth, document.documentElement.clientWidth]), [width, width], 'the phone\'s width, all of it for the page');
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, 'no horizontal scroll');
        for (const id of CHAPTERS) {
          await phone.click('.chapter-nav__current');
          await phone.waitFor(() => document.querySelector('.chapter-nav__menu-list')?.getBoundingClientRect().height > 0, 'the menu open');
          await phone.click(`.chapter-nav__menu-list a[href="#${id}"]`);
          await phone.waitFor(atTop, `${id} from the menu`, { arg: id });
        }
        await phone.evaluate(() => scrollTo(0, 0));
        await tab.screenshot(join(OUTPUT, `engine-${name}-phone-${width}.png`), '#phone');
      });
    }
    test(`${name}: the story's text is set well on phones and a tablet, in both editions: figure cards, last lines, the headline`, async () => {
      const tab = await engine.open(shared.host.url + 'phone-375.html', { width: 1024, height: 800 });
      const phone = tab.frame('#phone');
      const words = await storyWords();
      for (const [edition, lang] of [['', 'zh-CN'], ['en.html', 'en']]) {
        // The phone shows the Chinese edition first; the English one is loaded once the engine
        // there is live (leaving while it loads would abort its download, which Firefox reports).
        if (edition) await tab.evaluate((src) => { document.querySelector('#phone').src = src; }, shared.storyUrl + edition);
        await phone.waitFor((lang) => document.documentElement.lang === lang && document.documentElement.classList.contains('app-live'), `the ${lang} edition live`, { arg: lang });
        await phone.evaluate(() => document.querySelectorAll('.chapter').forEach((c) => (c.style.contentVisibility = 'visible')));
        for (const width of [280, 320, 348, 360, 375, 414, 768]) {
          await tab.evaluate((width) => { document.querySelector('#phone').style.width = `${width}px`; }, width);
          await phone.waitFor((width) => innerWidth === width, `the phone ${width} px wide`, { arg: width });
          const found = await phone.evaluate(textAsSet, words);
          const label = `${lang} at ${width} px`;
          assert.deepEqual(found.outside, [], `${label}: a figure past its card's edge`);
          assert.deepEqual(found.parted, [], `${label}: a number parted from the words set against it`);
          assert.deepEqual(found.uneven, [], `${label}: numbers of one row at two sizes`);
          assert.deepEqual(found.basisInline, [], `${label}: a card's basis not on a line of its own`);
          // The build keeps a Chinese text's last two characters together, a heading's words and
          // the headline's quotation whole, in every engine.
          assert.deepEqual(found.lone, [], `${label}: a last line of one character`);
          assert.deepEqual(found.midWord, [], `${label}: a heading or a label broken inside a word`);
          assert.deepEqual(found.unplanned, [], `${label}: a heading or a label broken where the build marked no break`);
          assert.equal(found.headline.lines, 1, `${label}: ${found.headline.quotation} over ${found.headline.lines} lines`);
          assert.deepEqual(found.headline.indents, [], `${label}: a line of the headline starts with a full-width opening mark`);
        }
      }
      assert.deepEqual(tab.problems, []);
    });
  });

  describe(`${name} at device pixel ratios 2 and 3, reduced motion`, () => {
    for (const dpr of [2, 3]) {
      test(`${name}: at device pixel ratio ${dpr} every chart's backing store is ${dpr} times its CSS size, and inked`, async () => {
        const engine = await start(name, { dpr, reducedMotion: true });
        try {
          const tab = await engine.open(shared.story.url);
          assert.equal(await tab.evaluate(() => devicePixelRatio), dpr);
          await live(tab);
          await through(tab, '.chart__canvas', drawn, 'chart drawn');
          const facts = await tab.evaluate(() => [...document.querySelectorAll('.chart__canvas')].map((c) => {
            const { width, height } = c.getBoundingClientRect();
            const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let inked = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) inked += 1;
            return { id: c.closest('figure').id, backing: [c.width, c.height], css: [width, height], inked: inked / (c.width * c.height) };
          }));
          for (const fact of facts) {
            assert.deepEqual(fact.backing, [Math.round(fact.css[0] * dpr), Math.round(fact.css[1] * dpr)], fact.id);
            assert.ok(fact.inked > 0.02, `${fact.id} is drawn: ${(fact.inked * 100).toFixed(1)}% inked`);
          }
          // Reduced motion: every figure is final when it comes into view, and none changes.
          assert.equal(await tab.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
          await tab.evaluate(() => scrollTo(0, 0));
          await tab.evaluate(() => {
            window.__changes = 0;
            for (const live of document.querySelectorAll('.count-up__live')) new MutationObserver((changes) => (window.__changes += changes.length)).observe(live, { characterData: true, subtree: true, childList: true });
          });
          await through(tab, '.indicator:has(.count-up__live)', () => true, 'a figure in view');
          await tab.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          assert.equal(await tab.evaluate(() => window.__changes), 0, 'no figure counted up');
          assert.deepEqual(tab.problems, []);
        } finally {
          await engine.close();
        }
      });
    }
  });
}
