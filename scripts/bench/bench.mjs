// Measures the release build in dist/ and prints the figures against the budgets of issues 4 and 13:
// Lighthouse (mobile emulation, simulated throttling) medians over several runs for the story's own
// pages and for a chapter's and a chart's frame pages, render-blocking requests included; each
// asset's raw / gzip / brotli size; and the long tasks in a browser trace taken while every count-up
// and chart animates. Writes the results to docs/benchmarks.md (latest run, plus a history row).
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { DIST, ROOT, launch, serve } from '../../tests/browser/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const BUDGETS = { firstViewKB: 80, score: 98, cls: 0.01, longTasks: 0 };
// The pages measured, with their budgets (issue 13): `html` is a page's own brotli size, in KB or
// as a share of the full page's.
const PAGES = [
  { name: 'full story', path: '', file: 'index.html', fcp: 800, lcp: 850, tbt: 30 },
  { name: 'full story, English', path: 'en.html', file: 'en.html', fcp: 800, lcp: 850, tbt: 30 },
  { name: 'one-chapter embed', path: 'embed/projects.html', file: 'embed/projects.html', fcp: 800, lcp: 850, tbt: 30, share: 0.4 },
  { name: 'one-block embed', path: 'embed/growth-rates.html', file: 'embed/growth-rates.html', fcp: 800, lcp: 850, tbt: 20, htmlKB: 3 },
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Raw, gzip and brotli sizes of every file the build wrote. */
async function assetSizes() {
  const rows = [];
  for (const name of (await readdir(DIST)).sort()) {
    if (/\.(br|gz)$/.test(name) || name.startsWith('.') || (await stat(join(DIST, name))).isDirectory()) continue;
    const size = async (file) => (await stat(join(DIST, file)).catch(() => null))?.size ?? null;
    rows.push({ name, raw: await size(name), gzip: await size(`${name}.gz`), brotli: await size(`${name}.br`) });
  }
  return rows;
}

async function lighthouseRuns(url) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const audit = (id) => lhr.audits[id].numericValue;
      runs.push({
        score: Math.round(lhr.categories.performance.score * 100),
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        si: audit('speed-index'),
        bytes: audit('total-byte-weight'),
        // Lighthouse 12 names what delays the first paint in one audit or the other, by version.
        blocking: (lhr.audits['render-blocking-resources'] ?? lhr.audits['render-blocking-insight'])?.details?.items?.length ?? 0,
      });
      process.stderr.write(`lighthouse run ${i + 1}/${RUNS}: score ${runs.at(-1).score}, LCP ${Math.round(runs.at(-1).lcp)} ms\n`);
    } finally {
      await chrome.kill();
    }
  }
  return runs;
}

/** A phone's screen. */
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/**
 * `url` on a phone with a 4x slowed CPU, once live: the engine starts on the reader's first move
 * (static/boot.js), a pointer here. Resolves to { context, page }.
 */
async function slowPhone(browser, url) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => document.documentElement.classList.contains('app-live'), null, { timeout: 30000 });
  return { context, page };
}

/**
 * Long tasks (over 50 ms on the page's main thread) in a Chromium trace taken while the reader
 * scrolls through the story on a 4x slowed CPU, every count-up and chart entrance running, every
 * step of the sequence shown, and then drags a finger across two charts.
 */
async function animationLongTasks(url) {
  const browser = await launch();
  try {
    const { page } = await slowPhone(browser, url);
    // Playwright injects its helper script on the first locator call: do that before tracing,
    // so the trace holds the page's own work only.
    await page.locator('h1').boundingBox();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    // Every figure and chart, and each step of a sequence (its chart changes as its text comes).
    const targets = await page.locator('.indicator, .chart__canvas, .step__text').all();
    for (const target of targets) {
      await target.scrollIntoViewIfNeeded();
      // Let the entrance run to its end before moving on, as a reader pausing on a figure.
      await page.waitForFunction(() => [...document.querySelectorAll('.chart__canvas')].every((c) => c.dataset.drawn !== 'entering'), null, { timeout: 10000 });
      await page.waitForTimeout(250);
    }
    // A finger dragged across a chart, figure after figure: the bars, then the 300 squares of the
    // sequence's last step (shown once its text is at mid-screen).
    const drag = async (chart) => {
      const box = await page.locator(`#${chart} canvas`).boundingBox();
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 40 });
      await page.mouse.move(box.x + box.width / 2, box.y + 2, { steps: 20 });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2, { steps: 20 });
    };
    await page.evaluate(() => document.getElementById('growth-rates').scrollIntoView({ block: 'center' }));
    await drag('growth-rates');
    await page.evaluate(() => {
      const texts = document.querySelectorAll('#investment-steps .step__text');
      window.scrollBy(0, texts[texts.length - 1].getBoundingClientRect().top - innerHeight / 2);
    });
    await page.waitForFunction(() => [...document.querySelectorAll('#investment-steps > .step')].pop().hasAttribute('data-active'), null, { timeout: 10000 });
    await drag('provincial-list');
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = trace.traceEvents ?? trace;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && (!main || (e.pid === main.pid && e.tid === main.tid)));
    const long = tasks.filter((e) => e.dur > 50000);
    return { count: long.length, tasks: tasks.length, longestMs: Math.max(0, ...tasks.map((e) => e.dur / 1000)), animated: targets.length };
  } finally {
    await browser.close();
  }
}

/**
 * What a reader fetches, brotli, as the server sent it: the first view (everything the page asks
 * for until it is loaded and quiet while the reader only looks), what the reader's first move adds
 * (the engine: its glue and Wasm) until every island is live; and then, in the same browser, the
 * same for a second story of the same site, whose engine is in the cache already.
 */
async function transfers(site, first, second) {
  const browser = await launch();
  try {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const sent = async (from, to) => {
      const files = site.served.slice(from, to);
      let bytes = 0;
      for (const [path, encoding] of files) {
        const ext = { br: '.br', gzip: '.gz' }[encoding] ?? '';
        bytes += (await stat(join(site.dir, decodeURIComponent(path).replace(/\/$/, '/index.html') + ext))).size;
      }
      return { bytes, files: files.map(([path]) => path.replace(/-[0-9a-f]{12,16}/, '-…')) };
    };
    const visit = async (url) => {
      const start = site.served.length;
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      const looked = site.served.length;
      await page.mouse.move(1, 1);
      await page.waitForFunction(() => document.documentElement.classList.contains('app-live'), null, { timeout: 30000 });
      await page.waitForLoadState('networkidle');
      const moved = site.served.length;
      return { look: await sent(start, looked), move: await sent(looked, moved) };
    };
    const one = await visit(site.url + first);
    const two = await visit(site.url + second);
    return { one, two };
  } finally {
    await browser.close();
  }
}

/** The engine's time from its start to every island live, on a 4x slowed CPU: median of `runs`. */
async function hydrationTime(url, runs = 5) {
  const browser = await launch();
  const times = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const { context, page } = await slowPhone(browser, url);
      times.push(await page.evaluate(() => performance.getEntriesByName('engine:live')[0].startTime - performance.getEntriesByName('engine:start')[0].startTime));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

// The site with a second story, built by scripts/bench.sh: the story with ten times its prose
// (scripts/bench/tenfold.mjs), published in its own folder beside the story.
const SECOND_SITE = join(ROOT, process.env.BENCH_SITE ?? 'target/bench-site');
const SECOND = 'prose-tenfold/';

const server = await serve();
try {
  const sizes = await assetSizes();
  const brotli = async (file) => (await stat(join(DIST, `${file}.br`))).size;
  const site = await serve(SECOND_SITE);
  const fetched = await transfers({ ...site, dir: SECOND_SITE }, '', SECOND);
  const firstViewBrotli = fetched.one.look.bytes;
  const measured = [];
  for (const page of PAGES) measured.push({ ...page, runs: await lighthouseRuns(server.url + page.path), html: await brotli(page.file) });
  const full = measured[0];
  const runs = full.runs;
  const tasks = await animationLongTasks(server.url);
  const hydration = { page: await hydrationTime(site.url), prose: await hydrationTime(site.url + SECOND) };
  await site.close();
  // The prose of a page: the text of its paragraphs of running text (a <p> with no class).
  const proseOf = async (file) => {
    const html = await readFile(join(SECOND_SITE, file), 'utf8');
    return [...html.matchAll(/<p>(.*?)<\/p>/gs)].reduce((sum, m) => sum + [...m[1].replace(/<[^>]*>/g, '')].length, 0);
  };
  const prose = { story: await proseOf('index.html'), tenfold: await proseOf(`${SECOND}index.html`) };
  const secondWasm = fetched.two.look.files.concat(fetched.two.move.files).filter((file) => file.endsWith('.wasm')).length;
  // Every frame's page of the story's first edition, by the kind of view it shows.
  const frames = [];
  for (const name of (await readdir(join(DIST, 'embed'))).filter((n) => n.endsWith('.html')).sort()) {
    const kind = (await readFile(join(DIST, 'embed', name), 'utf8')).match(/<html data-embed="(\w+)"/)?.[1];
    if (kind === 'chapter' || kind === 'block') frames.push({ file: `embed/${name}`, kind, bytes: await brotli(`embed/${name}`) });
  }
  frames.sort((a, b) => a.kind.localeCompare(b.kind) || b.bytes - a.bytes);
  const m = (key, of = runs) => median(of.map((r) => r[key]));
  const spread = (key, of = runs) => `${Math.round(Math.min(...of.map((r) => r[key])))}–${Math.round(Math.max(...of.map((r) => r[key])))}`;
  const verdict = (ok) => (ok ? 'within' : 'OVER');
  const lines = [
    `| figure (full story) | median of ${RUNS} | spread | budget | |`,
    '| --- | --- | --- | --- | --- |',
    `| performance score | ${m('score')} | ${spread('score')} | ≥ ${BUDGETS.score} | ${verdict(m('score') >= BUDGETS.score)} |`,
    `| cumulative layout shift | ${m('cls').toFixed(3)} | | ≤ ${BUDGETS.cls} | ${verdict(m('cls') <= BUDGETS.cls)} |`,
    `| speed index | ${Math.round(m('si'))} ms | ${spread('si')} ms | | |`,
    `| first view, brotli, as sent until quiet while the reader only looks (${fetched.one.look.files.join(', ')}) | ${kb(firstViewBrotli)} KB | | ≤ ${BUDGETS.firstViewKB} KB (aim 60) | ${verdict(firstViewBrotli / 1024 <= BUDGETS.firstViewKB)} |`,
    `| added by the reader's first move: the engine (${fetched.one.move.files.join(', ')}) | ${kb(fetched.one.move.bytes)} KB | | | |`,
    `| a second story of the site, engine cached: sent while looking (${fetched.two.look.files.join(', ')}) and after the first move (${fetched.two.move.files.join(', ') || 'nothing'}) | ${kb(fetched.two.look.bytes + fetched.two.move.bytes)} KB; Wasm files sent: ${secondWasm} | | HTML + data only, 0 Wasm bytes | ${verdict(secondWasm === 0)} |`,
    `| engine start to every island live (4× CPU slowdown, median of 5) | ${Math.round(hydration.page.median)} ms | ${Math.round(hydration.page.min)}–${Math.round(hydration.page.max)} ms | | |`,
    `| the same on a story with ${(prose.tenfold / prose.story).toFixed(1)}× the prose (\`${SECOND}\`, scripts/bench/tenfold.mjs: ${prose.tenfold} characters of paragraphs, not ${prose.story}; same figures and islands) | ${Math.round(hydration.prose.median)} ms | ${Math.round(hydration.prose.min)}–${Math.round(hydration.prose.max)} ms | nearly the same | |`,
    `| long tasks during animations (4× CPU slowdown) | ${tasks.count} of ${tasks.tasks} tasks; longest ${tasks.longestMs.toFixed(1)} ms; ${tasks.animated} figures, charts and steps | | ${BUDGETS.longTasks} | ${verdict(tasks.count <= BUDGETS.longTasks)} |`,
    '',
    `| page (median of ${RUNS}, spread) | FCP ms | LCP ms | TBT ms | render-blocking | transfer (Lighthouse) | page HTML, brotli |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...measured.map((p) => {
      const within = (key, budget) => `${Math.round(m(key, p.runs))} (${spread(key, p.runs)}) ≤ ${budget} ${verdict(m(key, p.runs) <= budget)}`;
      const blocking = Math.max(...p.runs.map((r) => r.blocking));
      const htmlBudget = p.htmlKB ? p.htmlKB * 1024 : p.share ? p.share * full.html : null;
      const html = `${kb(p.html)} KB` + (htmlBudget ? ` ≤ ${kb(htmlBudget)} KB ${verdict(p.html <= htmlBudget)}` : '');
      return `| ${p.name} (\`${p.path || 'index.html'}\`) | ${within('fcp', p.fcp)} | ${within('lcp', p.lcp)} | ${within('tbt', p.tbt)} | ${blocking} ${verdict(blocking === 0)} | ${kb(m('bytes', p.runs))} KB | ${html} |`;
    }),
    '',
    `| every frame's page of the story, HTML brotli | share of the full page's (${kb(full.html)} KB) | budget | |`,
    '| --- | --- | --- | --- |',
    ...frames.map((f) => `| \`${f.file}\` (${f.kind}) | ${kb(f.bytes)} KB, ${Math.round((100 * f.bytes) / full.html)}% | ${f.kind === 'chapter' ? '≤ 40%' : f.kind === 'block' ? '≤ 3.0 KB' : ''} | ${f.kind === 'chapter' ? verdict(f.bytes <= 0.4 * full.html) : f.kind === 'block' ? verdict(f.bytes <= 3 * 1024) : ''} |`),
  ];
  const assets = ['| asset | raw | gzip | brotli |', '| --- | --- | --- | --- |', ...sizes.map((a) => `| ${a.name.replace(/-[0-9a-f]{12,16}/, '-…')} | ${kb(a.raw)} KB | ${a.gzip ? kb(a.gzip) + ' KB' : '—'} | ${a.brotli ? kb(a.brotli) + ' KB' : '—'} |`)];
  // A run on uncommitted changes says so: its commit alone would not reproduce it.
  const dirty = execSync('git status --porcelain -- . ":(exclude)docs/benchmarks.md"', { cwd: ROOT }).toString().trim();
  const commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim() + (dirty ? '+changes' : '');
  const date = new Date().toISOString().slice(0, 10);
  console.log(['', ...lines, '', ...assets, ''].join('\n'));

  const file = join(ROOT, 'docs/benchmarks.md');
  const old = await readFile(file, 'utf8').catch(() => '');
  const history = old.split('\n').filter((line) => /^\| \d{4}-\d\d-\d\d \|/.test(line));
  history.push(`| ${date} | ${commit} | ${m('score')} | ${Math.round(m('lcp'))} | ${Math.round(m('tbt'))} | ${m('cls').toFixed(3)} | ${kb(firstViewBrotli)} | ${tasks.count} |`);
  await writeFile(file, [
    '# Benchmarks',
    '',
    'Written by `scripts/bench.sh` (see the README). Lighthouse 12.8.2 in Debian\'s Chromium, mobile emulation with',
    `simulated throttling, median of ${RUNS} runs per page against the release build served with brotli on loopback.`,
    'Render-blocking counts the requests Lighthouse says delay the first paint (most in any run). Long tasks are',
    'counted from a Chromium trace while every count-up and chart entrance runs, the sequence steps through and a finger drags across two charts, on a 4× slowed CPU.',
    '',
    `## Latest: ${date}, commit ${commit}`,
    '',
    ...lines,
    '',
    ...assets,
    '',
    '## History',
    '',
    '| date | commit | score | LCP ms | TBT ms | CLS | first view KB (br) | long tasks |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...history,
    '',
  ].join('\n'));
  console.log(`written to docs/benchmarks.md`);
} finally {
  await server.close();
}
