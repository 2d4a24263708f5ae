// What a reader takes away: the figures as CSV and JSON in their language, a chapter's link (shared
// or copied), and the story on paper.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { live, openPage, setUp, storyCharts, storyIndicators, test, waitFor } from './harness.mjs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const shared = setUp();

async function open(path = '', options) {
  const page = await openPage(shared.browser, options);
  await page.goto(shared.server.url + path);
  await live(page, 'the app to start');
  return page;
}

/** Each indicator's figure as the page shows it to screen readers, by id. */
async function shownFigures(page) {
  return new Map(await page.locator('.indicator').evaluateAll((cards) =>
    cards.map((c) => [c.dataset.indicator, c.querySelector('.visually-hidden').textContent.trim()])));
}

/** Splits one CSV line, honouring quoted fields. */
function fields(line) {
  const out = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { out.push(field); field = ''; } else field += c;
  }
  return [...out, field];
}

for (const [path, header] of [['', ['id', '指标', '数值', '单位', '页面显示']], ['en.html', ['id', 'Indicator', 'Value', 'Unit', 'As shown']]]) {
  test(`the CSV and JSON downloads of ${path || 'index'} hold every indicator of the story file, as the page shows it`, async () => {
    const page = await open(path);
    const ids = (await storyIndicators()).map((i) => i.id);
    const figures = await shownFigures(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads a', { hasText: 'CSV' }).click()]);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\ufeff'), 'a byte-order mark for spreadsheets');
    const rows = csv.slice(1).trim().split('\r\n').map(fields);
    assert.deepEqual(rows[0].slice(0, 5), header);
    assert.deepEqual(rows.slice(1).map((r) => r[0]), ids, 'every indicator, in the story file\'s order');
    for (const row of rows.slice(1)) {
      assert.equal(row.length, rows[0].length, row[0]);
      if (figures.has(row[0])) assert.equal(row[4], figures.get(row[0]), `${row[0]} as the page shows it`);
    }

    const href = await page.locator('.downloads a', { hasText: 'JSON' }).getAttribute('href');
    const json = await (await fetch(shared.server.url + href)).json();
    assert.deepEqual(json.indicators.map((i) => i.id), ids);
    assert.equal(json.language, path ? 'en' : 'zh-CN');
    assert.equal(json.source.date, '2023-07-25');
    for (const indicator of json.indicators) {
      assert.equal(typeof indicator.value, 'number');
      if (figures.has(indicator.id)) assert.equal(indicator.as_shown, figures.get(indicator.id));
    }
    assert.deepEqual(page.problems, []);
  });
}

test('a chapter\'s share button copies its address where there is no share sheet', async () => {
  const page = await open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  const tools = page.locator('#projects .chapter__tools');
  await tools.getByRole('button', { name: '分享本章' }).click();
  await waitFor(page, () => document.querySelector('#projects .chapter__status').textContent === '本章链接已复制', 'the copy to be confirmed');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${shared.server.url}#projects`);
});

// Plain-http hosts and some in-app browsers have neither a share sheet nor a clipboard, or a
// clipboard that refuses: the address is then shown, selected, with words that suit a phone too.
for (const [edition, clipboard] of [['', 'missing'], ['en.html', 'refusing']]) {
  test(`with no share sheet and a ${clipboard} clipboard, sharing shows the address selected: ${edition || 'index'}`, async () => {
    const page = await open(edition);
    await page.evaluate((clipboard) => {
      delete Navigator.prototype.share;
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: clipboard === 'missing' ? undefined : { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    }, clipboard);
    const tools = page.locator('#projects .chapter__tools');
    await tools.locator('button').first().click();
    await waitFor(page, () => document.querySelector('#projects .chapter__link'), 'the address shown');
    const shown = await page.evaluate(() => {
      const field = document.querySelector('#projects .chapter__link');
      return {
        value: field.value,
        selected: document.activeElement === field && field.selectionStart === 0 && field.selectionEnd === field.value.length,
        status: document.querySelector('#projects .chapter__status').textContent,
        visible: field.checkVisibility() && field.getBoundingClientRect().height >= 44,
      };
    });
    assert.equal(shown.value, `${shared.server.url}${edition}#projects`);
    assert.ok(shown.selected, 'the whole address selected, the field focused');
    assert.ok(shown.visible, 'the field is there to see and touch');
    assert.ok(shown.status.length > 0, 'the status says what happened');
    assert.doesNotMatch(shown.status, /Ctrl|⌘/, 'no keyboard shortcut for a reader on a phone');
  });
}

test('the embed control\'s failure words suit a phone: no keyboard shortcut', async () => {
  for (const edition of ['', 'en.html']) {
    const page = await open(edition);
    await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined }));
    await page.locator('.embed-codes summary').click();
    await page.locator('.embed-codes button').click();
    await waitFor(page, () => document.activeElement?.id === 'embed-code', 'the code selected');
    const said = await page.locator('.embed-codes [role="status"]').textContent();
    assert.ok(said.length > 0);
    assert.doesNotMatch(said, /Ctrl|⌘/);
  }
});

test('a chapter\'s share button opens the share sheet where the browser has one', async () => {
  const page = await open('en.html');
  await page.evaluate(() => {
    window.__shared = [];
    navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };
  });
  await page.locator('#cadres .chapter__tools').getByRole('button', { name: 'Share this chapter' }).click();
  const shared_ = await page.evaluate(() => window.__shared);
  assert.equal(shared_.length, 1);
  assert.equal(shared_[0].url, `${shared.server.url}en.html#cadres`);
  assert.match(shared_[0].title, /^Fushun’s first half.*: Officials in the companies/);
});

test('on paper: every chapter, every figure final, the charts as tables, the address, and no controls', async () => {
  const page = await open();
  // Figures further down are waiting at zero for the reader to scroll to them.
  await waitFor(page, () => document.querySelector('[data-indicator="fai-total"] .count-up__live').textContent === '0.0', 'a figure waiting');
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('.count-up').evaluateAll((ups) => ups.map((u) => {
    const live = u.querySelector('.count-up__live');
    return getComputedStyle(live).visibility === 'hidden' && getComputedStyle(u, '::after').visibility === 'visible' ? u.dataset.final : live.textContent;
  }));
  const written = (await storyIndicators()).map((i) => i.written);
  for (const figure of printed) assert.ok(written.includes(figure), `printed ${figure}`);
  const paper = await page.evaluate(() => {
    const shown = (el) => el.checkVisibility() && el.getBoundingClientRect().height > 0;
    return {
      chapters: [...document.querySelectorAll('.chapter')].filter(shown).length,
      tables: [...document.querySelectorAll('.chart__data table')].filter(shown).length,
      canvases: [...document.querySelectorAll('.chart__canvas')].filter(shown).length,
      controls: [...document.querySelectorAll('.chapter-nav, .chapter__tools, .motion-toggle, .embed-codes, .downloads')].filter(shown).length,
      address: [...document.querySelectorAll('.print-only')].filter(shown).map((p) => p.textContent),
    };
  });
  const tables = (await storyCharts()).length;
  assert.deepEqual(paper, { chapters: 4, tables, canvases: 0, controls: 0, address: [`本页地址：${shared.server.url}`] });
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, `a PDF of ${pdf.length} bytes`);
});

/** For each page of a PDF: how far down its text reaches, as a share of the page's height. */
async function pageFills(bytes) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
  const fills = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const height = page.view[3] - page.view[1];
    const lines = (await page.getTextContent()).items.filter((item) => item.str.trim()).map((item) => item.transform[5]);
    fills.push(lines.length ? (height - Math.min(...lines)) / height : 0);
  }
  return fills;
}

// A page per chapter left pages mostly empty (the Chinese PDF's fifth page held one paragraph):
// pages break where the text allows, so every page but the last is well filled.
for (const [edition, most] of [['', 6], ['en.html', 9]]) {
  test(`on paper the pages are filled, not broken per chapter: ${edition || 'index'}`, async () => {
    const page = await open(edition);
    const fills = await pageFills(await page.pdf({ format: 'A4', printBackground: true }));
    const shown = fills.map((f) => f.toFixed(2)).join(' ');
    assert.ok(fills.length <= most, `${fills.length} pages (at most ${most}): ${shown}`);
    for (const [i, fill] of fills.slice(0, -1).entries()) assert.ok(fill >= 0.7, `page ${i + 1} is ${Math.round(fill * 100)}% filled: ${shown}`);
  });
}
