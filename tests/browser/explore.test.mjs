// Exploring a chart (src/charts/explore.rs, src/components/chart_canvas.rs): a figure's detail on
// hover and on tap, dismissible with Escape and by a tap elsewhere, never over its mark and inside a
// 320 px screen; the chart one tab stop whose keys walk every figure, ring it on the canvas and
// announce it once, without moving the story's chapters.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { OUTPUT, laidOut, live, openPage, scrollToPlace, setUp, test, waitFor } from './harness.mjs';

const shared = setUp();
// Charts drawn at once, without their entrance: a test compares a chart's pictures before and after,
// and an entrance running between the two would differ from both. (The Listen test has motion: the
// page's switch that stops motion must stop its sound too.)
const STILL = { reducedMotion: 'reduce' };

/** The chart `id` on screen, drawn, with each figure's table row and the box of its marks as the
 * build's SVG gives them (its paths: `M<x> <y>h<w>v<h>…`), in page coordinates. */
async function chart(page, id) {
  // A chart of a held sequence is shown while its step is read: its step's text is brought just
  // above the step line (70% of the screen), where the card is below the chart.
  if (await page.evaluate((id) => Boolean(document.getElementById(id).closest('.sequence[data-live] .step')), id)) {
    await scrollToPlace(page, `.step:has(#${id}) .step__text`, 0, 0.66);
  } else {
    await laidOut(page);
    await page.evaluate((id) => document.getElementById(id).scrollIntoView({ block: 'center' }), id);
  }
  await waitFor(page, (id) => {
    const step = document.getElementById(id).closest('.sequence[data-live] .step');
    return !step || (step.hasAttribute('data-active') && getComputedStyle(step.querySelector('.step__graphic')).opacity === '1');
  }, `${id}'s step shown`, { arg: id });
  await waitFor(page, (id) => document.querySelector(`#${id} canvas`)?.dataset.drawn === 'final', `${id} drawn`, { arg: id });
  return page.evaluate((id) => {
    const figure = document.getElementById(id);
    const canvas = figure.querySelector('canvas').getBoundingClientRect();
    const rows = [...figure.querySelectorAll('.chart__data tbody tr')].map((row) => ({
      label: row.querySelector('th').textContent.trim(),
      value: row.querySelector('.figure-text').textContent.trim(),
      period: row.querySelectorAll('td')[1].textContent.trim(),
      basis: row.querySelectorAll('td')[2].textContent.trim(),
    }));
    // The figure's own marks: an accent path (a bar, the part, the part's units).
    const marks = [...figure.querySelectorAll('.chart__svg path.chart-ink--accent')].map((path) => {
      const [, x, y, w, h] = path.getAttribute('d').match(/^M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)/).map(Number);
      return { x: canvas.left + x, y: canvas.top + y, w, h };
    });
    return { canvas: { x: canvas.left, y: canvas.top, w: canvas.width, h: canvas.height }, rows, marks };
  }, id);
}

const detail = (page, id) => page.evaluate((id) => {
  const box = document.querySelector(`#${id} .chart__detail`);
  if (box.hidden) return null;
  const r = box.getBoundingClientRect();
  return { text: [...box.querySelectorAll('p')].map((p) => p.textContent), x: r.left, y: r.top, w: r.width, h: r.height };
}, id);

const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

for (const [address, period, basis] of [['', '时期：', '口径：'], ['en.html', 'Period: ', 'Basis: ']]) {
  test(`pointing at each bar shows its detail from the chart's table, under the chart clear of every bar and inside a 320 px screen; it stays while pointed at, goes when the pointer leaves, and Escape closes it (${address || 'index'})`, async () => {
    const page = await openPage(shared.browser, { ...STILL, viewport: { width: 320, height: 640 } });
    await page.goto(shared.server.url + address);
    await live(page);
    const { rows, marks } = await chart(page, 'growth-rates');
    assert.equal(marks.length, 3);
    for (const [i, mark] of marks.entries()) {
      await page.mouse.move(mark.x + 4, mark.y + mark.h / 2);
      await waitFor(page, ([label]) => document.querySelector('#growth-rates .chart__detail:not([hidden])')?.textContent.includes(label), `the detail of ${rows[i].label}`, { arg: [rows[i].label] });
      const shown = await detail(page, 'growth-rates');
      assert.deepEqual(shown.text, [rows[i].value, rows[i].label, period + rows[i].period, basis + rows[i].basis]);
      for (const other of marks) assert.ok(!overlaps(shown, other), `the detail ${JSON.stringify(shown)} covers a bar ${JSON.stringify(other)}`);
      assert.ok(shown.x >= 0 && shown.x + shown.w <= 320, `inside the screen: ${shown.x}..${shown.x + shown.w}`);
      if (i === 1 && address === '') await page.screenshot({ path: join(OUTPUT, 'phone-320-chart-detail.png') });
    }
    // Hoverable (WCAG 1.4.13): the pointer moves onto the detail, which stays.
    const shown = await detail(page, 'growth-rates');
    await page.mouse.move(shown.x + shown.w / 2, shown.y + shown.h / 2, { steps: 4 });
    assert.ok(await detail(page, 'growth-rates'), 'the detail stays under the pointer');
    // Away from the chart and its detail: gone.
    await page.mouse.move(2, 2, { steps: 4 });
    await waitFor(page, () => document.querySelector('#growth-rates .chart__detail').hidden, 'the detail to go with the pointer');
    await page.mouse.move(marks[0].x + 4, marks[0].y + marks[0].h / 2);
    await waitFor(page, () => !document.querySelector('#growth-rates .chart__detail').hidden, 'the detail again');
    await page.keyboard.press('Escape');
    await waitFor(page, () => document.querySelector('#growth-rates .chart__detail').hidden, 'Escape to close the detail');
    assert.deepEqual(page.problems, []);
  });
}

test('a tap on the part of the grid of units shows its detail, a tap on the whole the whole\'s, and a tap elsewhere closes it', async () => {
  const page = await openPage(shared.browser, { ...STILL, viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  await page.goto(shared.server.url);
  await live(page);
  const { rows, marks, canvas } = await chart(page, 'provincial-list');
  const unit = marks[0];
  await page.touchscreen.tap(unit.x + unit.w / 2, unit.y + unit.h / 2);
  await waitFor(page, () => !document.querySelector('#provincial-list .chart__detail').hidden, 'the tapped figure\'s detail');
  const shown = await detail(page, 'provincial-list');
  assert.equal(shown.text[0], rows[0].value);
  assert.ok(marks.every((mark) => !overlaps(shown, mark)) && shown.x >= 0 && shown.x + shown.w <= 320, JSON.stringify(shown));
  // A tap on the whole's units, far from the part: the whole's detail (where the canvas is now:
  // the detail is brought into view, which may move the page).
  const now = await page.evaluate(() => document.querySelector('#provincial-list canvas').getBoundingClientRect().toJSON());
  await page.touchscreen.tap(now.x + now.width - 4, now.y + now.height - 4);
  await waitFor(page, ([value]) => document.querySelector('#provincial-list .chart__detail p')?.textContent === value, 'the whole\'s detail', { arg: [rows[1].value] });
  // A tap on the title, outside the chart: closed.
  const caption = await page.evaluate(() => document.getElementById('provincial-list-title').getBoundingClientRect().toJSON());
  await page.touchscreen.tap(caption.x + 10, caption.y + caption.height / 2);
  await waitFor(page, () => document.querySelector('#provincial-list .chart__detail').hidden, 'a tap elsewhere to close the detail');
  assert.deepEqual(page.problems, []);
});

test('a chart is one tab stop whose keys walk every figure, ring it on the canvas and announce it once, and leave the chapters alone', async () => {
  const page = await openPage(shared.browser, { ...STILL, viewport: { width: 1280, height: 800 } });
  await page.goto(shared.server.url);
  await live(page);
  for (const id of ['growth-rates', 'industrial-floor', 'provincial-list']) {
    const { rows } = await chart(page, id);
    // The chart's own chapter is the one being read, before its keys and after them (→ and j
    // would take the reader to the next chapter if the chart let them through).
    // (A chart of the opening, before the first chapter, has none: the address has no fragment.)
    const chapter = await page.evaluate((id) => {
      const own = document.getElementById(id).closest('.chapter');
      return own ? `#${own.id}` : '';
    }, id);
    const reading = (label) => waitFor(page, (chapter) => location.hash === chapter && (chapter === '' || document.querySelector('.chapter-nav__link[aria-current="true"]')?.getAttribute('href') === chapter), label, { arg: chapter });
    await reading(`${chapter} being read`);
    const picture = () => page.evaluate((id) => document.querySelector(`#${id} canvas`).toDataURL(), id);
    const plain = await picture();
    await page.evaluate((id) => document.querySelector(`#${id} canvas`).focus(), id);
    assert.equal(await page.evaluate(() => document.activeElement.tabIndex), 0);
    const announced = () => page.evaluate((id) => document.querySelector(`#${id} [aria-live="polite"]`).textContent, id);
    for (const [i, row] of rows.entries()) {
      await page.keyboard.press(i % 2 ? 'j' : 'ArrowRight');
      await waitFor(page, ([id, value]) => document.querySelector(`#${id} .chart__detail p`)?.textContent === value, `${id}: figure ${i} by key`, { arg: [id, row.value] });
      assert.equal(await announced(), `${row.label}：${row.value}，时期：${row.period}，口径：${row.basis}`);
      await waitFor(page, ([id, plain]) => document.querySelector(`#${id} canvas`).toDataURL() !== plain, 'the figure ringed on the canvas', { arg: [id, plain] });
    }
    // Unpinned, the detail goes with the focus.
    await page.evaluate(() => document.activeElement.blur());
    await waitFor(page, (id) => document.querySelector(`#${id} .chart__detail`).hidden, 'the detail to go with the focus', { arg: id });
    await page.evaluate((id) => document.querySelector(`#${id} canvas`).focus(), id);
    await page.keyboard.press('End');
    // At the end the keys stop; Home and End reach either end.
    await page.keyboard.press('ArrowRight');
    assert.equal((await detail(page, id)).text[0], rows.at(-1).value);
    await page.keyboard.press('Home');
    await waitFor(page, ([id, value]) => document.querySelector(`#${id} .chart__detail p`)?.textContent === value, 'Home', { arg: [id, rows[0].value] });
    await page.keyboard.press('End');
    await waitFor(page, ([id, value]) => document.querySelector(`#${id} .chart__detail p`)?.textContent === value, 'End', { arg: [id, rows.at(-1).value] });
    // Enter pins the detail: it stays when the focus leaves the chart; Escape closes it and the ring goes.
    await page.keyboard.press('Enter');
    await page.evaluate(() => document.activeElement.blur());
    assert.equal((await detail(page, id))?.text[0], rows.at(-1).value, 'the pinned detail stays without the focus');
    await page.keyboard.press('Escape');
    await waitFor(page, (id) => document.querySelector(`#${id} .chart__detail`).hidden, 'Escape', { arg: id });
    await waitFor(page, ([id, plain]) => document.querySelector(`#${id} canvas`).toDataURL() === plain, 'the ring gone', { arg: [id, plain] });
    await reading(`${chapter} still being read after the chart's keys`);
    const described = await page.evaluate((id) => document.querySelector(`#${id} canvas`).getAttribute('aria-describedby').split(' ').map((ref) => document.getElementById(ref).textContent), id);
    assert.match(described[1], /方向键/, 'the keys are in the chart\'s description');
  }
  assert.deepEqual(page.problems, []);
});

test('in a chart\'s own frame the detail works and is styled as on the story\'s page (its rules kept though the build\'s page has no detail open)', async () => {
  const page = await openPage(shared.browser, { ...STILL, viewport: { width: 320, height: 640 } });
  await page.goto(shared.server.url + 'embed/growth-rates.html');
  await live(page);
  const { rows, marks, canvas } = await chart(page, 'growth-rates');
  await page.mouse.move(marks[1].x + 4, marks[1].y + marks[1].h / 2);
  await waitFor(page, ([value]) => document.querySelector('#growth-rates .chart__detail p')?.textContent === value, 'the detail in a frame', { arg: [rows[1].value] });
  const style = await page.evaluate(() => {
    const box = document.querySelector('#growth-rates .chart__detail');
    const css = getComputedStyle(box);
    return { position: css.position, border: css.borderTopWidth, value: getComputedStyle(box.querySelector('p')).fontWeight };
  });
  assert.deepEqual(style, { position: 'absolute', border: '1px', value: '700' });
  const shown = await detail(page, 'growth-rates');
  assert.ok(Math.abs(shown.y - (canvas.y + canvas.h)) < 1, `under the chart: ${shown.y} vs ${canvas.y + canvas.h}`);
  assert.deepEqual(page.problems, []);
});

for (const address of ['', 'en.html']) {
  test(`a chart's chosen figure marks its card, and pointing at a card rings its figure on the chart (${address || 'index'})`, async () => {
    const page = await openPage(shared.browser, { ...STILL, viewport: { width: 1280, height: 800 } });
    await page.goto(shared.server.url + address);
    await live(page);
    const { rows } = await chart(page, 'growth-rates');
    const ids = await page.evaluate(() => [...document.querySelectorAll('#growth-rates tbody tr')].map((row) => row.dataset.indicatorRow));
    assert.equal(ids.length, rows.length);
    const linked = () => page.evaluate(() => [...document.querySelectorAll('.indicator[data-linked]')].map((card) => card.dataset.indicator));
    // The chart's figures by key: each one's card marked, one at a time; none after Escape.
    await page.evaluate(() => document.querySelector('#growth-rates canvas').focus());
    for (const id of ids) {
      await page.keyboard.press('ArrowRight');
      await waitFor(page, (id) => document.querySelector(`.indicator[data-indicator="${id}"]`)?.hasAttribute('data-linked'), `the card of ${id} marked`, { arg: id });
      assert.deepEqual(await linked(), [id]);
    }
    await page.keyboard.press('Escape');
    await waitFor(page, () => !document.querySelector('.indicator[data-linked]'), 'no card marked after Escape');
    // A card pointed at: its figure ringed on the chart, and the chart as it was once the pointer leaves.
    await page.evaluate(() => document.activeElement.blur());
    const picture = () => page.evaluate(() => document.querySelector('#growth-rates canvas').toDataURL());
    // The ring goes a frame after Escape: the chart without it is the one to compare with.
    await waitFor(page, () => !document.querySelector('#growth-rates canvas').hasAttribute('data-ringed'), 'the ring gone after Escape');
    const plain = await picture();
    const card = await page.evaluate((id) => {
      const card = document.querySelector(`.indicator[data-indicator="${id}"]`);
      card.scrollIntoView({ block: 'center' });
      return card.getBoundingClientRect().toJSON();
    }, ids[1]);
    await page.mouse.move(card.x + card.width / 2, card.y + card.height / 2);
    await waitFor(page, (plain) => document.querySelector('#growth-rates canvas').toDataURL() !== plain, 'the card\'s figure ringed', { arg: plain });
    await page.mouse.move(2, card.y + card.height + 200 > 790 ? 2 : card.y + card.height + 200);
    await page.mouse.move(2, 2);
    await waitFor(page, (plain) => document.querySelector('#growth-rates canvas').toDataURL() === plain, 'the ring gone with the pointer', { arg: plain });
    assert.deepEqual(page.problems, []);
  });
}

/** Records what the page asks of Web Audio: contexts made and closed, pitches set, and the chart's
 * live region's announcements, in order. The sound itself plays in headless Chromium's fake output. */
async function listening(page) {
  await page.addInitScript(() => {
    const heard = (window.__audio = { made: 0, closed: 0, pitches: [], ramps: [] });
    const Real = window.AudioContext;
    window.AudioContext = class extends Real {
      constructor(...options) {
        super(...options);
        heard.made += 1;
      }
      close() {
        heard.closed += 1;
        return super.close();
      }
    };
    const set = AudioParam.prototype.setValueAtTime;
    AudioParam.prototype.setValueAtTime = function (value, time) {
      if (value > 1) heard.pitches.push(Math.round(value * 10) / 10);
      return set.call(this, value, time);
    };
    const ramp = AudioParam.prototype.linearRampToValueAtTime;
    AudioParam.prototype.linearRampToValueAtTime = function (value, time) {
      if (value > 1) heard.ramps.push(Math.round(value * 10) / 10);
      return ramp.call(this, value, time);
    };
  });
}

const said = (page, id) => page.evaluate((id) => {
  const region = document.querySelector(`#${id} [aria-live="polite"]`);
  window.__said = [];
  new MutationObserver(() => window.__said.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
}, id);

const pitch = (value, whole) => Math.round(220 * 2 ** (2 * value / whole) * 10) / 10;

test('Listen plays a chart\'s figures as notes only once pressed, announces each as it plays, and stops on a second press or the motion switch', async () => {
  const page = await openPage(shared.browser, { viewport: { width: 1280, height: 800 } });
  await listening(page);
  await page.goto(shared.server.url);
  await live(page);
  const { rows } = await chart(page, 'growth-rates');
  const button = '#growth-rates .chart__listen button';
  assert.equal(await page.evaluate(() => window.__audio.made), 0, 'no audio before the press');
  assert.match(await page.evaluate((b) => document.getElementById(document.querySelector(b).getAttribute('aria-describedby')).textContent, button), /220赫兹.*880赫兹/);
  await said(page, 'growth-rates');
  await page.click(button);
  assert.equal(await page.getAttribute(button, 'aria-pressed'), 'true');
  const values = [22.3, 92.1, 39.4];
  assert.deepEqual(await page.evaluate(() => window.__audio.pitches), values.map((v) => pitch(v, 92.1)), 'a pitch per bar, the largest at 880 Hz');
  await waitFor(page, (b) => document.querySelector(b).getAttribute('aria-pressed') === 'false', 'the sound to end', { arg: button });
  const announced = await page.evaluate(() => window.__said.filter((text, i, all) => text && text !== all[i - 1]));
  assert.deepEqual(announced.map((text) => text.split('：')[0]), rows.map((row) => row.label), 'each figure announced once, in order, as it plays');
  assert.equal(await page.evaluate(() => [window.__audio.made, window.__audio.closed].join()), '1,1');
  // A floor rises at its end; the unknown rest is silence, announced as such.
  const floor = await chart(page, 'industrial-floor');
  await said(page, 'industrial-floor');
  await page.click('#industrial-floor .chart__listen button');
  await waitFor(page, () => window.__said.some((text) => text.includes('静音')), 'the rest announced as silence');
  const heard = await page.evaluate(() => window.__audio);
  assert.equal(heard.pitches.at(-1), pitch(40, 100), 'the floor at its own pitch (held until it rises)');
  assert.equal(heard.ramps.at(-1), Math.round(pitch(40, 100) * 2 ** 0.25 * 10) / 10, 'rising a minor third at its end');
  assert.ok(floor.rows[0].value.includes('以上'));
  await waitFor(page, () => document.querySelector('#industrial-floor .chart__listen button').getAttribute('aria-pressed') === 'false', 'the floor\'s sound to end');
  // A second press stops it at once; so does the page's switch that stops motion.
  await page.click(button);
  await page.click(button);
  assert.equal(await page.getAttribute(button, 'aria-pressed'), 'false');
  assert.equal(await page.evaluate(() => window.__audio.closed), 3);
  await page.click(button);
  await page.evaluate(() => document.querySelector('.motion-toggle button').click());
  await waitFor(page, (b) => document.querySelector(b).getAttribute('aria-pressed') === 'false', 'the motion switch to stop the sound', { arg: button });
  assert.equal(await page.evaluate(() => window.__audio.closed), 4);
  assert.deepEqual(page.problems, []);
});
