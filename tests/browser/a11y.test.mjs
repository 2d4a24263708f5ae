// Accessibility: axe-core finds no violation (WCAG 2.2 A and AA rules, and best practices) in any
// view a reader can get: both languages, light and dark, the full story and the embed views.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPage, setUp, waitFor } from './harness.mjs';

const shared = setUp();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const PAGES = ['', 'en.html'];
const VIEWS = ['', '?embed=1', '?embed=1&chapter=projects', '?embed=1&block=growth-rates', '?embed=1&chapter=nope'];
const SCHEMES = ['light', 'dark'];

/** Every violation axe finds on the page, as "rule: target" lines. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim()})`));
}

for (const scheme of SCHEMES) {
  for (const pageName of PAGES) {
    for (const view of VIEWS) {
      const address = pageName + view;
      test(`no axe violations: ${address || 'index'} in ${scheme}`, async () => {
        const page = await openPage(shared.browser, { colorScheme: scheme });
        await page.goto(shared.server.url + address);
        await waitFor(page, () => document.querySelector('.chapter-nav--live'), 'the app to start');
        // Every figure and chart at its final state, so colours are checked as a reader sees them.
        await page.evaluate(() => document.querySelectorAll('.chapter').forEach((c) => (c.style.contentVisibility = 'visible')));
        assert.deepEqual(await violations(page), []);
      });
    }
  }
}

test('the full story with its embed control open has no axe violations', async () => {
  const page = await openPage(shared.browser);
  await page.goto(shared.server.url);
  await waitFor(page, () => document.querySelector('.embed-codes'), 'the embed control');
  await page.locator('.embed-codes summary').click();
  // Back at the top, where the sticky navigator is in the flow and covers nothing axe measures.
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.deepEqual(await violations(page), []);
});

// The states this story's phone reader meets that no static view shows: the chapter menu open, and
// a chapter's address shown for copying where neither a share sheet nor the clipboard works.
for (const scheme of SCHEMES) {
  for (const pageName of PAGES) {
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
