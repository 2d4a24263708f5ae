// Phones first: at 320 px nothing pushes the page sideways, every control is a 44 px target, the
// navigator keeps the current chapter in view, and turning the phone redraws the charts to fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, setUp, waitFor } from './harness.mjs';

const shared = setUp();
const PHONE = { viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function open(path) {
  const page = await openPage(shared.browser, PHONE);
  await page.goto(shared.server.url + path);
  await waitFor(page, () => document.querySelector('.chapter-nav--live'), 'the app to start');
  // Everything laid out and open, as a reader who read it all would have it.
  await page.evaluate(() => {
    document.querySelectorAll('.chapter').forEach((c) => (c.style.contentVisibility = 'visible'));
    document.querySelectorAll('details').forEach((d) => (d.open = true));
  });
  return page;
}

for (const path of ['', 'en.html', '?embed=1', 'en.html?embed=1&chapter=projects']) {
  test(`at 320 px nothing is wider than the screen: ${path || 'index'}`, async () => {
    const page = await open(path);
    await waitFor(page, () => document.querySelector('.embed-codes') || document.documentElement.dataset.embed, 'the page to settle');
    const wide = await page.evaluate(() => {
      const edge = document.documentElement.clientWidth;
      return [...document.querySelectorAll('body *')]
        .filter((e) => e.checkVisibility() && !e.closest('.chapter-nav__list') && e.getBoundingClientRect().right > edge + 0.5)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
    });
    assert.deepEqual(wide, []);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
    assert.deepEqual(page.problems, []);
  });
}

test('every control is at least 44 × 44 px on a phone', async () => {
  for (const path of ['', 'en.html']) {
    const page = await open(path);
    await waitFor(page, () => document.querySelector('.embed-codes'), 'the embed control');
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, summary, select, textarea, .chapter-nav a, a.editions, .chapter__next a, .skip-link')]
        .filter((e) => e.checkVisibility({ visibilityProperty: true }) || e.matches('.skip-link'))
        .map((e) => [e.className || e.tagName, e.getBoundingClientRect()])
        .filter(([, r]) => r.width < 44 || r.height < 44)
        .map(([name, r]) => `${name} ${Math.round(r.width)}×${Math.round(r.height)}`));
    assert.deepEqual(small, [], path);
  }
});

test('the navigator scrolls the current chapter into its view', async () => {
  const page = await open('en.html#environment');
  await waitFor(page, () => {
    const list = document.querySelector('.chapter-nav__list').getBoundingClientRect();
    const link = document.querySelector('.chapter-nav__link[aria-current]')?.getBoundingClientRect();
    return link && link.left >= list.left - 1 && link.right <= list.right + 1;
  }, 'the last chapter link wholly in view');
});

test('turning the phone redraws the charts at the new width, with nothing too wide', async () => {
  const page = await open('#projects');
  const canvas = '#provincial-list canvas';
  await page.evaluate((c) => document.querySelector(c).scrollIntoView({ block: 'center' }), canvas);
  await waitFor(page, (c) => document.querySelector(c).dataset.drawn === 'final', 'the chart drawn', { arg: canvas });
  const before = await page.$eval(canvas, (c) => c.width);
  await page.setViewportSize({ width: 568, height: 320 });
  await waitFor(page, ([c, w]) => document.querySelector(c).width > w, 'the chart redrawn wider', { arg: [canvas, before] });
  const fits = await page.$eval(canvas, (c) => c.width === Math.round(c.getBoundingClientRect().width * devicePixelRatio));
  assert.ok(fits, 'the backing store matches the new size');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 568);
});
