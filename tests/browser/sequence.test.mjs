// The scrollytelling sequence (src/components/sequence.rs, src/hooks/use_sequence.rs,
// static/css/sequence.css): a chart held in view while the steps' texts scroll past, each step
// showing its own chart; forward and back, on a phone and a desktop, in both editions, under the
// site's own strict CSP (nginx sends it). Every fallback is the story: stacked, each step's text
// then its chart, with scripts off, without the WebAssembly, on paper, and in a frame whose host
// does not relay its scroll. In a frame whose host runs embed.js, the host's scroll drives it
// (the embed protocol's version 2), and only its parent's messages count.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTPUT, host, launch, live, openPage, poll, scrollToPlace, serve, test, waitFor, withRenamedInStylesheet } from './harness.mjs';

const SEQUENCE = '#investment-steps';
const CHARTS = ['city-and-project', 'industrial-floor', 'provincial-list'];

const shared = {};
before(async () => {
  shared.story = await host();
  // The host's article on another origin: the same server addressed as localhost.
  shared.storyUrl = shared.story.url.replace('127.0.0.1', 'localhost');
  shared.hostDir = await mkdtemp(join(tmpdir(), 'sequence-host-'));
  const article = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><link rel="icon" href="data:,"></head>
<body style="margin:0"><h1>A news article</h1><p>Text before the embed.</p><div style="height:900px"></div>
<iframe src="${shared.storyUrl}embed/projects.html" title="Story part" style="width:100%;border:0"></iframe>
${script ? `<script src="${shared.storyUrl}embed.js" async></script>` : ''}<p>Text after.</p><div style="height:1500px"></div></body></html>`;
  await writeFile(join(shared.hostDir, 'relayed.html'), article(true));
  await writeFile(join(shared.hostDir, 'bare.html'), article(false));
  shared.host = await serve(shared.hostDir);
  shared.browser = await launch();
});
after(async () => {
  await shared.browser?.close();
  await shared.host?.close();
  await shared.story?.close();
  await rm(shared.hostDir, { recursive: true, force: true });
});

/** A page that records policy violations in every frame. */
async function guarded(options) {
  const page = await openPage(shared.browser, options);
  await page.context().addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

/** The sequence as the reader sees it in `scope` (a page or a frame): which step is active, and
 * for each step its text's and its chart's boxes, the chart's opacity and position. */
function state(scope) {
  return scope.evaluate((selector) => {
    const sequence = document.querySelector(selector);
    const box = (element) => {
      const r = element.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    };
    const steps = [...sequence.querySelectorAll(':scope > .step')].map((step) => {
      const graphic = step.querySelector('.step__graphic');
      const style = getComputedStyle(graphic);
      return {
        active: step.hasAttribute('data-active'),
        text: box(step.querySelector('.step__text')),
        graphic: box(graphic),
        opacity: Number(style.opacity),
        position: style.position,
        transition: style.transitionDuration,
      };
    });
    return { live: sequence.hasAttribute('data-live'), relayed: sequence.hasAttribute('data-relayed'), steps, box: box(sequence) };
  }, SEQUENCE);
}

/** Scrolls the page until step `i`'s text has its top at `at` of the screen's height. */
async function bring(page, i, at = 0.5) {
  await scrollToPlace(page, `${SEQUENCE} > .step .step__text`, i, at);
}

/** Waits until step `i` alone is active, its chart shown whole and every other hidden (after any
 * fade). */
async function shown(scope, i) {
  await waitFor(scope, ([selector, i]) => {
    const steps = [...document.querySelectorAll(`${selector} > .step`)];
    const opacity = (step) => getComputedStyle(step.querySelector('.step__graphic')).opacity;
    return steps.every((step, j) => step.hasAttribute('data-active') === (i === j) && opacity(step) === (i === j ? '1' : '0'));
  }, `step ${i + 1} shown`, { arg: [SEQUENCE, i] });
}

for (const [address, name] of [['', '第1步，共3步'], ['en.html', 'Step 1 of 3']]) {
  for (const [width, height] of [[375, 812], [1280, 800]]) {
    test(`the sequence steps forward and back as the reader scrolls, its chart held under the navigator and never read through a card: ${address || 'index'} at ${width}×${height}`, async () => {
      const page = await guarded({ viewport: { width, height } });
      await page.goto(shared.story.url + address);
      await live(page);
      await page.locator(SEQUENCE).scrollIntoViewIfNeeded();
      await waitFor(page, (s) => document.querySelector(s).hasAttribute('data-live'), 'the sequence held', { arg: SEQUENCE });
      assert.equal(await page.locator(`${SEQUENCE} .step__text`).first().getAttribute('aria-label'), name);
      const nav = await page.evaluate(() => document.querySelector('.chapter-nav').getBoundingClientRect().bottom);
      for (const i of [0, 1, 2, 1, 0]) {
        await bring(page, i);
        await shown(page, i);
        const now = await state(page);
        const { text, graphic } = now.steps[i];
        // Held: the chart shown stands under the navigator (only it is held; the others wait,
        // unseen, at the sequence's top).
        assert.ok(Math.abs(graphic.top - nav) <= 1, `step ${i + 1}: the chart at ${graphic.top}, the navigator's foot at ${nav}`);
        assert.equal(now.steps[i].position, 'sticky');
        assert.ok(graphic.bottom <= height, `step ${i + 1}: the chart inside the screen (${graphic.bottom})`);
        for (const [j, step] of now.steps.entries()) if (j !== i) assert.equal(step.opacity, 0, `step ${j + 1}'s chart hidden`);
        // The card is read whole: inside the screen, and on top wherever it meets the chart.
        assert.ok(text.top >= 0 && text.bottom <= height, `step ${i + 1}'s text on screen: ${text.top}..${text.bottom}`);
        const onTop = await page.evaluate(([selector, i]) => {
          const card = document.querySelectorAll(`${selector} .step__text`)[i];
          const r = card.getBoundingClientRect();
          const points = [[r.left + 8, r.top + 8], [r.left + r.width / 2, r.top + r.height / 2], [r.right - 8, r.bottom - 8]];
          return points.every(([x, y]) => card.contains(document.elementFromPoint(x, y)))
            && getComputedStyle(card).backgroundColor.match(/[\d.]+/g).length === 3;
        }, [SEQUENCE, i]);
        assert.ok(onTop, `step ${i + 1}'s card is opaque and above the chart`);
        if (width === 375 && i === 1 && address === '') await page.screenshot({ path: join(OUTPUT, 'phone-375x812-sequence.png') });
      }
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(page.problems, []);
    });
  }
}

// An engine without the small viewport unit (Chromium before 108: older Android WebViews and
// in-app browsers; Safari before 15.4) cannot be had here, so the page's stylesheet is swapped for
// itself with the unit renamed to one no engine knows (`zvh`), which every engine treats as an
// older one treats svh: unknown in a declaration or a feature query. The cards keep their spacing,
// made from the viewport's height, and the sequence steps as before.
test('in an engine without svh the cards keep their spacing, made from the viewport\'s height, and the sequence steps', async () => {
  const height = 700;
  const page = await guarded({ viewport: { width: 375, height }, reducedMotion: 'reduce' });
  await page.goto(shared.story.url);
  await live(page);
  await withRenamedInStylesheet(page, [['svh', 'zvh']]);
  await page.locator(SEQUENCE).scrollIntoViewIfNeeded();
  await waitFor(page, (s) => document.querySelector(s).hasAttribute('data-live'), 'the sequence held', { arg: SEQUENCE });
  const margin = await page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(`${s} .step__text`)).marginTop), SEQUENCE);
  assert.ok(Math.abs(margin - 0.75 * height) <= 1, `the first card ${margin} px below the chart's top, not ${0.75 * height}`);
  for (const i of [0, 1, 2]) {
    await bring(page, i);
    await shown(page, i);
    const { text, graphic } = (await state(page)).steps[i];
    assert.ok(text.top >= graphic.top + 0.5 * graphic.height, `step ${i + 1}: its card (${text.top}) leaves the chart (${graphic.top}..${graphic.bottom}) to be seen`);
  }
  assert.deepEqual(page.problems, []);
});

test('with reduced motion the steps change the chart without a fade; with motion it fades', async () => {
  for (const [reducedMotion, duration] of [['reduce', '0s'], ['no-preference', '0.35s']]) {
    const page = await guarded({ reducedMotion });
    await page.goto(shared.story.url);
    await live(page);
    await bring(page, 1);
    await shown(page, 1);
    const { steps } = await state(page);
    assert.ok(steps.every((step) => step.transition === duration), `${reducedMotion}: ${steps.map((s) => s.transition)}`);
    await page.context().close();
  }
});

test('a keyboard reader reaches each step with Tab, and the step reached is the one shown', async () => {
  const page = await guarded({ reducedMotion: 'reduce' });
  await page.goto(shared.story.url);
  await live(page);
  await page.locator(`${SEQUENCE} .step__text`).first().focus();
  for (const i of [0, 1, 2]) {
    if (i > 0) {
      // Through the step's chart's own controls (its canvas, Listen, the table) to the next text.
      for (let presses = 0; presses < 8; presses += 1) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(([selector, i]) => document.activeElement === document.querySelectorAll(`${selector} .step__text`)[i], [SEQUENCE, i]);
        if (at) break;
        // Whatever control of a chart has focus, its chart is shown.
        const ok = await page.evaluate(() => {
          const graphic = document.activeElement.closest('.step__graphic');
          return !graphic || getComputedStyle(graphic).opacity === '1';
        });
        assert.ok(ok, 'a focused control is never in a hidden chart');
      }
    }
    await shown(page, i);
    const { steps } = await state(page);
    assert.ok(steps[i].text.top >= 0 && steps[i].text.bottom <= 812, `step ${i + 1}'s text on screen`);
  }
  assert.deepEqual(page.problems, []);
});

test('a figure chosen in a held chart is read over the step\'s card, and the card is on top again once the detail closes', async () => {
  // A short phone: the card of the step being read meets the chart's foot, where its detail opens.
  const page = await guarded({ viewport: { width: 320, height: 568 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' });
  await page.goto(shared.story.url);
  await live(page);
  await bring(page, 2, 0.6);
  await shown(page, 2);
  const canvas = await page.evaluate(() => document.querySelector('#provincial-list canvas').getBoundingClientRect().toJSON());
  await page.touchscreen.tap(canvas.x + 5, canvas.y + canvas.height - 5);
  await waitFor(page, () => !document.querySelector('#provincial-list .chart__detail').hidden, 'the detail open');
  const read = () => page.evaluate(() => {
    const detail = document.querySelector('#provincial-list .chart__detail').getBoundingClientRect();
    const card = document.querySelectorAll('#investment-steps .step__text')[2].getBoundingClientRect();
    const x = detail.left + detail.width / 2;
    const y = Math.max(detail.top, card.top) + 4;
    return { overlap: detail.bottom > card.top, detail: document.querySelector('#provincial-list .chart__detail').contains(document.elementFromPoint(x, y)) };
  });
  const open = await read();
  assert.ok(open.overlap, 'the detail and the card meet on this screen');
  assert.ok(open.detail, 'the detail is on top where they meet');
  await page.keyboard.press('Escape');
  await waitFor(page, () => document.querySelector('#provincial-list .chart__detail').hidden, 'the detail closed');
  const card = await page.evaluate(() => {
    const text = document.querySelectorAll('#investment-steps .step__text')[2];
    const r = text.getBoundingClientRect();
    return text.contains(document.elementFromPoint(r.left + 10, r.top + 10));
  });
  assert.ok(card, 'the card on top again');
  assert.deepEqual(page.problems, []);
});

for (const [label, options, block] of [
  ['scripts off', { javaScriptEnabled: false }, false],
  ['the WebAssembly blocked', {}, true],
]) {
  test(`with ${label}, each step's text is followed by its own chart, all shown`, async () => {
    const page = await openPage(shared.browser, options);
    if (block) await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(shared.story.url);
    if (block) {
      await page.mouse.move(1, 1);
      await waitFor(page, () => document.documentElement.classList.contains('app-off'), 'the app given up');
    }
    const now = await state(page);
    assert.equal(now.live, false);
    assert.deepEqual(await page.locator(`${SEQUENCE} .chart`).evaluateAll((charts) => charts.map((c) => c.id)), CHARTS);
    let last = -Infinity;
    for (const step of now.steps) {
      assert.equal(step.opacity, 1);
      assert.equal(step.position, 'static');
      assert.ok(step.text.bottom <= step.graphic.top + 1 && step.text.top >= last, 'text, then its chart, in order');
      last = step.graphic.bottom;
    }
  });
}

test('on paper the steps are stacked, each chart after its text, even once held on screen', async () => {
  const page = await guarded();
  await page.goto(shared.story.url);
  await live(page);
  await bring(page, 1);
  await shown(page, 1);
  await page.emulateMedia({ media: 'print' });
  const now = await state(page);
  assert.equal(now.live, true, 'still held for the screen');
  for (const step of now.steps) {
    assert.equal(step.opacity, 1);
    assert.equal(step.position, 'static');
    assert.ok(step.text.bottom <= step.graphic.top + 1);
  }
});

/** The host page `name`, at 375 × 812, with the story's frame live inside it. */
async function hosted(name) {
  const page = await guarded();
  await page.goto(`${shared.host.url}${name}`);
  const frame = await (await page.$('iframe')).contentFrame();
  await waitFor(frame, () => document.documentElement.classList.contains('app-live'), 'the frame live');
  return { page, frame };
}

/** Scrolls the host so that the frame's step `i`'s text has its top at half the host's screen. */
async function bringHosted(page, frame, i) {
  const top = await frame.evaluate(([selector, i]) => document.querySelectorAll(`${selector} .step__text`)[i].getBoundingClientRect().top, [SEQUENCE, i]);
  await page.evaluate((top) => {
    const frame = document.querySelector('iframe').getBoundingClientRect().top;
    window.scrollBy(0, frame + top - innerHeight / 2);
  }, top);
}

test('in a host page with embed.js the host\'s scroll drives the steps, the chart held at the top of the host\'s screen', async () => {
  const { page, frame } = await hosted('relayed.html');
  await waitFor(frame, (s) => document.querySelector(s).hasAttribute('data-relayed'), 'the steps relayed', { arg: SEQUENCE });
  for (const i of [0, 1, 2, 1]) {
    await bringHosted(page, frame, i);
    await shown(frame, i);
    // The frame is as tall as its content, spaced by the host's screen (a frame off the host's
    // screen gets no rendering updates in Chromium, so it tells its new height once on it).
    await poll(async () => {
      const outer = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
      const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
      return Math.abs(outer - inner) <= 2;
    }, 'the frame fitted to its held steps');
    // The chart's top, in the host's screen: at its top (0), as sticky would hold it, once the
    // host's message for this scroll has come (a frame later: the active step may not change).
    let onHost;
    await poll(async () => {
      const { steps } = await state(frame);
      const frameTop = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().top);
      onHost = frameTop + steps[i].graphic.top;
      return Math.abs(onHost) <= 2;
    }, `step ${i + 1}: the chart held at the top of the host's screen`).catch((error) => assert.fail(`${error.message}: at ${onHost} px`));
    const { steps } = await state(frame);
    const frameTop = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().top);
    const text = frameTop + steps[i].text.top;
    assert.ok(text > 0 && text < 812, `step ${i + 1}'s text on the host's screen at ${text}`);
  }
  assert.deepEqual(await frame.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems, []);
});

test('without embed.js the frame keeps its steps stacked, and takes no scroll message but its parent\'s', async () => {
  const { page, frame } = await hosted('bare.html');
  // The frame asks to be followed; nobody answers.
  await page.evaluate(() => new Promise((asked) => {
    window.addEventListener('message', (event) => event.data?.type === 'story-embed:follow' && asked());
    // It may have asked already: ask it to ask again, as a late host script would.
    document.querySelector('iframe').contentWindow.postMessage({ type: 'story-embed:hello', v: 1 }, '*');
  }));
  assert.equal((await state(frame)).live, false, 'stacked without a host script');
  // Another frame on the page (a sibling, of the story's own origin) forges the host's message.
  await page.evaluate((src) => {
    const other = document.createElement('iframe');
    other.id = 'other';
    other.src = src;
    document.body.append(other);
    return new Promise((loaded) => other.addEventListener('load', loaded));
  }, shared.storyUrl + 'embed.js');
  const other = await (await page.$('#other')).contentFrame();
  await frame.evaluate(() => {
    window.__viewports = 0;
    window.addEventListener('message', (event) => { if (event.data?.type === 'story-embed:viewport') window.__viewports += 1; });
  });
  await other.evaluate(() => parent.frames[0].postMessage({ type: 'story-embed:viewport', v: 2, top: -1500, height: 812 }, '*'));
  await waitFor(frame, () => window.__viewports === 1, 'the forged message delivered');
  assert.equal((await state(frame)).live, false, 'a sibling\'s message is ignored');
  // The same message from the parent (the host page itself) is taken.
  await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'story-embed:viewport', v: 2, top: -1500, height: 812 }, '*'));
  await waitFor(frame, (s) => document.querySelector(s).hasAttribute('data-relayed'), 'the parent\'s message taken', { arg: SEQUENCE });
  assert.deepEqual(page.problems, []);
});
