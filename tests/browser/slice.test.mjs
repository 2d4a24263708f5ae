// The first view a reader gets: headline, dek, credit, the four headline figures and the four
// chapters, rendered from the story file by the release build, with nothing failing on the way.
import { before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, OUTPUT, firstMove, laidOut, live, openPage, setUp, storyField, test, waitFor } from './harness.mjs';

const shared = setUp();

before(() => mkdir(OUTPUT, { recursive: true }));

async function openStory(options) {
  const page = await openPage(shared.browser, options);
  await page.goto(shared.server.url);
  await waitFor(page, () => document.querySelector('h1')?.textContent, 'the story to render');
  return page;
}

test('the headline, dek and source credit with its date are shown', async () => {
  const page = await openStory();
  assert.equal(await page.locator('h1').innerText(), await storyField('title'));
  assert.ok(await page.locator('h1').isVisible());
  assert.equal(await page.locator('.dek').innerText(), await storyField('dek'));
  const byline = await page.locator('.byline').innerText();
  assert.match(byline, /抚顺市人民政府/);
  assert.match(byline, /2023年7月25日/);
  assert.equal(await page.locator('.byline time').getAttribute('datetime'), '2023-07-25');
  assert.deepEqual(page.problems, []);
});

test('the four headline figures are visible, exactly as the review states them', async () => {
  const page = await openStory();
  const cards = page.locator('.figures--headline .indicator');
  assert.equal(await cards.count(), 4);
  const shown = [];
  for (const card of await cards.all()) {
    assert.ok(await card.isVisible());
    shown.push((await card.locator('.indicator__figure').innerText()).replace(/\s+/g, ''));
  }
  assert.deepEqual(shown, ['22.3%', '40%以上', '92.1%', '39.4%']);
  assert.deepEqual(page.problems, []);
});

test('the four chapters are there in order, each with its heading and text', async () => {
  const page = await openStory();
  const chapters = await page.locator('main section.chapter').evaluateAll((sections) =>
    sections.map((s) => ({ id: s.id, heading: s.querySelector('h2').textContent, paragraphs: s.querySelectorAll('p:not([class])').length })),
  );
  assert.deepEqual(chapters.map((c) => c.id), ['leadership', 'projects', 'cadres', 'environment']);
  for (const chapter of chapters) {
    assert.ok(chapter.heading.length > 4, `chapter ${chapter.id} has a heading`);
    assert.ok(chapter.paragraphs >= 2, `chapter ${chapter.id} has text`);
  }
  assert.equal(await page.locator('h1').count(), 1);
});

test('quotations from the source are marked as quotations', async () => {
  const page = await openStory();
  const quotes = await page.locator('main .source-quote').allTextContents();
  // The marks are in the text, so a reader who copies a quotation copies them.
  assert.ok(quotes.includes('“创下历史新高”'), quotes.join(' | '));
  assert.equal(await page.locator('blockquote').count(), 2, 'a pull quote in the third and the fourth chapter');
});

test('a rank reads as a place: the card says 第3位, not 3位, and never counts from 第0位', async () => {
  const page = await openStory();
  // The card beside it waits at 0 for its count-up once the app is live, off screen as it is.
  await firstMove(page);
  await waitFor(page, () => document.querySelector('[data-indicator="provincial-projects"] .count-up__live').textContent === '0',
    'the app live, the figure beside the rank waiting to count');
  const card = page.locator('#story-main [data-indicator="provincial-rank"]');
  assert.equal((await card.locator('.visually-hidden').textContent()).trim(), '第3位');
  assert.equal((await card.locator('.indicator__figure').textContent()).replace(/\s+/g, ''), '第3位');
});

test('the page loads with no console error and no failed request, its icon in the page', async () => {
  const page = await openStory();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.reload();
  await waitFor(page, () => document.querySelectorAll('.indicator').length > 4, 'the figures to render');
  // The icon costs no request: the page carries it, the file's own drawing.
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  assert.match(icon, /^data:image\/svg\+xml,%3Csvg/);
  const file = (await readdir(DIST)).find((name) => /^favicon-[0-9a-f]{12,16}\.svg$/.test(name));
  assert.equal(decodeURIComponent(icon.slice(icon.indexOf(',') + 1)), (await readFile(join(DIST, file), 'utf8')).trim().replaceAll('"', "'"));
  assert.deepEqual(requests.filter((url) => /favicon|\.ico$/.test(url)), [], requests.join(', '));
  assert.deepEqual(page.problems, []);
});

test('phone and desktop screenshots, in both editions', async () => {
  const shots = [
    ['phone-375x812', '', { width: 375, height: 812 }],
    ['desktop-1280x800', '', { width: 1280, height: 800 }],
    ['phone-375x812-en', 'en.html', { width: 375, height: 812 }],
  ];
  for (const [name, path, viewport] of shots) {
    const page = await openPage(shared.browser, { viewport });
    await page.goto(shared.server.url + path);
    await live(page, 'the app to start');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the screen`);
    await page.screenshot({ path: join(OUTPUT, `${name}.png`) });
  }
});

test('phone screenshots at 320 px: the chapter menu open and a data table, in English', async () => {
  // Still: a picture taken mid-fade would show two of the sequence's charts.
  const phone = { viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, reducedMotion: 'reduce' };
  const page = await openPage(shared.browser, phone);
  await page.goto(shared.server.url + 'en.html#projects');
  await waitFor(page, () => document.querySelector('.chapter-nav__link[aria-current="true"]'), 'the chapter marked current');
  await page.locator('.chapter-nav__current').click();
  await page.screenshot({ path: join(OUTPUT, 'phone-320-navigator-en.png') });
  await page.keyboard.press('Escape');
  // The grid is the sequence's last step: its text read and gone past the screen's top, its
  // chart is held whole. (Every chapter laid out first: the place is measured before the scroll.)
  await laidOut(page);
  await page.evaluate(() => {
    const texts = document.querySelectorAll('#investment-steps .step__text');
    window.scrollBy(0, texts[texts.length - 1].getBoundingClientRect().bottom);
  });
  await waitFor(page, () => getComputedStyle(document.querySelector('#provincial-list').closest('.step__graphic')).opacity === '1', 'the grid shown');
  // A tap where the summary is seen (a locator's click would first scroll it to its place in
  // the page's flow, not where it is held).
  const summary = await page.locator('#provincial-list summary').evaluate((s) => s.getBoundingClientRect().toJSON());
  await page.touchscreen.tap(summary.x + 20, summary.y + summary.height / 2);
  // Opened in the held chart, the table scrolls inside it, not the page.
  await page.locator('#provincial-list table').evaluate((t) => {
    const held = t.closest('.chart__data');
    held.scrollTop = held.scrollHeight;
  });
  await waitFor(page, () => {
    const table = document.querySelector('#provincial-list table').getBoundingClientRect();
    const steps = [...document.querySelectorAll('#investment-steps > .step')];
    return table.top > 0 && table.bottom <= innerHeight && steps.at(-1).hasAttribute('data-active');
  }, 'the table on screen, in the held chart');
  await page.screenshot({ path: join(OUTPUT, 'phone-320-table-en.png') });
});
