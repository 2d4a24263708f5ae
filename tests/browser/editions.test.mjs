// The English edition: its own prerendered page, opened by ?lang=en, switched in place, with every
// figure in English form and no Chinese left untranslated except names marked as Chinese.
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, live, openPage, serve, setUp, test, waitFor } from './harness.mjs';

const shared = setUp();

async function english() {
  const text = await readFile(join(ROOT, 'stories/fushun-2023h1.en.toml'), 'utf8');
  return { title: text.match(/^title = "(.*)"$/m)[1] };
}

async function open(path, options) {
  const page = await openPage(shared.browser, options);
  await page.goto(shared.server.url + path);
  await live(page, 'the app to start');
  return page;
}

test('?lang=en opens the English edition, prerendered, with its own title and share tags', async () => {
  const page = await open('?lang=en');
  assert.match(page.url(), /\/en\.html\?lang=en$/);
  const { title } = await english();
  assert.equal(await page.title(), title);
  assert.equal(await page.locator('h1').textContent(), title);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('meta[property="og:locale"]').getAttribute('content'), 'en');
  assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), title);
  // Every edition's page, for ?lang=; built without the site's address, no links for search
  // engines (a link between editions must be absolute).
  assert.deepEqual(JSON.parse(await page.locator('#story-editions').textContent()), { 'zh-CN': './', en: 'en.html' });
  assert.equal(await page.locator('link[hreflang]').count(), 0);
  // The English page's share image is its own.
  const zh = await open('');
  assert.notEqual(await zh.locator('meta[property="og:image"]').getAttribute('content'),
    await page.locator('meta[property="og:image"]').getAttribute('content'));
  assert.deepEqual(page.problems, []);

  // Without scripts, en.html is the whole English story.
  const plain = await openPage(shared.browser, { javaScriptEnabled: false });
  await plain.goto(shared.server.url + 'en.html');
  assert.equal(await plain.locator('h1').textContent(), title);
  assert.equal(await plain.locator('.chapter').count(), 4);
});

test('the English edition has no untranslated Chinese: only names, marked as Chinese', async () => {
  const page = await open('en.html');
  const stray = await page.evaluate(() => {
    const han = /[\u3400-\u4dbf\u4e00-\u9fff]/;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (han.test(node.data) && node.parentElement.closest('[lang]').lang !== 'zh-CN') found.push(node.data);
    }
    return found;
  });
  assert.deepEqual(stray, []);
  const marked = await page.locator('#story-main [lang="zh-CN"]').allTextContents();
  assert.ok(marked.includes('抚顺') && marked.includes('施岩'), `names marked as Chinese: ${marked}`);
});

test('figures are written the English way, and converted ones say what they were converted from', async () => {
  const page = await open('en.html');
  const figure = (id) => page.locator(`#story-main [data-indicator="${id}"] .visually-hidden`).first().textContent();
  assert.equal((await figure('fai-total')).trim(), '8.18 billion yuan');
  assert.equal((await figure('sanmu-capacity')).trim(), '650,000 tonnes');
  assert.equal((await figure('provincial-rank')).trim(), '3rd');
  const note = await page.locator('[data-indicator="fai-total"]').textContent();
  assert.match(note, /Converted from the review’s 81\.8 × 100 million yuan/);
  const headline = await page.locator('.figures--headline [data-indicator="industrial-share"] .visually-hidden').textContent();
  assert.equal(headline.trim(), 'at least 40%');
  await page.evaluate(() => document.querySelector('[data-indicator="sanmu-capacity"]').scrollIntoView());
  await waitFor(page, () => document.querySelector('[data-indicator="sanmu-capacity"] .count-up__live').textContent === '650,000',
    'the count-up to end on 650,000');
});

test('the language switch opens the other edition at the same chapter, both ways', async () => {
  const page = await open('#cadres');
  await waitFor(page, () => document.querySelector('.chapter-nav [aria-current="true"]'), 'the chapter marked current');
  await page.locator('.chapter-nav .editions').click();
  await page.waitForURL(/en\.html#cadres$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await waitFor(page, () => Math.abs(document.querySelector('#cadres').getBoundingClientRect().top) < 120, 'the chapter at the top');
  await page.goto(shared.server.url + 'en.html?lang=zh');
  await page.waitForURL(/\/\?lang=zh$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.deepEqual(page.problems, []);
});

// A host may serve an older policy than the build wrote (a stale header after an update): the
// inline head script is then refused, and the app, a file of the site's own, does its work.
test('should the head script be refused, the app itself opens the edition ?lang= asks for', async () => {
  const stale = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";
  const server = await serve(undefined, { headers: { 'content-security-policy': stale } });
  after(() => server.close());
  const page = await openPage(shared.browser);
  await page.goto(server.url + '?lang=en#cadres');
  await page.waitForURL(/\/en\.html\?lang=en#cadres$/);
  await live(page, 'the English edition');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.ok(page.problems.some((problem) => /Content Security Policy/.test(problem)), 'the head script was refused');
  // A frame's page opens the same view of the other edition.
  await page.goto(server.url + 'embed/growth-rates.html?lang=en');
  await page.waitForURL(/\/en\/embed\/growth-rates\.html\?lang=en$/);
  await live(page, 'the English chart');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
});

test('a frame\'s page opens the same part in English with ?lang=en', async () => {
  const page = await open('embed/growth-rates.html?lang=en');
  assert.match(page.url(), /\/en\/embed\/growth-rates\.html\?lang=en$/);
  assert.ok(await page.locator('#growth-rates').isVisible());
  assert.equal(await page.locator('#growth-rates .chart__title').textContent(), 'Three growth rates in the first half');
  assert.equal(await page.locator('.embed-credit a').getAttribute('href'), 'en.html');
  assert.equal(await page.locator('.embed-credit a').evaluate((link) => link.href), `${shared.server.url}en.html`, 'the base is the story\'s folder');
  assert.deepEqual(page.problems, []);
});
