// Accessibility: axe-core finds no violation (WCAG 2.2 A and AA rules, and best practices) in any
// view a reader can get: both languages, light and dark, the full story and every page built for
// another site's frame, and the site's page for an address that names none.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { framePages, live, openPage, setUp, test, waitFor } from './harness.mjs';

const shared = setUp();
// axe's source, run in the page by the test driver: the page's policy allows no script of a test's.
const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Every frame's page in light; in dark, one of each kind (a frame is light unless its host asks).
const FRAMES = await framePages();
const SHOWN = {
  light: ['', 'en.html', ...FRAMES],
  dark: ['', 'en.html', 'embed/index.html?theme=dark', 'embed/projects.html?theme=dark', 'en/embed/growth-rates.html?theme=dark',
    'en/embed/fai-total.html?theme=dark', 'embed/missing.html?theme=dark'],
};

/** Every violation axe finds on the page, as "rule: target" lines. */
async function violations(page) {
  // Colours as a reader sees them once still: a sequence's chart fading in is read mid-fade. (The
  // browser's list of animations brings the style up to date first, so a fade about to start is in it.)
  await waitFor(page, () => [...document.querySelectorAll('.sequence')].every((s) => s.hasAttribute('data-live'))
    && document.getAnimations().length === 0, 'the sequence held and still');
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim()})`));
}

for (const [scheme, addresses] of Object.entries(SHOWN)) {
  for (const address of addresses) {
    test(`no axe violations: ${address || 'index'} in ${scheme}`, async () => {
      const page = await openPage(shared.browser, { colorScheme: scheme });
      await page.goto(shared.server.url + address);
      await live(page, 'the app to start');
      // Every figure and chart at its final state, so colours are checked as a reader sees them.
      await page.evaluate(() => document.querySelectorAll('.chapter').forEach((c) => (c.style.contentVisibility = 'visible')));
      assert.deepEqual(await violations(page), []);
    });
  }
}

// The site's page for an address that names none: nothing on it waits for the engine.
for (const scheme of ['light', 'dark']) {
  test(`no axe violations: the page for a mistyped address in ${scheme}`, async () => {
    const page = await openPage(shared.browser, { colorScheme: scheme });
    assert.equal((await page.goto(`${shared.server.url}zh.html`)).status(), 404);
    assert.deepEqual(await violations(page), []);
  });
}

for (const scheme of ['light', 'dark']) {
  test(`a chart's detail open, pinned by the keys, has no axe violations (${scheme})`, async () => {
    const page = await openPage(shared.browser, { colorScheme: scheme });
    await page.goto(shared.server.url);
    await live(page, 'the app to start');
    await page.evaluate(() => document.querySelectorAll('.chapter').forEach((c) => (c.style.contentVisibility = 'visible')));
    await page.evaluate(() => document.querySelector('#growth-rates canvas').focus());
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await waitFor(page, () => !document.querySelector('#growth-rates .chart__detail').hidden, 'the detail open');
    assert.deepEqual(await violations(page), []);
  });
}

for (const [address, scheme] of [['', 'light'], ['en.html', 'dark']]) {
  test(`the sequence held, its second step active, has no axe violations (${address || 'index'}, ${scheme})`, async () => {
    const page = await openPage(shared.browser, { colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(shared.server.url + address);
    await live(page, 'the app to start');
    await page.evaluate(() => document.querySelectorAll('.chapter').forEach((c) => (c.style.contentVisibility = 'visible')));
    await page.evaluate(() => {
      const text = document.querySelectorAll('#investment-steps .step__text')[1];
      window.scrollBy(0, text.getBoundingClientRect().top - innerHeight / 2);
    });
    await waitFor(page, () => document.querySelectorAll('#investment-steps > .step')[1].hasAttribute('data-active'), 'the second step active');
    assert.deepEqual(await violations(page), []);
  });
}

test('the full story with its embed control open has no axe violations', async () => {
  const page = await openPage(shared.browser);
  await page.goto(shared.server.url);
  await live(page);
  await waitFor(page, () => document.querySelector('.embed-codes'), 'the embed control');
  await page.locator('.embed-codes summary').click();
  // Back at the top, where the sticky navigator is in the flow and covers nothing axe measures.
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.deepEqual(await violations(page), []);
});

// The states this story's phone reader meets that no static view shows: the chapter menu open, and
// a chapter's address shown for copying where neither a share sheet nor the clipboard works.
for (const scheme of ['light', 'dark']) {
  for (const pageName of ['', 'en.html']) {
    test(`no axe violations with the chapter menu open and a shared address shown: ${pageName || 'index'} in ${scheme}`, async () => {
      const page = await openPage(shared.browser, { colorScheme: scheme, viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
      await page.goto(shared.server.url + pageName + '#cadres');
      await waitFor(page, () => document.querySelector('.chapter-nav__link[aria-current="true"]'), 'the chapter marked current');
      await page.evaluate(() => {
        document.querySelectorAll('.chapter').forEach((c) => (c.style.contentVisibility = 'visible'));
        delete Navigator.prototype.share;
        Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
      });
      await page.locator('#cadres .chapter__tools button').first().click();
      await waitFor(page, () => document.querySelector('#cadres .chapter__link'), 'the address shown');
      await page.locator('.chapter-nav__current').click();
      assert.equal(await page.locator('.chapter-nav__menu').getAttribute('open'), '');
      assert.deepEqual(await violations(page), []);
    });
  }
}
