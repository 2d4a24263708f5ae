// A site publishes every story it holds: the first at the site's folder, each other in a folder of
// its own, all sharing the one engine. scripts/engine-check.sh builds such a site with the fixture
// story (tests/fixtures/stories) into target/two-stories; these tests read it, served with the
// policy that site's build wrote.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, host, launch, live, openPage, waitFor } from './harness.mjs';

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
  const engine = (path) => /\/app-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(path);
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
