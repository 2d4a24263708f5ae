// Phones first: at 320 px nothing pushes the page sideways, every control is a 44 px target, the
// navigator reaches every chapter by its full label, and turning the phone redraws the charts to fit.
import assert from 'node:assert/strict';
import { live, openPage, setUp, storyWords, test, textAsSet, waitFor } from './harness.mjs';

const shared = setUp();
const PHONE = { viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function open(path) {
  const page = await openPage(shared.browser, PHONE);
  await page.goto(shared.server.url + path);
  await live(page, 'the app to start');
  // Everything laid out and open, as a reader who read it all would have it.
  await page.evaluate(() => {
    document.querySelectorAll('.chapter').forEach((c) => (c.style.contentVisibility = 'visible'));
    document.querySelectorAll('details').forEach((d) => (d.open = true));
  });
  return page;
}

for (const path of ['', 'en.html', 'embed/index.html', 'en/embed/projects.html']) {
  test(`at 320 px nothing is wider than the screen: ${path || 'index'}`, async () => {
    const page = await open(path);
    await live(page);
    await waitFor(page, () => document.querySelector('.embed-codes') || document.documentElement.dataset.embed, 'the page to settle');
    const wide = await page.evaluate(() => {
      const edge = document.documentElement.clientWidth;
      // Text kept for screen readers only (clipped to nothing: a held sequence's chart captions)
      // is on one line that no reader sees.
      const clipped = (e) => { for (let at = e; at; at = at.parentElement) if (getComputedStyle(at).clipPath === 'inset(50%)') return true; return false; };
      return [...document.querySelectorAll('body *')]
        .filter((e) => e.checkVisibility() && !e.closest('.chapter-nav__list') && !clipped(e) && e.getBoundingClientRect().right > edge + 0.5)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
    });
    assert.deepEqual(wide, []);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320);
    assert.deepEqual(page.problems, []);
  });
}

// Every control, not a chosen list: links, buttons, disclosures and fields, in full pages and
// embeds. Links inside running prose are excepted, as WCAG 2.5.8 allows (the story has none now).
test('every control is at least 44 × 44 px on a phone', async () => {
  for (const path of ['', 'en.html', 'embed/index.html', 'en/embed/fai-total.html', 'embed/missing.html']) {
    const page = await open(path);
    await live(page);
    await waitFor(page, () => document.querySelector('.embed-codes') || document.documentElement.dataset.embed, 'the page to settle');
    const { small, count } = await page.evaluate(() => {
      const controls = [...document.querySelectorAll('a[href], button, summary, select, textarea, input')]
        .filter((e) => (e.checkVisibility({ visibilityProperty: true }) || (e.matches('.skip-link') && getComputedStyle(e).display !== 'none')) && !e.closest(':is(.chapter, .intro) :is(p, li)'));
      return {
        count: controls.length,
        small: controls
          .map((e) => [`${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 20)}"`, e.getBoundingClientRect()])
          .filter(([, r]) => r.width < 43.5 || r.height < 43.5)
          .map(([name, r]) => `${name} ${Math.round(r.width)}×${Math.round(r.height)}`),
      };
    });
    assert.ok(count >= 1, `${path}: ${count} controls measured`);
    assert.deepEqual(small, [], path);
  }
});

// Every chapter reachable and recognisable from the navigator: by its full label, wholly on screen,
// in both editions, on the narrowest phone and wider. Where the labels cannot share one line, the
// current chapter names a menu that lists them all.
for (const [path, width] of [['', 320], ['en.html', 320], ['en.html', 375], ['en.html', 414], ['', 414], ['en.html', 640], ['en.html', 700], ['en.html', 1280]]) {
  test(`at ${width} px every chapter is reachable from the navigator by its full label: ${path || 'index'}`, async () => {
    const page = await openPage(shared.browser, { ...PHONE, viewport: { width, height: 700 } });
    await page.goto(shared.server.url + path);
    await live(page, 'the app to start');
    const chapters = await page.evaluate(() => [...document.querySelectorAll('.chapter')].map((c) => [c.id, c.querySelector('h2').textContent]));
    const labels = await page.$$eval('.chapter-nav__list .chapter-nav__link', (links) => links.map((a) => a.lastChild.textContent));
    assert.equal(labels.length, 4);
    for (const [i, [id]] of chapters.entries()) {
      // The navigator on screen (never its list scrolled sideways: a label must show without that).
      await page.locator('.chapter-nav').scrollIntoViewIfNeeded();
      const menu = page.locator('.chapter-nav__current');
      if (await menu.isVisible()) await menu.click();
      const link = page.locator(`.chapter-nav a[href="#${id}"]:visible`);
      assert.equal(await link.count(), 1, `one link to ${id} shows`);
      const seen = await link.evaluate((a) => {
        const r = a.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(a.lastChild);
        const text = range.getBoundingClientRect();
        // Wholly on screen, and not cut by any box that clips it.
        let clipped = false;
        for (let box = a.parentElement; box; box = box.parentElement) {
          const style = getComputedStyle(box);
          if (style.overflowX !== 'visible') {
            const b = box.getBoundingClientRect();
            if (text.left < b.left - 0.5 || text.right > b.right + 0.5) clipped = true;
          }
        }
        const onTop = document.elementFromPoint((text.left + text.right) / 2, (text.top + text.bottom) / 2);
        return {
          inView: r.left >= 0 && r.right <= innerWidth + 0.5 && text.left >= 0 && text.right <= innerWidth + 0.5,
          clipped,
          reachable: a.contains(onTop),
          label: a.lastChild.textContent,
          size: [r.width, r.height],
        };
      });
      assert.equal(seen.label, labels[i], 'the full label');
      assert.ok(seen.inView && !seen.clipped && seen.reachable, `${id} at ${width} px: ${JSON.stringify(seen)}`);
      assert.ok(seen.size[0] >= 44 && seen.size[1] >= 44, `${id} is a 44 px target: ${seen.size}`);
      await link.click();
      await waitFor(page, (id) => location.hash === `#${id}`, `the address at ${id}`, { arg: id });
      await waitFor(page, () => !document.querySelector('.chapter-nav__menu[open]'), 'the menu closed after the choice');
    }
    // The navigator names the chapter being read, in the menu's summary where there is one.
    const summary = page.locator('.chapter-nav__current');
    if (await summary.isVisible()) {
      await waitFor(page, (label) => document.querySelector('.chapter-nav__current').textContent.includes(label), 'the summary names the last chapter', { arg: labels[3] });
    }
  });
}

// A data table never breaks a word, a number or a figure with its unit: on a 320 px phone in both
// editions, in a 375 px chart embed and a 280 px sidebar. Narrow tables stack their rows instead.
for (const [path, width] of [['', 320], ['en.html', 320], ['embed/growth-rates.html', 375], ['en/embed/provincial-list.html', 280], ['en.html', 1280]]) {
  test(`at ${width} px a data table breaks no word or figure: ${path || 'index'}`, async () => {
    const page = await openPage(shared.browser, { ...PHONE, viewport: { width, height: 700 } });
    await page.goto(shared.server.url + path);
    await live(page, 'the app to start');
    await page.evaluate(() => {
      document.querySelectorAll('.chapter').forEach((c) => (c.style.contentVisibility = 'visible'));
      document.querySelectorAll('.chart__data').forEach((d) => (d.open = true));
    });
    const found = await page.evaluate(() => {
      const lines = (range) => new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      const broken = [];
      let words = 0;
      for (const cell of document.querySelectorAll('.chart__data :is(th, td)')) {
        // Cells a sighted reader sees (the stacked layout keeps the header row for screen readers only).
        if (!cell.checkVisibility() || cell.getBoundingClientRect().width < 2) continue;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
          for (const match of node.data.matchAll(/[A-Za-z0-9.,%×'’]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            words += 1;
            if (lines(range) > 1) broken.push(match[0]);
          }
        }
      }
      for (const figure of document.querySelectorAll('.chart__data .figure-text')) {
        const range = document.createRange();
        range.selectNodeContents(figure);
        if (figure.checkVisibility() && lines(range) > 1) broken.push(figure.textContent);
      }
      const wide = [...document.querySelectorAll('.chart__data table')].filter((t) => t.checkVisibility() && t.getBoundingClientRect().right > innerWidth + 0.5).length;
      return { broken, words, wide };
    });
    assert.ok(found.words > 4, `${found.words} words and numbers checked`);
    assert.deepEqual(found.broken, []);
    assert.equal(found.wide, 0, 'no table wider than the screen');
  });
}

// The story's text is set as an editor would set it, from the smallest phone to a desktop, in both
// editions. A figure card holds its figure: the number and the words set against it ("40%",
// "3rd", "第3位") on one line inside the card, a unit after a space ("tonnes") inside it too, and
// the cards of one row with their numbers at one size (a rank, which does not count up, as large
// as the counting figures beside it); English writes the longest number (650,000). No Chinese
// text, in a card or anywhere in the story, ends on a line of one character (增 / 长, 总量口 / 径,
// 指挥 / 部), and a heading or a card's label breaks only between words (三木集团 / 项目设计规模, not
// 三木集团项 / 目设计规模). The headline never breaks inside the words it quotes (“振奋人 / 心的数字” broke the
// idiom 振奋人心), and every line of it starts flush.
for (const path of ['', 'en.html']) {
  test(`the story's text is set well at every width: ${path || 'index'}`, async () => {
    const page = await openPage(shared.browser, { ...PHONE, viewport: { width: 320, height: 700 } });
    await page.goto(shared.server.url + path);
    await live(page, 'the app to start');
    await page.evaluate(() => document.querySelectorAll('.chapter').forEach((c) => (c.style.contentVisibility = 'visible')));
    const words = await storyWords();
    for (const width of [320, 348, 360, 375, 390, 414, 600, 768, 1024, 1280]) {
      await page.setViewportSize({ width, height: 700 });
      const found = await page.evaluate(textAsSet, words);
      assert.deepEqual(found.outside, [], `${width} px: a figure past its card's edge`);
      assert.deepEqual(found.parted, [], `${width} px: a number parted from the words set against it`);
      assert.deepEqual(found.uneven, [], `${width} px: numbers of one row at two sizes`);
      assert.deepEqual(found.basisInline, [], `${width} px: a card's basis not on a line of its own`);
      assert.deepEqual(found.lone, [], `${width} px: a last line of one character`);
      assert.deepEqual(found.midWord, [], `${width} px: a heading or a label broken inside a word`);
      assert.deepEqual(found.unplanned, [], `${width} px: a heading or a label broken where the build marked no break`);
      const { headline } = found;
      assert.equal(headline.lines, 1, `${width} px: ${headline.quotation} over ${headline.lines} lines`);
      assert.deepEqual(headline.indents, [], `${width} px: a line of the headline starts with a full-width opening mark`);
      assert.ok(headline.h1Lines <= 4, `${width} px: the headline in ${headline.h1Lines} lines`);
    }
  });
}

test('the chapter menu closes with Escape and gives the focus back to its summary', async () => {
  const page = await openPage(shared.browser, { ...PHONE, viewport: { width: 320, height: 600 } });
  await page.goto(shared.server.url);
  await live(page, 'the app to start');
  await page.locator('.chapter-nav__current').click();
  assert.equal(await page.locator('.chapter-nav__menu').getAttribute('open'), '');
  await page.locator('.chapter-nav__menu-list a').first().focus();
  await page.keyboard.press('Escape');
  await waitFor(page, () => !document.querySelector('.chapter-nav__menu[open]'), 'the menu closed');
  assert.ok(await page.evaluate(() => document.activeElement.matches('.chapter-nav__current')));
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
