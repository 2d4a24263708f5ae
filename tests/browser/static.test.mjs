// Static first: the prerendered page is the story, whole, before and without any script; the app
// then adopts it without a warning or a shift; the host serves it small.
import { before } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, ROOT, chooseChapter, framePages, live, openPage, poll, setUp, storyField, storyIndicators, test, waitFor } from './harness.mjs';

const shared = setUp();
let indicators;

before(async () => {
  indicators = await storyIndicators();
});

const CHAPTERS = ['leadership', 'projects', 'cadres', 'environment'];

/** Asserts that the page as it stands holds the whole story: every figure, chapter and table. */
async function assertWholeStory(page) {
  assert.equal(await page.locator('h1').innerText(), await storyField('title'));
  const text = await page.locator('body').innerText();
  for (const { id, written } of indicators) {
    const shown = await page.locator(`[data-indicator="${id}"] .count-up__live, .chart__data td`).allTextContents();
    assert.ok(shown.some((t) => t.includes(written)) || text.includes(written), `figure ${id} (${written}) is on the page`);
  }
  const sections = await page.locator('main section.chapter').evaluateAll((s) => s.map((section) => section.id));
  assert.deepEqual(sections, CHAPTERS);
  const tables = await page.locator('.chart__data table tbody tr').count();
  assert.ok(tables >= 6, `every chart's data table is there (${tables} rows)`);
}

test('with JavaScript off, the whole story is there and the chapter links work', async () => {
  const page = await openPage(shared.browser, { javaScriptEnabled: false });
  await page.goto(shared.server.url);
  await assertWholeStory(page);
  // A phone: the chapters are in the navigator's menu, which opens without any script.
  await chooseChapter(page, 'environment');
  assert.equal(new URL(page.url()).hash, '#environment');
  // Scripts are off in the page, so poll from outside while the (smooth) jump completes.
  const top = () => page.locator('#environment').evaluate((s) => s.getBoundingClientRect().top);
  await poll(async () => Math.abs(await top()) < 120, 'the chapter to reach the top of the screen');
});

test("a mistyped address shows the site's page saying so, in each edition's words, and each link leads to its edition", async () => {
  for (const asked of ['zh.html', 'en/index.html']) {
    const page = await openPage(shared.browser, { viewport: { width: 320, height: 640 } });
    const response = await page.goto(shared.server.url + asked);
    assert.equal(response.status(), 404, asked);
    const shown = await page.evaluate(() => ({
      title: document.title,
      scripts: document.scripts.length,
      sections: [...document.querySelectorAll('main section')].map((section) => ({
        lang: section.lang,
        heading: section.querySelector('h1, h2').textContent,
        link: section.querySelector('.not-found__story a').getAttribute('href'),
        // Styled by its inline stylesheet, which the site's policy allows by its hash.
        weight: getComputedStyle(section.querySelector('.not-found__story a')).fontWeight,
        face: getComputedStyle(section).fontFamily.split(',')[0],
      })),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    assert.equal(shown.title, '找不到这个页面 · Page not found', asked);
    assert.equal(shown.scripts, 0, `${asked}: nothing on it moves`);
    assert.deepEqual(shown.sections, [
      { lang: 'zh-CN', heading: '找不到这个页面', link: './', weight: '700', face: '-apple-system' },
      { lang: 'en', heading: 'Page not found', link: 'en.html', weight: '700', face: 'system-ui' },
    ], asked);
    assert.equal(shown.overflow, 0, `${asked}: fits a 320 px phone`);
    // Nothing refused by the policy, nothing else missing: only the address asked for.
    const http = page.problems.filter((problem) => problem.startsWith('HTTP '));
    assert.deepEqual(http, [`HTTP 404: ${shared.server.url}${asked}`], asked);
    const said = page.problems.filter((problem) => !http.includes(problem));
    assert.deepEqual(said, ['console error: Failed to load resource: the server responded with a status of 404 (Not Found)'], asked);
    await page.context().close();
  }
  // From an address in the story's folder, each link leads to its edition.
  const page = await openPage(shared.browser);
  for (const [index, title] of [[0, await storyField('title')], [1, await storyField('title', 'stories/fushun-2023h1.en.toml')]]) {
    await page.goto(`${shared.server.url}zh.html`);
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('zh.html')), page.locator('.not-found__story a').nth(index).click()]);
    assert.equal(await page.locator('h1').innerText(), title);
  }
});

test('when the WebAssembly cannot load, the story stays whole and readable', async () => {
  const page = await openPage(shared.browser);
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(shared.server.url);
  await assertWholeStory(page);
  for (const { written, id } of indicators.filter((i) => ['fai-growth', 'external-capital'].includes(i.id))) {
    assert.equal(await page.locator(`.figures--headline [data-indicator="${id}"] .count-up__live`).innerText(), written);
  }
});

// Nothing on the first screen needs the engine (what is on screen at first is already final), so a
// page of its own loads it on the reader's first move, and a reader who only looks downloads the
// page alone. Each kind of move starts it.
for (const [move, how] of [
  ['a scroll', (page) => page.mouse.wheel(0, 300)],
  ['a key', (page) => page.keyboard.press('Tab')],
  ['a tap', (page) => page.touchscreen.tap(200, 400)],
]) {
  test(`a page of its own loads the engine on the reader's first move, ${move}, not before`, async () => {
    const page = await openPage(shared.browser, { hasTouch: true });
    const engine = [];
    page.on('request', (request) => /\/app-[0-9a-f]{12,16}(_bg\.wasm|\.js)$/.test(request.url()) && engine.push(request.url()));
    await page.goto(shared.server.url);
    // Loaded and quiet (no request for half a second): the engine would have started by now before.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    assert.deepEqual(engine, [], 'no engine before the reader moves');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('app-live')), false);
    await how(page);
    await waitFor(page, () => document.documentElement.classList.contains('app-live'), `the app to start after ${move}`);
    assert.equal(engine.length, 2, 'the glue and the Wasm, once each');
    assert.deepEqual(page.problems, []);
  });
}

// The first paint skips the chapters off screen (content-visibility: auto); once the reader moves,
// they are laid out one at a time while the page is idle, not all of one at once mid-scroll.
test('off-screen chapters are skipped at first and laid out while idle once the reader moves', async () => {
  const page = await openPage(shared.browser);
  await page.goto(shared.server.url);
  const state = () => page.evaluate(() => [...document.querySelectorAll('.chapter')].map((c) => getComputedStyle(c).contentVisibility));
  assert.deepEqual([...new Set(await state())], ['auto'], 'every chapter is skipped until needed');
  await live(page);
  await waitFor(page, () => [...document.querySelectorAll('.chapter')].every((c) => getComputedStyle(c).contentVisibility === 'visible'), 'every chapter laid out');
  assert.equal((await state()).length, 4);
});

test('a reader sent to a chapter gets the engine at once: the navigator says where they are', async () => {
  const page = await openPage(shared.browser);
  await page.goto(shared.server.url + '#cadres');
  // No move: the address alone starts it.
  await waitFor(page, () => document.documentElement.classList.contains('app-live'), 'the app to start');
  await waitFor(page, () => document.querySelector('.chapter-nav__link[aria-current="true"]')?.getAttribute('href') === '#cadres', 'the chapter marked current');
  assert.deepEqual(page.problems, []);
});

for (const path of ['', 'en.html', 'embed/growth-rates.html', 'en/embed/projects.html']) {
  test(`the app adopts the prerendered page with no warning and no layout shift: ${path || 'index'}`, async () => {
    const page = await openPage(shared.browser);
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(shared.server.url + path);
    await live(page, 'the app to hydrate');
    // Two frames after hydration, so any shift it caused has been recorded.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], 'no layout shift');
    assert.deepEqual(page.problems, [], 'no hydration warning, error or failed request');
  });
}

test('the page has a real title, description, language and share tags from the story', async () => {
  const page = await openPage(shared.browser, { javaScriptEnabled: false });
  await page.goto(shared.server.url);
  const title = await storyField('title');
  assert.equal(await page.title(), title);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  const meta = (selector) => page.locator(`meta[${selector}]`).getAttribute('content');
  assert.equal(await meta('name="description"'), await storyField('dek'));
  assert.equal(await meta('property="og:title"'), title);
  assert.equal(await meta('property="og:description"'), await storyField('dek'));
  assert.equal(await meta('property="og:type"'), 'article');
  assert.equal(await meta('name="twitter:card"'), 'summary_large_image');
  const image = await meta('property="og:image"');
  assert.match(image, /share-[0-9a-f]{12,16}\.png$/);
  const response = await page.request.get(new URL(image, shared.server.url).href);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'image/png');
  // For search engines: the story as a NewsArticle based on the review, its figures as a Dataset
  // whose downloads are there, each of its type.
  const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
  const [article, dataset] = data['@graph'];
  assert.deepEqual([data['@context'], article['@type'], dataset['@type']], ['https://schema.org', 'NewsArticle', 'Dataset']);
  assert.equal(article.headline, title);
  assert.equal(article.isBasedOn.datePublished, '2023-07-25');
  assert.deepEqual(article.image, [image]);
  for (const download of dataset.distribution) {
    const file = await page.request.get(new URL(download.contentUrl, shared.server.url).href);
    assert.equal(file.status(), 200, download.contentUrl);
    assert.match(file.headers()['content-type'], new RegExp(`^${download.encodingFormat}`), download.contentUrl);
  }
});

test('every text asset and the Wasm are served precompressed', async () => {
  const page = await openPage(shared.browser);
  shared.server.served.length = 0;
  await page.goto(shared.server.url);
  await live(page, 'the app to hydrate');
  const text = shared.server.served.filter(([path]) => /(\/|\.html|\.js|\.css|\.wasm|\.svg)$/.test(path));
  // The page, boot.js, and the engine's glue and Wasm (the icon is in the page).
  for (const file of [/\/$/, /\/boot\.js$/, /\/app-[0-9a-f]{12,16}\.js$/, /_bg\.wasm$/]) {
    assert.ok(text.some(([path]) => file.test(path)), `${file} served: ${JSON.stringify(shared.server.served)}`);
  }
  for (const [path, encoding] of text) assert.notEqual(encoding, 'identity', `${path} is compressed`);
});

// The WebAssembly is an engine that no story changes: the islands get their data from the page, so
// no story's words are in it (in either edition), only the interface's own.
test('the WebAssembly carries no story\'s words, only the interface\'s', async () => {
  const wasm = (await readdir(DIST)).find((name) => name.endsWith('_bg.wasm'));
  const bytes = await readFile(join(DIST, wasm));
  const texts = [];
  for (const file of ['stories/fushun-2023h1.toml', 'stories/fushun-2023h1.en.toml']) {
    for (const indicator of await storyIndicators(file)) texts.push(indicator.measures);
    texts.push(await storyField('title', file), await storyField('dek', file));
    const source = await readFile(join(ROOT, file), 'utf8');
    for (const [, key, text] of source.matchAll(/^(label|title|nav|quote|caption) = "(.{4,})"$/gm)) texts.push(text);
  }
  assert.ok(texts.length > 100, `the story's texts: ${texts.length}`);
  const found = texts.filter((text) => bytes.indexOf(Buffer.from(text)) !== -1);
  assert.deepEqual(found, [], 'story texts in the Wasm');
  // While the interface's own words are there, in each language.
  for (const word of ['分享本章', 'Share this chapter', '停止动画', 'Stop animations']) {
    assert.notEqual(bytes.indexOf(Buffer.from(word)), -1, word);
  }
});

// Each page carries, inline, only the parts of the stylesheet its view needs (src/head.rs). What a
// part page leaves out must change nothing: with the whole stylesheet (the story's own page's)
// added after its own, every element of every frame's page keeps every computed style, but for
// the custom properties its own leaves out because nothing on it reads them (a rule that did would
// change a property here). The engine reads the chart's inks (src/charts/paint.rs, `Ink::property`):
// those are kept.
const INKS = ['--ink', '--ink-soft', '--accent', '--track', '--mark-quiet'];
test('every frame\'s page is styled by its own stylesheet exactly as by the whole one', async () => {
  const whole = (await readFile(join(DIST, 'index.html'), 'utf8')).match(/<style>(.*?)<\/style>/s)[1];
  const page = await openPage(shared.browser, { viewport: { width: 375, height: 4000 }, reducedMotion: 'reduce' });
  const styles = () => [...document.querySelectorAll('body, body *')].map((element) => {
    const style = getComputedStyle(element);
    return `${element.tagName}.${element.className}: ${[...style].map((name) => `${name}=${style.getPropertyValue(name)}`).join(';')}`;
  });
  for (const address of await framePages()) {
    await page.goto(shared.server.url + address);
    await live(page, `${address}: the app to start`);
    await waitFor(page, () => [...document.querySelectorAll('canvas')].every((canvas) => canvas.dataset.drawn === 'final'), `${address}: live and drawn`);
    const own = await page.evaluate(styles);
    // A stylesheet built in the page (the page's policy allows no <style> of a test's), after its own.
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, whole);
    const withWhole = await page.evaluate(styles);
    const changed = own.map((line, i) => [line, withWhole[i]]).filter(([a, b]) => a !== b).map(([a, b]) => {
      const props = (text) => new Map(text.split(': ').slice(1).join(': ').split(';').map((pair) => pair.split('=')));
      const [before, after] = [props(a), props(b)];
      const unread = (name) => name.startsWith('--') && !before.has(name) && !INKS.includes(name);
      const differ = [...after].filter(([name, value]) => before.get(name) !== value && !unread(name));
      return differ.length ? `${a.split(':')[0]}: ${differ.map(([name, value]) => `${name} ${before.get(name)} → ${value}`).join(', ')}` : null;
    }).filter(Boolean);
    assert.deepEqual(changed, [], address);
  }
});
