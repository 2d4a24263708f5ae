// Hardening: the site works under a strict Content-Security-Policy sent as a real header, asks no
// other origin for anything and sets no cookie, and stays whole and readable when the WebAssembly
// cannot load, when the browser has none, and when the app panics.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, firstMove, framePages, host, launch, live, openPage, storyCharts, test, waitFor, withRenamedInStylesheet } from './harness.mjs';

// Exactly the policy the build wrote for the site (README, "Hosting"), as hosts send it.
const CSP = (await readFile(join(DIST, 'content-security-policy.txt'), 'utf8')).trim();

const shared = {};
before(async () => {
  // nginx as deploy/nginx.conf says, sending the policy the build wrote into its nginx.conf.
  shared.server = await host();
  shared.browser = await launch();
});
after(async () => {
  await shared.browser?.close();
  await shared.server?.close();
});

/** A page that records CSP violations (in every frame) and every request. */
async function guarded(options) {
  const page = await openPage(shared.browser, options);
  page.requests = [];
  page.on('request', (request) => page.requests.push(request.url()));
  await page.context().addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

async function violations(page) {
  const all = [];
  for (const frame of page.frames()) all.push(...(await frame.evaluate(() => window.__violations ?? []).catch(() => [])));
  return all;
}

for (const path of ['', 'en.html', 'embed/projects.html', '?theme=dark&lang=en', '?embed=1&chapter=projects']) {
  test(`under the strict CSP header nothing is refused, figures count and charts draw: ${path || 'index'}`, async () => {
    // A short screen, so the figure watched is below it at the start, even in the chapter embed.
    const page = await guarded({ viewport: { width: 375, height: 400 } });
    await page.goto(shared.server.url + path);
    await live(page, 'the app to start');
    // A figure further down counts up when it comes into view, through its frames to the end.
    await page.evaluate(() => {
      window.__frames = 0;
      const live = document.querySelector('[data-indicator="provincial-projects"] .count-up__live');
      new MutationObserver(() => (window.__frames += 1)).observe(live, { characterData: true, subtree: true, childList: true });
    });
    await page.locator('[data-indicator="provincial-projects"]').scrollIntoViewIfNeeded();
    await waitFor(page, () => document.querySelector('[data-indicator="provincial-projects"] .count-up__live').textContent === '20' && window.__frames > 3, 'the count-up to run');
    await page.locator('#provincial-list canvas').scrollIntoViewIfNeeded();
    await waitFor(page, () => document.querySelector('#provincial-list canvas').dataset.drawn === 'final', 'the chart drawn');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(page.problems.filter((p) => /Content Security Policy|Refused/.test(p)), []);
    assert.deepEqual(page.problems, []);
  });
}

test('the policy the build wrote allows every page\'s inline script and style, and nothing else inline', async () => {
  assert.doesNotMatch(CSP, /'unsafe-inline'|'unsafe-eval'|https?:/, CSP);
  const page = await guarded();
  for (const address of ['', 'en.html', ...(await framePages())]) {
    await page.goto(shared.server.url + address);
    await live(page, `${address}: the app to start`);
    // Styled by the inline stylesheet: the page's colours are the tokens', not the browser's.
    const paper = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--paper').trim());
    assert.equal(paper, '#fdfcf8', `${address}: the stylesheet applies`);
    assert.deepEqual(await violations(page), [], address);
  }
  assert.deepEqual(page.problems, []);
});

test('the embed preview and its frames run under the CSP too', async () => {
  const page = await guarded();
  await page.goto(shared.server.url + 'embed-preview.html');
  await waitFor(page, () => [...document.querySelectorAll('iframe')].every((f) => f.getBoundingClientRect().height > 300), 'both frames sized');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.problems, []);
});

test('no request leaves the site and no cookie is set', async () => {
  const page = await guarded({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(shared.server.url + '#projects');
  await live(page, 'the app to start');
  for (const part of await page.locator('.indicator, .chart__canvas').all()) await part.scrollIntoViewIfNeeded();
  await page.locator('.embed-codes summary').click();
  await page.goto(shared.server.url + 'en.html');
  await page.goto(shared.server.url + 'embed-preview.html');
  await waitFor(page, () => [...document.querySelectorAll('iframe')].every((f) => f.getBoundingClientRect().height > 300), 'both frames sized');
  const origin = new URL(shared.server.url).origin;
  const elsewhere = page.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
  assert.deepEqual(elsewhere, []);
  assert.ok(page.requests.length > 10, `${page.requests.length} requests recorded`);
  assert.deepEqual(await page.context().cookies(), []);
  assert.equal(await page.evaluate(() => document.cookie), '');
});

/** The story is whole: headline, every chapter, every chart's table, every figure at its value. */
async function assertReadable(page, faiTotal = '81.8') {
  assert.ok(await page.locator('h1').isVisible());
  assert.equal(await page.locator('.chapter').count(), 4);
  assert.equal(await page.locator('.chart__data table').count(), (await storyCharts()).length);
  const figures = await page.locator('[data-indicator="fai-total"] .count-up__live').allTextContents();
  assert.ok(figures.every((f) => f === faiTotal), `the figures are final: ${figures}`);
}

test('when the WebAssembly cannot load, the story is whole and a quiet note says the extras are off', async () => {
  const page = await openPage(shared.browser);
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(shared.server.url);
  await firstMove(page);
  await waitFor(page, () => document.documentElement.classList.contains('app-off'), 'the app to give up');
  assert.ok(await page.locator('.app-note').isVisible());
  assert.match(await page.locator('.app-note').textContent(), /互动功能未能启动/);
  await assertReadable(page);
  // The controls that need the engine are gone, with their place: no blank where each would be.
  const kept = await page.evaluate(() => [...document.querySelectorAll('.needs-app')].filter((control) => control.getClientRects().length > 0).map((control) => control.className));
  assert.deepEqual(kept, []);
  assert.ok(await page.locator('.needs-app').count() > 5, 'controls that need the engine, on the page');
});

// A chart whose drawing has not come (the WebAssembly blocked or slow) is never a blank box: the
// box holds the chart, prerendered as SVG, with every value of its table. The story's page says
// in a note that the extras are off; a frame, whole without them, has no note over its host's page.
for (const path of ['', 'en.html', 'embed/projects.html', 'embed/growth-rates.html', 'en/embed/growth-rates.html', 'en/embed/industrial-floor.html']) {
  test(`with the WebAssembly blocked every chart is there, drawn before any script: ${path || 'index'}`, async () => {
    const page = await openPage(shared.browser, { viewport: { width: 320, height: 640 } });
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(shared.server.url + path);
    await firstMove(page);
    await waitFor(page, () => document.documentElement.classList.contains('app-off'), 'the app to give up');
    const charts = await page.evaluate(() => [...document.querySelectorAll('.chart')].filter((c) => c.checkVisibility()).map((chart) => {
      chart.scrollIntoView();
      const box = chart.querySelector('.chart__canvas').getBoundingClientRect();
      const svg = chart.querySelector('.chart__svg');
      const drawn = [...svg.querySelectorAll('text')].map((t) => t.textContent).join(' ');
      const table = [...chart.querySelectorAll('.chart__data tbody .figure-text')].map((f) => f.textContent);
      const marks = [...svg.querySelectorAll('path, text')];
      const inside = marks.every((mark) => {
        const r = mark.getBoundingClientRect();
        return r.left >= box.left - 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.right <= box.right + 1;
      });
      return { id: chart.id, visible: svg.checkVisibility() && marks.length > 2, missing: table.filter((figure) => !drawn.includes(figure)), inside };
    }));
    assert.ok(charts.length > 0, 'charts to check');
    for (const chart of charts) {
      assert.ok(chart.visible, `${chart.id}: the box holds the chart`);
      assert.deepEqual(chart.missing, [], `${chart.id}: every value of the table is written on it`);
      assert.ok(chart.inside, `${chart.id}: every mark inside the chart's box`);
    }
    if (path.includes('embed/')) assert.equal(await page.locator('.app-note').count(), 0, 'a frame has no note');
    else assert.ok(await page.locator('.app-note').isVisible(), 'the note says the extras are off');
  });
}

test('once a chart is drawn, the prerendered one gives way to the drawing', async () => {
  const page = await openPage(shared.browser);
  await page.goto(shared.server.url);
  await live(page, 'the app to start');
  await page.locator('#growth-rates canvas').scrollIntoViewIfNeeded();
  await waitFor(page, () => document.querySelector('#growth-rates canvas').dataset.drawn === 'final', 'the chart drawn');
  assert.equal(await page.locator('#growth-rates .chart__svg').evaluate((svg) => svg.checkVisibility()), false);
});

// The prerendered chart and the live one are painted from the same marks (src/charts/paint.rs): on a
// 375 px phone, the SVG's column, every filled mark of the SVG is filled on the canvas in its ink,
// and every outlined cell is empty inside, at device pixel ratio 2.
test('the prerendered chart and the drawn one have the same geometry', async () => {
  const page = await openPage(shared.browser, { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
  await page.goto(shared.server.url);
  await live(page, 'the app to start');
  for (const id of ['growth-rates', 'industrial-floor', 'provincial-list']) {
    const box = await page.locator(`#${id} .chart__canvas`).evaluate((canvas) => [canvas.clientWidth, canvas.clientHeight]);
    const viewBox = await page.locator(`#${id} .chart__svg`).evaluate((svg) => [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height]);
    assert.deepEqual(box, viewBox, `${id}: the SVG is drawn for the canvas's box`);
    await page.locator(`#${id} canvas`).scrollIntoViewIfNeeded();
    await waitFor(page, (chart) => document.querySelector(`#${chart} canvas`).dataset.drawn === 'final', `${id} drawn`, { arg: id });
    const misses = await page.evaluate((chart) => {
      const canvas = document.querySelector(`#${chart} canvas`);
      const scale = canvas.width / canvas.clientWidth;
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const at = (x, y) => {
        const i = (Math.floor(y * scale) * canvas.width + Math.floor(x * scale)) * 4;
        return [...pixels.data.slice(i, i + 4)];
      };
      const ink = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
      const hex = (rgba) => '#' + rgba.slice(0, 3).map((c) => c.toString(16).padStart(2, '0')).join('');
      const wanted = { 'chart-ink--accent': ink('--accent'), 'chart-ink--track': ink('--track'), 'chart-ink--muted': ink('--ink-soft') };
      const found = [];
      // Each path is rectangles in one ink: M<x> <y>h<w>v<h>h-<w>z, each after the first starting
      // from the one before (m<dx> <dy>…).
      for (const path of document.querySelectorAll(`#${chart} .chart__svg path`)) {
        const ink = path.getAttribute('class');
        const d = path.getAttribute('d');
        const rectangles = [...d.matchAll(/([Mm])(-?\d+) (-?\d+)h(\d+)v(\d+)h-\d+z/g)];
        if (rectangles.length !== d.split('z').length - 1) found.push(`${ink}: a path this test cannot read: ${d}`);
        let pen = [0, 0];
        for (const [, move, ...numbers] of rectangles) {
          const [dx, dy, w, h] = numbers.map(Number);
          pen = move === 'M' ? [dx, dy] : [pen[0] + dx, pen[1] + dy];
          const [x, y] = pen;
          if (w < 3 || h < 3) continue;
          const centre = at(x + w / 2, y + h / 2);
          const colour = ink === 'chart-line--quiet' ? 'empty' : wanted[ink];
          const painted = centre[3] === 0 ? 'empty' : hex(centre);
          if (colour && painted !== colour) found.push(`${ink} at ${x},${y} ${w}×${h}: ${painted}, not ${colour}`);
        }
      }
      return found;
    }, id);
    assert.deepEqual(misses, [], id);
  }
});

// A chart is set in the type of the text around it, in each edition: the prerendered SVG takes the
// page's, and the canvas draws every label in the same stack (src/charts/paint.rs, `font`). The
// English edition's is a Latin face first: a CJK face's Latin sets its apostrophes full width.
for (const [address, id] of [['', 'provincial-list'], ['en.html', 'provincial-list'], ['en/embed/growth-rates.html', 'growth-rates']]) {
  test(`a chart's labels are in the page's type, prerendered and drawn: ${address || 'index'}`, async () => {
    const page = await openPage(shared.browser, { reducedMotion: 'reduce' });
    await page.addInitScript(() => {
      window.__fonts = [];
      const font = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font');
      Object.defineProperty(CanvasRenderingContext2D.prototype, 'font', {
        ...font,
        set(value) { window.__fonts.push(value); font.set.call(this, value); },
      });
    });
    await page.goto(shared.server.url + address);
    const type = await page.evaluate((chart) => {
      const text = document.querySelector(`#${chart} .chart__svg text`);
      return { page: getComputedStyle(document.querySelector('p')).fontFamily, svg: getComputedStyle(text).fontFamily };
    }, id);
    assert.equal(type.svg, type.page, 'the prerendered chart');
    await live(page);
    await page.locator(`#${id} canvas`).scrollIntoViewIfNeeded();
    await waitFor(page, (chart) => document.querySelector(`#${chart} canvas`).dataset.drawn === 'final', `${id} drawn`, { arg: id });
    const fonts = await page.evaluate(() => [...new Set(window.__fonts)]);
    assert.ok(fonts.length > 0, 'the canvas sets its type');
    for (const font of fonts) assert.ok(font.endsWith(`px ${type.page}`), `the canvas draws in ${font}, not the page's ${type.page}`);
  });
}

test('in a browser without WebAssembly the story is whole and the note shows', async () => {
  const page = await openPage(shared.browser);
  await page.addInitScript(() => delete window.WebAssembly);
  await page.goto(shared.server.url + 'en.html');
  await firstMove(page);
  await waitFor(page, () => document.documentElement.classList.contains('app-off'), 'the app to give up');
  assert.match(await page.locator('.app-note').textContent(), /could not start/);
  assert.ok(await page.locator('.app-note').isVisible());
  await assertReadable(page, '8.18');
});

// Older in-app browsers may lack the observers the engine uses: without IntersectionObserver a
// figure or chart is set at its final state at once (no entrance), without ResizeObserver a chart
// is measured at the start and after each resize of the window. A short screen: most of them are
// below it, where an entrance would wait.
test('in a browser without IntersectionObserver or ResizeObserver every figure is final and every chart drawn to its box', async () => {
  const page = await openPage(shared.browser, { viewport: { width: 375, height: 400 } });
  await page.addInitScript(() => {
    delete window.IntersectionObserver;
    delete window.ResizeObserver;
  });
  await page.goto(shared.server.url + 'en.html');
  await live(page, 'the app to start');
  await waitFor(page, () => [...document.querySelectorAll('.count-up')].every((figure) =>
    figure.querySelector('.count-up__live').textContent === figure.dataset.final), 'every figure at its final value');
  const fitted = () => [...document.querySelectorAll('canvas.chart__canvas')].every((canvas) =>
    canvas.dataset.drawn === 'final' && canvas.width === Math.round(canvas.getBoundingClientRect().width * Math.max(1, devicePixelRatio)));
  await waitFor(page, fitted, 'every chart drawn at its box\'s size');
  const before = await page.evaluate(() => document.querySelector('#growth-rates canvas').width);
  await page.setViewportSize({ width: 320, height: 400 });
  await waitFor(page, () => document.querySelector('#growth-rates canvas').width < 375 - 32, 'the chart redrawn to the narrower box');
  await waitFor(page, fitted, 'every chart redrawn at its box\'s size');
  assert.ok(before > (await page.evaluate(() => document.querySelector('#growth-rates canvas').width)));
  assert.deepEqual(page.problems, []);
});

// Older engines (Chromium before 88, Safari before 14) know neither :is() nor :where() and drop a
// whole rule whose selector list has one. Such an engine is not to be had here, so the page's
// stylesheet is swapped for itself with both renamed to a pseudo-class no engine knows: a block's
// frame on a phone still shows only its part (the story's headline and the chapter's heading are
// for screen readers) and its data table stacks its rows.
test('in an engine without :is() or :where() a block\'s frame shows only its part and its table stacks on a phone', async () => {
  const page = await openPage(shared.browser, { viewport: { width: 320, height: 700 } });
  await page.goto(shared.server.url + 'embed/provincial-list.html');
  await withRenamedInStylesheet(page, [[':is(', ':zz('], [':where(', ':zz(']]);
  const seen = await page.evaluate(() => ({
    outline: [...document.querySelectorAll('.masthead h1, .chapter > h2')].map((heading) => heading.getBoundingClientRect().width),
    cells: [...document.querySelectorAll('.chart__data th, .chart__data td')].map((cell) => getComputedStyle(cell).display),
    widest: Math.max(...[...document.querySelectorAll('body *')].map((element) => element.getBoundingClientRect().right)),
  }));
  assert.ok(seen.outline.length === 2 && seen.outline.every((width) => width <= 1), `the outline is for screen readers only: ${seen.outline}`);
  assert.ok(seen.cells.length > 0 && seen.cells.every((display) => display === 'block'), `the table's cells stack: ${seen.cells}`);
  assert.ok(seen.widest <= 320, `nothing wider than the phone: ${seen.widest}`);
  assert.deepEqual(page.problems, []);
});

test('a panic in the app is logged and leaves the page whole, with the note', async () => {
  const page = await openPage(shared.browser);
  // A proxy or an extension altered the page: hydrating an island (the navigator), Yew meets an
  // element it did not render, and panics. (The prose around the islands is never hydrated.)
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    document.querySelector('.chapter-nav').replaceWith(document.createElement('div'));
  }));
  await page.goto(shared.server.url);
  await firstMove(page);
  await waitFor(page, () => document.documentElement.classList.contains('app-off'), 'the panic to be handled');
  assert.ok(page.problems.some((p) => p.startsWith('console error: The interactive features stopped: panicked')), page.problems.join('\n'));
  assert.ok(await page.locator('.app-note').isVisible());
  await assertReadable(page);
});

// The engine reads each island's data from its root. A page altered on the way (a proxy, an
// extension) may break one: that island stays as the build rendered it, the console says why, and
// every other island starts.
for (const [broken, data] of [['not JSON', '{"motion":'], ['of no kind the engine knows', '{"nope":{"lang":"zh-CN"}}']]) {
  test(`an island whose data cannot be read (${broken}) stays as rendered and the others start`, async () => {
    const page = await openPage(shared.browser);
    await page.addInitScript((data) => document.addEventListener('DOMContentLoaded', () => {
      document.querySelector('story-island[data-island*="motion"]').setAttribute('data-island', data);
    }), data);
    await page.goto(shared.server.url);
    await live(page, 'the other islands to start');
    assert.ok(await page.locator('.chapter-nav--live').isVisible(), 'the navigator is live');
    assert.ok(await page.locator('.motion-toggle.needs-app--waiting').count() === 1, 'the broken island is as rendered');
    assert.deepEqual(page.problems.filter((p) => !p.includes("an island's data could not be read")), []);
    assert.ok(page.problems.some((p) => p.includes("an island's data could not be read")), page.problems.join('\n'));
  });
}

test('with scripts off the note says the extras are off', async () => {
  const page = await openPage(shared.browser, { javaScriptEnabled: false });
  await page.goto(shared.server.url);
  assert.ok(await page.locator('.app-note').isVisible());
  await assertReadable(page);
});

test('hostile addresses and fragments change nothing but what they may', async () => {
  const hostile = [
    '?embed=1&chapter=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
    '?lang=javascript:alert(1)&theme=%3Cscript%3E',
    '?theme=dark%00&embed=%ZZ&block=' + 'a'.repeat(5000),
    '#%3Cimg%20src=x%20onerror=alert(1)%3E',
    '?lang="]*{}&embed=1&block=growth-rates',
  ];
  for (const path of hostile) {
    const page = await guarded();
    page.on('dialog', (dialog) => { page.problems.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
    await page.goto(shared.server.url + path);
    await live(page, `the app to start for ${path.slice(0, 60)}`);
    assert.deepEqual(page.problems, [], path.slice(0, 60));
    assert.deepEqual(await violations(page), [], path.slice(0, 60));
    assert.equal(await page.locator('img').count(), 0, 'no markup was injected');
    assert.ok(new URL(page.url()).origin === new URL(shared.server.url).origin, 'no navigation elsewhere');
  }
});
