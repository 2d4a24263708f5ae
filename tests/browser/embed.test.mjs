// Embedding, as a news site does it: the story on one origin, the host's article on another, joined
// by exactly the documented snippet. The iframe must keep the height of its content at any width
// and after any change, ignore forged messages, and show only the part its address names. Each view
// is a page of its own (embed/<id>.html); the older addresses (?embed=1&block=…) a site may have
// pasted still reach the same view.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, framePages, host, launch, live, openPage, serve, storyField, test, waitFor } from './harness.mjs';
import { NARROWEST, TALL, WIDEST, heightAt, measure } from './heights.mjs';

const shared = {};

/** The host's article: text, the whole story embedded with the README's snippet, more text, and a
 * single chart in a sandboxed frame further down. */
function hostPage(story, { spacer = 0, old = false } = {}) {
  const [whole, chart] = old ? ['?embed=1', '?embed=1&amp;block=growth-rates'] : ['embed/index.html', 'embed/growth-rates.html'];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A news article</title><link rel="icon" href="data:,"></head>
<body>
<h1>A news article</h1>
<p>Text of the article before the embed.</p>
<div id="spacer" style="height:${spacer}px"></div>
<iframe src="${story}${whole}" title="Fushun story" style="width:100%;border:0" loading="lazy"></iframe>
<script src="${story}embed.js" async></script>
<p>Text between the embeds.</p>
<iframe id="chart" src="${story}${chart}" title="Chart" style="width:100%;border:0" loading="lazy" sandbox="allow-scripts allow-same-origin"></iframe>
<p>Text after the embeds.</p>
</body></html>`;
}

before(async () => {
  // The story as a newsroom serves it (nginx, deploy/nginx.conf); the host's article by another server.
  shared.story = await host();
  // Another origin for the story: same server, addressed as localhost instead of 127.0.0.1.
  shared.storyUrl = shared.story.url.replace('127.0.0.1', 'localhost');
  shared.hostDir = await mkdtemp(join(tmpdir(), 'story-host-'));
  await writeFile(join(shared.hostDir, 'index.html'), hostPage(shared.storyUrl));
  await writeFile(join(shared.hostDir, 'old.html'), hostPage(shared.storyUrl, { old: true }));
  await writeFile(join(shared.hostDir, 'far.html'), hostPage(shared.storyUrl, { spacer: 3000 }));
  // One frame per address form a site may have pasted, with the host script.
  const framed = (src, spacer = 0) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><link rel="icon" href="data:,"></head>
<body><h1>A news article</h1><p>Text before.</p><div style="height:${spacer}px"></div>
<iframe src="${src}" title="Story part" style="width:100%;border:0"></iframe>
<script src="${shared.storyUrl}embed.js" async></script><p>Text after.</p></body></html>`;
  await writeFile(join(shared.hostDir, 'card-far.html'), framed(`${shared.storyUrl}embed/fai-total.html`, 3000));
  await writeFile(join(shared.hostDir, 'en-card.html'), framed(`${shared.storyUrl}en/embed/fai-total.html`));
  await writeFile(join(shared.hostDir, 'en-old.html'), framed(`${shared.storyUrl}en.html?embed=1&amp;block=fai-total`));
  await writeFile(join(shared.hostDir, 'en-older.html'), framed(`${shared.storyUrl}?embed=1&amp;lang=en&amp;block=fai-total`));
  // An address a site pasted whose part has since been renamed, with the height the embed code
  // reserved for the part.
  await writeFile(join(shared.hostDir, 'renamed.html'), framed(`${shared.storyUrl}en/embed/renamed-chart.html`).replace('border:0"', 'border:0;height:556px" height="556"'));
  await writeFile(join(shared.hostDir, 'by-name.html'), framed(`${shared.storyUrl}en/embed/growth-rates`));
  for (const theme of ['', '?theme=auto', '?theme=dark', '?theme=light']) {
    await writeFile(join(shared.hostDir, `theme${theme.replace('?theme=', '-')}.html`), framed(`${shared.storyUrl}embed/growth-rates.html${theme}`));
  }
  await writeFile(join(shared.hostDir, 'theme-old-dark.html'), framed(`${shared.storyUrl}?embed=1&amp;block=growth-rates&amp;theme=dark`));
  shared.host = await serve(shared.hostDir);
  shared.browser = await launch();
});

after(async () => {
  await shared.browser?.close();
  await shared.host?.close();
  await shared.story?.close();
  await rm(shared.hostDir, { recursive: true, force: true });
});

/** [iframe height, content height] for the iframe matched by `selector`. */
async function heights(page, selector) {
  const frame = await (await page.$(selector)).contentFrame();
  const outer = await page.$eval(selector, (iframe) => iframe.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return [outer, inner];
}

/** Waits until the iframe is as tall as its content (within 2 px) and returns that height. */
async function fitted(page, selector, label) {
  const end = Date.now() + 15000;
  for (;;) {
    const [outer, inner] = await heights(page, selector).catch(() => [0, -100]);
    if (inner > 0 && Math.abs(outer - inner) <= 2) return outer;
    if (Date.now() > end) throw new Error(`${label}: iframe ${outer}px, content ${inner}px`);
    await new Promise((next) => setTimeout(next, 50));
  }
}

async function openHost(path = '', options) {
  const page = await openPage(shared.browser, options);
  await page.goto(shared.host.url + path);
  return page;
}

for (const host of ['index.html', 'old.html']) {
test(`the snippet keeps the iframe as tall as its content at 375 and 1024 px and after a change: ${host}`, async () => {
  const page = await openHost(host);
  const phone = await fitted(page, 'iframe[title="Fushun story"]', 'at 375 px');
  assert.ok(phone > 3000, `the whole story is long on a phone (${phone}px)`);
  await page.setViewportSize({ width: 1024, height: 800 });
  const desktop = await fitted(page, 'iframe[title="Fushun story"]', 'at 1024 px');
  assert.ok(desktop < phone - 200, `wider is shorter (${desktop}px < ${phone}px)`);

  // A change inside: the reader opens a chart's data table.
  const frame = await (await page.$('iframe[title="Fushun story"]')).contentFrame();
  await frame.locator('#growth-rates summary').click();
  await waitFor(page, (before) => document.querySelector('iframe').getBoundingClientRect().height > before + 50,
    'the iframe to grow with the table', { arg: desktop });
  await fitted(page, 'iframe[title="Fushun story"]', 'after opening the table');

  // The sandboxed single chart is sized too, independently.
  const chart = await fitted(page, '#chart', 'the sandboxed chart');
  assert.ok(chart > 200 && chart < 900, `the chart embed is chart-sized (${chart}px)`);
  assert.deepEqual(page.problems, []);
});
}

test('a forged height from the host window or from another frame changes nothing', async () => {
  const page = await openHost();
  // The story's sequence held by the host's scroll relay first: its new height is a fair one.
  const story = await (await page.$('iframe[title="Fushun story"]')).contentFrame();
  await waitFor(story, () => document.getElementById('investment-steps')?.hasAttribute('data-relayed'), 'the story\'s steps relayed');
  const fair = await fitted(page, 'iframe[title="Fushun story"]', 'before the forgery');
  // Listening after embed.js did, this sees each message only once embed.js has handled it.
  await page.evaluate(() => {
    window.__forged = 0;
    window.addEventListener('message', (event) => { if (event.data?.height < 10) window.__forged += 1; });
  });
  // The host window itself.
  await page.evaluate(() => window.postMessage({ type: 'story-embed:height', v: 1, height: 5 }, '*'));
  // A frame from the story's own origin that is not one of the story's iframes.
  await page.evaluate((src) => {
    const other = document.createElement('iframe');
    other.id = 'other';
    other.src = src;
    document.body.append(other);
    return new Promise((loaded) => other.addEventListener('load', loaded));
  }, shared.storyUrl + 'embed.js');
  const other = await (await page.$('#other')).contentFrame();
  await other.evaluate(() => parent.postMessage({ type: 'story-embed:height', v: 1, height: 7 }, '*'));
  await waitFor(page, () => window.__forged === 2, 'both forged messages to arrive');
  const [outer] = await heights(page, 'iframe[title="Fushun story"]');
  assert.equal(outer, fair, 'the forged heights were ignored');
  assert.deepEqual(page.problems, []);
});

test('the embed asks the host for nothing: no cookies, no storage, and noindex', async () => {
  const page = await openHost();
  await fitted(page, 'iframe[title="Fushun story"]', 'the embed');
  const frame = await (await page.$('iframe[title="Fushun story"]')).contentFrame();
  await live(frame, 'the app to start in the frame');
  // A third-party frame may be denied storage altogether; either way, nothing is stored.
  const stored = () => {
    const count = (name) => { try { return window[name].length; } catch { return 0; } };
    return { cookie: document.cookie, local: count('localStorage'), session: count('sessionStorage') };
  };
  const inside = await frame.evaluate((f) => ({
    ...new Function(`return (${f})()`)(),
    robots: document.querySelector('meta[name="robots"]')?.content,
    target: document.querySelector('base')?.target,
  }), stored.toString());
  assert.deepEqual(inside, { cookie: '', local: 0, session: 0, robots: 'noindex', target: '_blank' });
  assert.deepEqual(await page.context().cookies(), []);
  // And the full story, first party, stores nothing either, and is indexable.
  const full = await openPage(shared.browser);
  await full.goto(shared.story.url);
  await live(full, 'the app to start');
  assert.deepEqual(await full.evaluate(stored), { cookie: '', local: 0, session: 0 });
  assert.equal(await full.locator('meta[name="robots"]').count(), 0);
  assert.deepEqual(await full.context().cookies(), []);
});

test('count-ups in an embed wait until the host page scrolls them into view', async () => {
  const page = await openHost('far.html', { viewport: { width: 375, height: 700 } });
  await page.evaluate(() => window.scrollTo(0, document.querySelector('iframe').offsetTop - 200));
  const frame = await (await page.$('iframe[title="Fushun story"]')).contentFrame();
  await live(frame, 'the app to start in the frame');
  // fai-total is in the second chapter, far below the host's viewport.
  const shows = (text) => document.querySelector('[data-indicator="fai-total"] .count-up__live').textContent === text;
  await waitFor(frame, shows, 'the figure to wait at zero', { arg: '0.0' });
  const top = await frame.evaluate(() => document.querySelector('[data-indicator="fai-total"]').getBoundingClientRect().top);
  await page.evaluate((y) => window.scrollTo(0, document.querySelector('iframe').offsetTop + y - 200), top);
  await waitFor(frame, shows, 'the figure to count up to 81.8', { arg: '81.8' });
  assert.deepEqual(page.problems, []);
});

// A figure embedded far below the host's fold: Chromium pauses animation frames in an off-screen
// cross-origin frame, and the app used to start from one, so it started only once the figure was
// on screen, and showed it final. The figure counts up once it first comes into view.
test('a figure embedded below the fold counts up when the host page scrolls it into view', async () => {
  const page = await openHost('card-far.html', { viewport: { width: 375, height: 700 } });
  const frame = await (await page.$('iframe[title="Story part"]')).contentFrame();
  await live(frame, 'the app to start in the frame, off screen');
  // The entrance is armed once the figure's first report from its IntersectionObserver says it is
  // off screen (it waits at zero); a scroll before that report made the figure count as on screen
  // from the start, shown final (1 run in the full suite).
  const waiting = () => document.querySelector('[data-indicator="fai-total"] .count-up__live').textContent === '0.0';
  await waitFor(frame, waiting, 'the figure to wait at zero, off screen');
  await frame.evaluate(() => {
    window.__seen = [];
    const live = document.querySelector('[data-indicator="fai-total"] .count-up__live');
    new MutationObserver(() => window.__seen.push(live.textContent)).observe(live, { characterData: true, subtree: true, childList: true });
  });
  await page.evaluate(() => document.querySelector('iframe').scrollIntoView({ block: 'center' }));
  await waitFor(frame, () => window.__seen.at(-1) === '81.8', 'the figure to count up to 81.8');
  const seen = await frame.evaluate(() => window.__seen);
  assert.ok(seen.length >= 5, `it counted: ${seen.join(' ')}`);
  assert.deepEqual(page.problems, []);
});

/** Opens the story's own address (no host) and returns what is visible. */
async function visibleParts(query) {
  const page = await openPage(shared.browser, { viewport: { width: 1024, height: 800 } });
  await page.goto(shared.story.url + query);
  await live(page, 'the app to start');
  const parts = await page.evaluate(() => {
    // Visible and more than the 1 px of text kept for screen readers only.
    const shown = (el) => Boolean(el && el.checkVisibility() && el.getBoundingClientRect().width > 1);
    return {
      headline: shown(document.querySelector('h1')),
      chapters: [...document.querySelectorAll('.chapter')].filter(shown).map((c) => c.id),
      charts: [...document.querySelectorAll('.chart')].filter(shown).map((c) => c.id),
      cards: [...document.querySelectorAll('.indicator')].filter(shown).map((c) => c.dataset.indicator),
      paragraphs: [...document.querySelectorAll('main p')].filter((p) => !p.closest('.chart, .indicator')).filter(shown).length,
      footer: [...document.querySelectorAll('.credit > p:not(.embed-credit)')].some(shown),
      credit: shown(document.querySelector('.embed-credit')),
      missing: shown(document.querySelector('.view-missing')),
      nav: shown(document.querySelector('.chapter-nav')),
      codes: Boolean(document.querySelector('.embed-codes')),
    };
  });
  return { page, parts };
}

// Each frame's page is built with only its part: what a browser without :has() (older Android
// WebViews, some in-app browsers) shows is what every browser shows, and no rule hides anything.
test('every frame\'s page holds only its part, the headline for its outline and the credit line', async () => {
  const page = await openPage(shared.browser);
  for (const address of await framePages()) {
    await page.goto(shared.story.url + address);
    await live(page, `${address}: the app to start`);
    const view = await page.evaluate(() => document.getElementById('story').dataset.view);
    const found = await page.evaluate(() => ({
      named: [...document.querySelectorAll('main [data-view]')].map((part) => part.dataset.view),
      has: [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).filter((text) => text.includes(':has(')),
      adopted: document.adoptedStyleSheets.length,
      chrome: document.querySelectorAll('.skip-link, .chapter-nav, .embed-codes, .chapter__tools, .chapter__next').length,
    }));
    assert.deepEqual([found.has, found.adopted, found.chrome], [[], 0, 0], `${address}: no :has(), no sheet written at run time, no page chrome`);
    const tree = await page.locator('body').ariaSnapshot();
    const top = tree.split('\n').filter((line) => line.startsWith('- '));
    assert.deepEqual(top, ['- banner:', '- main:', '- contentinfo:'], `${address}: ${tree}`);
    if (view === 'story') continue;
    const banner = tree.split('\n- main:')[0].split('\n').slice(1);
    assert.equal(banner.length, 1, `${address}: the banner is the headline alone: ${banner}`);
    assert.match(banner[0], /^ {2}- '?heading ".+" \[level=1\]'?$/, address);
    const footer = tree.split('\n- contentinfo:\n')[1].split('\n').filter((line) => /^ {2}- /.test(line));
    assert.equal(footer.length, 1, `${address}: the footer is the credit line alone`);
    if (view === 'missing') {
      assert.deepEqual(found.named, [], address);
    } else if (view.startsWith('chapter:')) {
      assert.equal(found.named[0], view, address);
      assert.ok(found.named.slice(1).every((name) => name.startsWith('block:')), `${address}: only the chapter's own blocks`);
    } else {
      assert.deepEqual(found.named, [view], `${address}: the part alone`);
    }
  }
  assert.deepEqual(page.problems, []);
});

test('a chapter embed shows that chapter and the credit line, nothing else', async () => {
  const { page, parts } = await visibleParts('embed/projects.html');
  assert.equal(parts.headline, false);
  assert.deepEqual(parts.chapters, ['projects']);
  assert.deepEqual(parts.charts, ['city-and-project', 'industrial-floor', 'provincial-list']);
  assert.deepEqual(parts.cards, ['fai-total', 'fai-rank-months', 'provincial-projects', 'provincial-rank']);
  assert.equal(parts.nav, false);
  assert.equal(parts.footer, false);
  assert.equal(parts.credit, true);
  assert.equal(parts.missing, false);
  assert.equal(parts.codes, false, 'no embed codes inside an embed');
  assert.deepEqual(page.problems, []);
});

test('a block embed shows one chart, drawn, with its table; or one figure card', async () => {
  const chart = await visibleParts('embed/growth-rates.html');
  assert.deepEqual(chart.parts.charts, ['growth-rates']);
  assert.deepEqual(chart.parts.chapters, []);
  assert.deepEqual(chart.parts.cards, []);
  assert.equal(chart.parts.headline, false);
  assert.equal(chart.parts.paragraphs, 0);
  assert.equal(chart.parts.credit, true);
  await waitFor(chart.page, () => document.querySelector('#growth-rates canvas').dataset.drawn === 'final', 'the chart drawn');
  assert.ok(await chart.page.locator('#growth-rates details').isVisible(), 'its data table is there');
  assert.deepEqual(chart.page.problems, []);

  const card = await visibleParts('embed/sanmu-capacity.html');
  assert.deepEqual(card.parts.cards, ['sanmu-capacity']);
  assert.deepEqual(card.parts.charts, []);
  assert.equal(card.parts.headline, false);
  assert.deepEqual(card.page.problems, []);
});

test('an unknown or malformed part shows a clear message and a link to the full story', async () => {
  for (const query of ['embed/missing.html', '?embed=1&chapter=nope', '?embed=1&block=nope', '?embed=1&block=%3Cscript%3E', '?embed=1&chapter=a%22%5D%2C*%7B']) {
    const { page, parts } = await visibleParts(query);
    assert.equal(parts.missing, true, `${query}: the notice shows`);
    assert.deepEqual([parts.headline, parts.chapters, parts.charts, parts.cards], [false, [], [], []], query);
    // One way on, the credit line's link to the full story, not the same link twice.
    const links = await page.evaluate(() => [...document.querySelectorAll('a')].filter((a) => a.checkVisibility()).map((a) => [a.getAttribute('href'), a.target, a.closest('.embed-credit') !== null]));
    assert.deepEqual(links, [['./', '_blank', true]], query);
    assert.deepEqual(page.problems, [], query);
  }
});

test('a pasted address whose part is gone shows the notice in its edition, fitted, in place of a server error', async () => {
  // The host reserved the part's height; the story has since renamed the part (nginx sends the
  // folder's notice as a 404, src/deploy.rs).
  const page = await openHost('renamed.html');
  const height = await fitted(page, 'iframe', 'the notice');
  assert.ok(height < 500, `the frame takes the notice's height, not the 556 px reserved (${height}px)`);
  const frame = await (await page.$('iframe')).contentFrame();
  const notice = await frame.evaluate(() => ({
    lang: document.documentElement.lang,
    shown: document.querySelector('.view-missing')?.checkVisibility() ?? false,
    text: document.querySelector('.view-missing p')?.textContent,
    story: document.querySelector('.embed-credit a')?.href,
  }));
  assert.deepEqual(notice, {
    lang: 'en',
    shown: true,
    text: 'This embed asks for a chapter or chart the story does not have; it may have been renamed or removed.',
    story: `${shared.storyUrl}en.html`,
  });
  // The one problem is the address's own 404, which the host's console reports.
  assert.deepEqual(page.problems.filter((problem) => !problem.includes('404')), []);
  assert.ok(page.problems.some((problem) => problem === `HTTP 404: ${shared.storyUrl}en/embed/renamed-chart.html`), page.problems.join('\n'));
});

test('a frame\'s page pasted by its name alone, as a CDN that drops .html shows it, works as the page', async () => {
  const page = await openHost('by-name.html');
  await fitted(page, 'iframe', 'the chart');
  const frame = await (await page.$('iframe')).contentFrame();
  await waitFor(frame, () => document.documentElement.classList.contains('app-live'), 'the engine to start in the frame');
  const shown = await frame.evaluate(() => ({
    lang: document.documentElement.lang,
    chart: document.querySelector('#growth-rates')?.checkVisibility() ?? false,
    drawn: (document.querySelector('#growth-rates canvas')?.width ?? 0) > 0,
    story: document.querySelector('.embed-credit a')?.href,
  }));
  assert.deepEqual(shown, { lang: 'en', chart: true, drawn: true, story: `${shared.storyUrl}en.html` });
  assert.deepEqual(page.problems, []);
});

// Every form of address an older snippet printed, and the odd ones a site may have pasted, lands on
// the page of the same view. src/params.rs reads the same table natively
// (old_addresses_lead_to_the_page_of_their_view): the page's script and the app agree.
const OLD_ADDRESSES = {
  '?embed=1': 'embed/index.html',
  'index.html?embed=1': 'embed/index.html',
  '?embed=1&chapter=projects': 'embed/projects.html',
  '?chapter=projects&embed=1': 'embed/projects.html',
  '?embed=1&block=growth-rates': 'embed/growth-rates.html',
  '?embed=1&block=fai-total&theme=dark': 'embed/fai-total.html',
  '?embed=1&chapter=projects&block=provincial-list': 'embed/provincial-list.html',
  '?embed=1&chapter=': 'embed/index.html',
  '?embed=1&chapter=nope': 'embed/missing.html',
  '?embed=1&chapter=growth-rates': 'embed/missing.html',
  '?embed=1&block=projects': 'embed/missing.html',
  '?embed=1&block=%3Cscript%3E': 'embed/missing.html',
  '?embed=1&embed=0': 'embed/index.html',
  '?%65mbed=%31': 'embed/index.html',
  '?embed=1#projects': 'embed/index.html',
  'en.html?embed=1&chapter=projects': 'en/embed/projects.html',
  '?embed=1&lang=en&block=fai-total': 'en/embed/fai-total.html',
  'en.html?embed=1&lang=zh&block=nope': 'embed/missing.html',
  '?embed=0&embed=1': '',
  '?embed=true': '',
  'en.html?embed=2': 'en.html',
};

test('every old address lands on the page of the same view, keeping its query and fragment', async () => {
  const page = await openPage(shared.browser);
  for (const [old, expected] of Object.entries(OLD_ADDRESSES)) {
    await page.goto(shared.story.url + old);
    await live(page, `${old}: the app to start`);
    const url = new URL(page.url());
    assert.equal(url.pathname, new URL(expected, shared.story.url).pathname, old);
    const asked = new URL(old, shared.story.url);
    assert.equal(url.search, asked.search, `${old}: the query is kept`);
    assert.equal(url.hash, asked.hash, `${old}: the fragment is kept`);
    const view = await page.evaluate(() => document.getElementById('story').dataset.view);
    const frame = await page.evaluate(() => document.documentElement.dataset.embed ?? null);
    assert.equal(frame === null, view === 'page', `${old}: ${view} is marked as a frame or not`);
  }
  assert.deepEqual(page.problems, []);
});

// A frame is printed with its host's page, perhaps before the reader has scrolled to all of it:
// on paper it is in dark ink whatever its theme on screen, every figure at its final value, and its
// credit line is there.
for (const path of ['embed/projects.html', 'embed/index.html']) {
  test(`a frame on paper: dark ink on any theme, every figure final, the credit: ${path}`, async () => {
    const page = await openPage(shared.browser, { viewport: { width: 375, height: 300 } });
    await page.goto(`${shared.story.url}${path}?theme=dark`);
    await live(page, 'the app to start');
    await waitFor(page, () => [...document.querySelectorAll('.count-up')].some((u) => u.textContent !== u.dataset.final), 'a figure waiting to count up');
    await page.emulateMedia({ media: 'print' });
    const paper = await page.evaluate(() => ({
      ink: getComputedStyle(document.querySelector('main p:not([class])')).color.match(/\d+/g).slice(0, 3).map(Number),
      figures: [...document.querySelectorAll('.count-up')].filter((u) => {
        const live = getComputedStyle(u.querySelector('.count-up__live')).visibility;
        const final = getComputedStyle(u, '::after');
        return !(live === 'hidden' && final.visibility === 'visible' && final.content === `"${u.dataset.final}"`);
      }).map((u) => u.dataset.final),
      credit: document.querySelector('.embed-credit').checkVisibility(),
    }));
    assert.ok(paper.ink.every((channel) => channel < 60), `dark ink: ${paper.ink}`);
    assert.deepEqual(paper.figures, [], 'every figure prints its final value');
    assert.ok(paper.credit, 'the credit line prints');
    assert.deepEqual(page.problems, []);
  });
}

test('a host can ask for the dark theme', async () => {
  const { page } = await visibleParts('embed/growth-rates.html?theme=dark');
  const paper = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(paper, 'rgb(21, 19, 15)');
  assert.deepEqual(page.problems, []);
});

test('the Embed control gives the snippet for the story, the current chapter and each chart, and copies it', async () => {
  const page = await openPage(shared.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(shared.story.url + '#projects');
  await live(page);
  await waitFor(page, () => document.querySelector('.embed-codes'), 'the embed control');
  // The chapter's own button opens the control on that chapter, with the choice focused.
  await page.locator('#projects .chapter__tools').getByRole('button', { name: '嵌入本章' }).click();
  await waitFor(page, () => document.querySelector('.embed-codes details').open && document.activeElement?.id === 'embed-what', 'the control to open');
  const code = page.locator('#embed-code');
  const address = shared.story.url;
  const title = await storyField('title');
  const chapter = await page.locator('#projects h2').textContent();
  await waitFor(page, () => document.querySelector('#embed-code').value.includes('embed/projects.html'), 'the current chapter offered');
  // The chapter's page's height in a 375 px phone's column (16 px margins), measured in heights.mjs.
  const phone = await heightIn('fushun-2023h1', 'embed/projects.html', 343);
  const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  assert.match(await code.inputValue(), new RegExp(
    `^<iframe src="${escaped(address)}embed/projects\\.html" title="${escaped(`${title}：${chapter}`)}" ` +
    `style="width:100%;border:0;height:clamp\\([^"]+\\)" height="${phone}" loading="lazy"></iframe>\\n` +
    `<script src="${escaped(address)}embed\\.js" async></script>$`));

  await page.selectOption('#embed-what', 'story');
  assert.match(await code.inputValue(), new RegExp(`^<iframe src="${address}embed/index\\.html" title="${title}"`));
  const charts = await page.locator('#embed-what optgroup:nth-of-type(2) option').evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(charts, ['block:growth-rates', 'block:city-and-project', 'block:industrial-floor', 'block:provincial-list']);
  await page.selectOption('#embed-what', 'block:growth-rates');
  assert.match(await code.inputValue(), /\/embed\/growth-rates\.html"/);

  await page.getByRole('button', { name: '复制代码' }).click();
  await waitFor(page, () => document.querySelector('.embed-codes [role="status"]').textContent === '已复制到剪贴板', 'the copy to be confirmed');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await code.inputValue());
  assert.deepEqual(page.problems, []);
});

/** The height of `page` of story `id` in a column `width` px wide, from static/embed-heights.json. */
async function heightIn(id, page, width) {
  return heightAt(JSON.parse(await readFile(join(ROOT, 'static/embed-heights.json'), 'utf8'))[id][page], width);
}

/** The snippet the story's own control gives for `view` of the edition at `edition`, in `theme`. */
async function controlSnippet(edition, view, theme) {
  const page = await openPage(shared.browser);
  await page.goto(shared.storyUrl + edition);
  await live(page);
  await waitFor(page, () => document.querySelector('.embed-codes'), 'the embed control');
  await page.locator('#embed-summary').click();
  await page.selectOption('#embed-what', view);
  await page.selectOption('#embed-theme', theme);
  const code = await page.locator('#embed-code').inputValue();
  await page.context().close();
  return code;
}

/** A host's article on another origin: a headline and text, the snippet, then more text; far
 * below the fold if `far`. Its column is the window's width less 16 px each side. */
async function article(name, snippet, far) {
  const text = '<p>' + 'The text of the news article around the embed, as long as a paragraph is. '.repeat(5) + '</p>';
  await writeFile(join(shared.hostDir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A news article</title><link rel="icon" href="data:,">
<style>body{margin:0 auto;max-width:1280px;padding:0 16px;font:18px/1.5 serif}</style></head>
<body><h1>A news article</h1>${text}${far ? text.repeat(12) : ''}${snippet}${text.repeat(8)}</body></html>`);
  return shared.host.url + name;
}

// The host's text does not move while an embed loads: the snippet's style holds about the page's
// height at any width (its `height` attribute the phone's, for editors that strip styles),
// embed.js gives it the page's height at its real width when it runs, and the page tells its own
// once loaded. embed.js is held here until the host's page has painted, as a slow network does.
// Measured as Google measures it (layout-shift entries, none after input), at a phone's, a
// tablet's and a desktop's width, with the embed in the first screen and far below it.
const SHIFTS = [
  ['', 'story', 'light'], ['', 'chapter:projects', 'light'], ['', 'block:growth-rates', 'light'],
  ['', 'block:fai-total', 'light'], ['', 'block:industrial-floor', 'dark'], ['en.html', 'story', 'light'],
  ['en.html', 'block:growth-rates', 'light'], ['en.html', 'block:sanmu-capacity', 'dark'],
];
for (const [edition, view, theme] of SHIFTS) {
  test(`the host's text does not move while the embed loads: ${edition || 'index.html'} ${view} ${theme}`, async () => {
    const snippet = await controlSnippet(edition, view, theme);
    assert.match(snippet, / height="\d+" /, 'the snippet holds a height');
    for (const far of [false, true]) {
      const url = await article(`shift-${edition}${view.replace(':', '-')}-${theme}${far ? '-far' : ''}.html`, snippet, far);
      for (const width of [375, 640, 1280]) {
        const page = await openPage(shared.browser, { viewport: { width, height: 800 } });
        await page.addInitScript(() => {
          window.__shift = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        let release;
        const painted = new Promise((done) => (release = done));
        await page.route(/\/embed\.js$/, async (route) => {
          await painted;
          await route.continue();
        });
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        release();
        if (far) await page.evaluate(() => document.querySelector('iframe').scrollIntoView({ block: 'center' }));
        await fitted(page, 'iframe', `${view} at ${width}`);
        const frame = await (await page.$('iframe')).contentFrame();
        await waitFor(frame, () => document.documentElement.classList.contains('app-live'), 'the frame live');
        // Two frames on: any shift of the last one is reported.
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const shift = await page.evaluate(() => window.__shift);
        assert.ok(shift <= 0.01, `${view} ${far ? 'far below the fold ' : ''}at ${width} px: layout shift ${shift.toFixed(4)}`);
        assert.deepEqual(page.problems, []);
        await page.context().close();
      }
    }
  });
}

test('embed.js gives a frame its page\'s height at its width before the page loads', async () => {
  const url = await article('held.html', await controlSnippet('en.html', 'block:fai-total', 'light'), false);
  // Widths between those the snippet's style is exact at (320, 375 and from 680 px).
  for (const width of [400, 560, 640]) {
    const page = await openPage(shared.browser, { viewport: { width, height: 800 } });
    // The frame's page never comes: only embed.js can size the iframe.
    await page.route(/\/en\/embed\/fai-total\.html/, () => {});
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const column = Math.min(width - 32, 1280 - 32);
    const expected = await heightIn('fushun-2023h1-en', 'en/embed/fai-total.html', column);
    await waitFor(page, (h) => document.querySelector('iframe').getBoundingClientRect().height === h, `the height at ${column} px (${expected})`, { arg: expected });
    await page.context().close();
  }
});

// A change of the text or the stylesheet moves heights by lines at most widths. A new Chromium or
// font release may move a line break by a pixel or two of width, or a height by a pixel: not stale.
// (A page taller than TALL is kept to a tenth of its height.)
test('the heights embed.js and the snippets hold are the pages\' own: scripts/measure-heights.sh writes them', async () => {
  const held = JSON.parse(await readFile(join(ROOT, 'static/embed-heights.json'), 'utf8'));
  const measured = await measure(shared.browser, shared.story.url, await framePages());
  for (const [story, pages] of Object.entries(measured)) {
    for (const [page, steps] of Object.entries(pages)) {
      const table = held[story]?.[page];
      assert.ok(table, `${story} ${page}: not in the table; run scripts/measure-heights.sh`);
      for (let width = NARROWEST; width <= WIDEST; width += 1) {
        const near = [-3, -2, -1, 0, 1, 2, 3].map((d) => heightAt(table, width + d));
        const height = heightAt(steps, width);
        // Above TALL the table keeps heights to the nearest tenth (heights.mjs).
        const slack = height > TALL ? Math.ceil(height / 10) + 2 : 2;
        assert.ok(near.some((h) => Math.abs(h - height) <= slack),
          `${story} ${page} at ${width} px: ${height} px, the table ${heightAt(table, width)} px; run scripts/measure-heights.sh`);
      }
    }
  }
});

// An AMP page embeds with amp-iframe, which grows a `resizable` frame when the frame asks with
// { sentinel: 'amp', type: 'embed-size', height } (the AMP spec's message). This host acts as
// AMP's resizer does: it takes that message from its frame only, and sets the height asked for.
test('a frame asks an AMP page for its height as amp-iframe reads it, and the control gives the AMP code', async () => {
  await writeFile(join(shared.hostDir, 'amp.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>An AMP article</title><link rel="icon" href="data:,"></head>
<body><h1>An AMP article</h1><p>Text before.</p>
<iframe src="${shared.storyUrl}en/embed/growth-rates.html" title="Chart" style="width:100%;border:0;height:150px" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>
<p>Text after.</p>
<script>
  window.__asked = [];
  const frame = document.querySelector('iframe');
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.data?.sentinel !== 'amp' || event.data.type !== 'embed-size') return;
    window.__asked.push(event.data);
    frame.style.height = event.data.height + 'px';
  });
</script></body></html>`);
  const page = await openPage(shared.browser, { viewport: { width: 640, height: 800 } });
  await page.goto(shared.host.url + 'amp.html');
  const height = await fitted(page, 'iframe', 'the AMP frame resized as asked');
  const asked = await page.evaluate(() => window.__asked);
  assert.ok(asked.length >= 1, 'asked at least once');
  for (const message of asked) {
    assert.deepEqual(Object.keys(message).sort(), ['height', 'sentinel', 'type'], JSON.stringify(message));
    assert.ok(Number.isInteger(message.height) && message.height > 0, JSON.stringify(message));
  }
  assert.equal(asked.at(-1).height, height);
  assert.deepEqual(page.problems, []);

  const control = await openPage(shared.browser);
  await control.goto(shared.storyUrl + 'en.html');
  await live(control);
  await waitFor(control, () => document.querySelector('.embed-codes'), 'the embed control');
  await control.locator('#embed-summary').click();
  await control.selectOption('#embed-what', 'block:growth-rates');
  await control.selectOption('#embed-format', 'amp');
  const code = await control.locator('#embed-code').inputValue();
  const phone = await heightIn('fushun-2023h1-en', 'en/embed/growth-rates.html', 343);
  assert.match(code, new RegExp(`^<amp-iframe src="${shared.storyUrl}en/embed/growth-rates\\.html" title="[^"]+" width="auto" height="${phone}" layout="fixed-height" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" resizable frameborder="0">\\n`));
  assert.match(code, /\n {2}<div overflow tabindex="0" role="button" aria-label="Show all">Show all<\/div>\n/);
  const image = code.match(/<amp-img placeholder layout="fill" src="([^"]+)" alt=""><\/amp-img>\n<\/amp-iframe>$/)?.[1];
  assert.ok(image?.startsWith(`${shared.storyUrl}share-`), code);
  assert.equal((await control.request.get(image)).status(), 200, `${image} is there`);
  assert.deepEqual(control.problems, []);
});

test('the preview page shows the whole story and one chart embedded, each fitted', async () => {
  const page = await openPage(shared.browser);
  await page.goto(shared.story.url + 'embed-preview.html');
  await fitted(page, 'iframe[src="embed/index.html"]', 'the whole story');
  await fitted(page, 'iframe[src="embed/growth-rates.html"]', 'the chart');
  assert.deepEqual(page.problems, []);
});

// A frame ends with its credit: the link to the full story on a line of its own, a 44 px target
// at the line's start, and the source from the next line on (it shared the link's 44 px line,
// its first words standing apart from the rest).
for (const [path, width] of [['embed/growth-rates.html', 300], ['en/embed/sanmu-capacity.html', 300], ['en/embed/leadership.html', 640]]) {
  test(`a frame's credit gives the full story's link a line of its own: ${path} at ${width} px`, async () => {
    const page = await openPage(shared.browser, { viewport: { width, height: 700 } });
    await page.goto(shared.story.url + path);
    const found = await page.evaluate(() => {
      const credit = document.querySelector('.embed-credit');
      const link = credit.querySelector('a').getBoundingClientRect();
      const source = document.createRange();
      source.setStartAfter(credit.querySelector('a'));
      source.setEndAfter(credit.lastChild);
      const first = [...source.getClientRects()].find((r) => r.width > 0);
      return { height: link.height, left: link.left - credit.getBoundingClientRect().left, below: first.top - link.bottom, text: credit.innerText };
    });
    assert.ok(found.height >= 44, `the link ${found.height} px tall`);
    assert.equal(found.left, 0, 'the link at the line\'s start');
    assert.ok(found.below >= -0.5, `the source starts ${found.below} px below the link`);
    assert.doesNotMatch(found.text, /^[^\n]*·/, 'no dot left between them');
  });
}

// A frame of the English edition's page (en/embed/…) is the story's own: embed.js sizes it, and the
// older forms that redirect to it (en.html?embed=1…, ?embed=1&lang=en…) still work.
for (const page of ['en-card.html', 'en-old.html', 'en-older.html']) {
  test(`embed.js sizes a frame of the English edition: ${page}`, async () => {
    const host = await openHost(page, { viewport: { width: 375, height: 700 } });
    const height = await fitted(host, 'iframe[title="Story part"]', page);
    assert.ok(height > 150, `taller than the default 150 px: ${height}`);
    const frame = await (await host.$('iframe[title="Story part"]')).contentFrame();
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en');
    const credit = await frame.evaluate(() => {
      const line = document.querySelector('.embed-credit').getBoundingClientRect();
      return line.height > 0 && line.bottom <= document.documentElement.getBoundingClientRect().height + 0.5;
    });
    assert.ok(credit, 'the credit line is there, not clipped');
    assert.deepEqual(host.problems, []);
  });
}

test('the English control embeds from the English edition\'s own page, with no redirect and no language in the address', async () => {
  const page = await openPage(shared.browser);
  await page.goto(shared.story.url + 'en.html');
  await live(page);
  await waitFor(page, () => document.querySelector('.embed-codes'), 'the embed control');
  await page.locator('.embed-codes summary').click();
  const src = (await page.locator('#embed-code').inputValue()).match(/src="([^"]+)"/)[1];
  assert.equal(src, `${shared.story.url}en/embed/index.html`);
  const frame = await openPage(shared.browser);
  const requests = [];
  frame.on('request', (request) => requests.push(request.url()));
  await frame.goto(src);
  assert.equal(frame.url(), src, 'no redirect');
  const pages = requests.filter((url) => url.endsWith('.html') || url.endsWith('/'));
  assert.deepEqual(pages, [src], 'one page, no other edition');
});

test('the control offers every view the README lists (story, chapters, charts, figures) and a theme', async () => {
  const page = await openPage(shared.browser);
  await page.goto(shared.story.url);
  await live(page);
  await waitFor(page, () => document.querySelector('.embed-codes'), 'the embed control');
  await page.locator('.embed-codes summary').click();
  const values = await page.locator('#embed-what option').evaluateAll((options) => options.map((o) => o.value));
  const cards = await page.evaluate(() => [...document.querySelectorAll('.indicator')].map((c) => c.dataset.indicator));
  const chapters = await page.evaluate(() => [...document.querySelectorAll('.chapter')].map((c) => c.id));
  assert.equal(cards.length, 11, 'every figure shown as a card');
  assert.deepEqual(values, [
    'story',
    ...chapters.map((id) => `chapter:${id}`),
    'block:growth-rates', 'block:city-and-project', 'block:industrial-floor', 'block:provincial-list',
    ...cards.map((id) => `block:${id}`),
  ]);
  await page.selectOption('#embed-what', 'block:provincial-rank');
  const code = page.locator('#embed-code');
  assert.match(await code.inputValue(), /\/embed\/provincial-rank\.html" title="[^"]+：入选项目数全省排名"/);
  assert.deepEqual(await page.locator('#embed-theme option').evaluateAll((o) => o.map((x) => x.value)), ['light', 'dark', 'auto']);
  assert.equal(await page.locator('#embed-theme').inputValue(), 'light', 'light is the default');
  assert.doesNotMatch(await code.inputValue(), /theme=/, 'the default needs no parameter');
  await page.selectOption('#embed-theme', 'dark');
  assert.match(await code.inputValue(), /\/embed\/provincial-rank\.html\?theme=dark"/);
  await page.selectOption('#embed-theme', 'auto');
  assert.match(await code.inputValue(), /\/embed\/provincial-rank\.html\?theme=auto"/);
  // Each view the control offers shows its part in a frame.
  const frame = await openPage(shared.browser);
  await frame.goto(`${shared.story.url}embed/provincial-rank.html`);
  assert.ok(await frame.locator('[data-indicator="provincial-rank"]').isVisible());
  assert.deepEqual(page.problems, []);
});

// Most host pages are light: a reader in dark mode must not get a dark block in the middle of one,
// unless the host asks for it (theme=dark) or for the reader's own setting (theme=auto).
test('an embed is light on a light host page whatever the reader\'s system, unless the host asks', async () => {
  const cases = { 'theme.html': 'light', 'theme-light.html': 'light', 'theme-auto.html': 'dark', 'theme-dark.html': 'dark', 'theme-old-dark.html': 'dark' };
  for (const [file, expected] of Object.entries(cases)) {
    const host = await openHost(file, { colorScheme: 'dark' });
    const frame = await (await host.waitForSelector('iframe[title="Story part"]')).contentFrame();
    await waitFor(frame, () => document.querySelector('#growth-rates'), 'the chart');
    const paper = await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(paper, expected === 'dark' ? 'rgb(21, 19, 15)' : 'rgb(253, 252, 248)', `${file}: ${expected}`);
  }
  // The story's own page follows the reader.
  const page = await openPage(shared.browser, { colorScheme: 'dark' });
  await page.goto(shared.story.url);
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(21, 19, 15)');
});
