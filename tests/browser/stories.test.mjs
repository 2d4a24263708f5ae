// A site publishes every story it holds: the first at the site's folder, each other in a folder of
// its own, all sharing the one engine. scripts/engine-check.sh builds such a site with the fixture
// story (tests/fixtures/stories) into target/two-stories; these tests read it, served with the
// policy that site's build wrote.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, host, launch, live, openPage, test, waitFor } from './harness.mjs';

const SITE = process.env.TWO_STORIES_DIR ?? join(ROOT, 'target/two-stories');
const SECOND = 'engine-fixture/';
const shared = {};

before(async () => {
  await stat(join(SITE, SECOND, 'index.html')).catch(() => {
    throw new Error(`${SITE} holds no second story: scripts/engine-check.sh builds the two-story site`);
  });
  // nginx, with the headers and the policy the build wrote for that site.
  shared.server = await host(SITE);
  shared.browser = await launch();
});
after(async () => {
  await shared.browser?.close();
  await shared.server?.close();
});

test('a reader who read one story downloads no engine for the next: its page and the data it carries only', async () => {
  const page = await openPage(shared.browser);
  await page.goto(shared.server.url);
  await live(page, 'the first story live');
  const engine = (path) => /\/app-[0-9a-f]{12,16}(_bg\.wasm|\.js)$/.test(path);
  assert.equal(shared.server.served.filter(([path]) => engine(path)).length, 2, 'the engine, fetched once');
  shared.server.served.length = 0;
  await page.goto(shared.server.url + SECOND);
  await live(page, 'the second story live');
  assert.equal(await page.locator('h1').innerText(), '测试用的第二个故事');
  const fetched = shared.server.served.map(([path]) => path);
  assert.ok(fetched.includes(`/${SECOND}`), fetched.join(', '));
  assert.deepEqual(fetched.filter(engine), [], 'the engine comes from the cache');
  assert.deepEqual(page.problems, []);
});

test('the second story\'s every page works from its folder: the engine one folder up, charts drawn, nothing refused', async () => {
  const frames = (await readdir(join(SITE, SECOND, 'embed'))).filter((name) => name.endsWith('.html')).map((name) => `embed/${name}`);
  assert.ok(frames.length >= 3, frames.join(', '));
  for (const path of ['', ...frames]) {
    // Without motion every chart draws its final frame at once, on screen or not.
    const page = await openPage(shared.browser, { reducedMotion: 'reduce' });
    await page.goto(shared.server.url + SECOND + path);
    await live(page, `${SECOND}${path}: live`);
    await waitFor(page, () => [...document.querySelectorAll('canvas')].every((canvas) => canvas.dataset.drawn === 'final'), `${path}: charts drawn`);
    assert.deepEqual(page.problems, [], `${SECOND}${path}`);
    await page.context().close();
  }
});

test('the second story\'s embed control gives its pages and the site\'s one embed.js, one folder up', async () => {
  const page = await openPage(shared.browser);
  await page.goto(shared.server.url + SECOND);
  await live(page, 'the second story live');
  await waitFor(page, () => document.querySelector('.embed-codes'), 'the embed control');
  await page.locator('#embed-summary').click();
  const code = await page.locator('#embed-code').inputValue();
  assert.match(code, new RegExp(`^<iframe src="${shared.server.url}${SECOND}embed/index\\.html" `), code);
  assert.match(code, new RegExp(`<script src="${shared.server.url}embed\\.js" async></script>$`), code);
  assert.equal((await page.request.get(`${shared.server.url}embed.js`)).status(), 200);
  assert.deepEqual(page.problems, []);
});

// Built with SITE_URL=https://story.example/ (scripts/engine-check.sh): a publishing system given the
// address of any of the site's pages finds, by the page's discovery link, an oEmbed response with
// the code to embed it (oembed.com: version 1.0, type rich).
const SITE_URL = 'https://story.example/';
for (const [path, embedded] of [['', 'embed/index.html'], ['en.html', 'en/embed/index.html'], ['embed/growth-rates.html', 'embed/growth-rates.html'],
  ['en/embed/fai-total.html', 'en/embed/fai-total.html'], [SECOND, `${SECOND}embed/index.html`]]) {
  test(`a page's address leads a publishing system to the code that embeds it: ${path || 'index'}`, async () => {
    const local = (url) => url.replace(SITE_URL, shared.server.url);
    const html = await (await fetch(shared.server.url + path)).text();
    const links = [...html.matchAll(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="([^"]+)">/g)];
    assert.equal(links.length, 1, 'one discovery link');
    const [, href, title] = links[0];
    assert.ok(href.startsWith(SITE_URL) && href.endsWith('.oembed.json'), href);
    const answer = await fetch(local(href));
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type'), /^application\/json/);
    const response = await answer.json();
    assert.deepEqual(Object.keys(response).sort(), ['height', 'html', 'provider_name', 'provider_url', 'thumbnail_height', 'thumbnail_url',
      'thumbnail_width', 'title', 'type', 'version', 'width']);
    assert.equal(response.version, '1.0');
    assert.equal(response.type, 'rich');
    assert.equal(response.title, title.replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
    assert.equal(response.provider_url, SITE_URL);
    assert.equal(response.provider_name, 'story.example');
    assert.ok(Number.isInteger(response.width) && Number.isInteger(response.height) && response.height > 0, JSON.stringify(response));
    assert.match(response.html, new RegExp(`^<iframe src="${SITE_URL}${embedded}" `));
    assert.match(response.html, /<script src="https:\/\/story\.example\/embed\.js" async><\/script>$/);
    // The story's share image (a frame's page names none itself).
    assert.match(response.thumbnail_url, new RegExp(`^${SITE_URL}(${SECOND})?share-[0-9a-f]{12,16}\\.png$`));
    const image = html.match(/<meta property="og:image" content="([^"]+)">/)?.[1];
    if (image) assert.equal(response.thumbnail_url, image);
    assert.equal((await fetch(local(response.thumbnail_url))).status, 200, 'the thumbnail is there');
    assert.deepEqual([response.thumbnail_width, response.thumbnail_height], [1200, 630]);
  });
}

// With the site's address, each edition's page links every edition for search engines, absolute
// (a relative hreflang is one they ignore); a frame's page, never indexed, has none.
for (const [path, alternates] of [['', [['zh-CN', SITE_URL], ['en', `${SITE_URL}en.html`]]],
  ['en.html', [['zh-CN', SITE_URL], ['en', `${SITE_URL}en.html`]]], ['embed/growth-rates.html', []]]) {
  test(`a page links its editions by absolute address: ${path || 'index'}`, async () => {
    const html = await (await fetch(shared.server.url + path)).text();
    const links = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map(([, tag, href]) => [tag, href]);
    assert.deepEqual(links, alternates);
  });
}


// Each story's folder has the page for an address that names none, linking that story's every
// edition by absolute address: it is sent for an address at any depth, where a relative one would
// lead nowhere. nginx sends the one of the story's folder the address is in, else the site's, as
// Cloudflare Pages sends the nearest up the address's folders.
test("each story's page for a mistyped address leads to its own editions by absolute address", async () => {
  const links = (html) => [...html.matchAll(/<a href="([^"]+)">/g)].map(([, href]) => href);
  const first = [SITE_URL, `${SITE_URL}en.html`];
  const second = [`${SITE_URL}${SECOND}`];
  assert.deepEqual(links(await (await fetch(`${shared.server.url}404.html`)).text()), first);
  assert.deepEqual(links(await (await fetch(`${shared.server.url}${SECOND}404.html`)).text()), second);
  for (const [asked, wanted] of [['zh.html', first], ['a/b/mistyped.html', first], [`${SECOND}zh.html`, second],
    [`${SECOND}deeper/mistyped.html`, second], [`${SECOND}app-0123456789abcdef.js`, second]]) {
    const sent = await fetch(shared.server.url + asked);
    assert.equal(sent.status, 404, asked);
    assert.equal(sent.headers.get('cache-control'), 'no-cache', asked);
    assert.deepEqual(links(await sent.text()), wanted, asked);
  }
});
