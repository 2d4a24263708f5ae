// Measures the release build in dist/ and prints the figures against the budgets of issue 4:
// Lighthouse (mobile emulation, simulated throttling) medians over several runs, each asset's raw /
// gzip / brotli size, and the long tasks in a browser trace taken while every count-up and chart
// animates. Writes the results to docs/benchmarks.md (latest run, plus a history row).
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { DIST, ROOT, launch, serve } from '../../tests/browser/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const BUDGETS = { firstViewKB: 150, score: 98, lcpMs: 1500, tbtMs: 50, cls: 0.01, longTasks: 0 };

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
    if (/\.(br|gz)$/.test(name) || name.startsWith('.')) continue;
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
      });
      process.stderr.write(`lighthouse run ${i + 1}/${RUNS}: score ${runs.at(-1).score}, LCP ${Math.round(runs.at(-1).lcp)} ms\n`);
    } finally {
      await chrome.kill();
    }
  }
  return runs;
}

/**
 * Long tasks (over 50 ms on the page's main thread) in a Chromium trace taken while the reader
 * scrolls through the story on a 4x slowed CPU, every count-up and chart entrance running.
 */
async function animationLongTasks(url) {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('.chapter-nav--live'), null, { timeout: 30000 });
    // Playwright injects its helper script on the first locator call: do that before tracing,
    // so the trace holds the page's own work only.
    await page.locator('h1').boundingBox();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    const targets = await page.locator('.indicator, .chart__canvas').all();
    for (const target of targets) {
      await target.scrollIntoViewIfNeeded();
      // Let the entrance run to its end before moving on, as a reader pausing on a figure.
      await page.waitForFunction(() => [...document.querySelectorAll('.chart__canvas')].every((c) => c.dataset.drawn !== 'entering'), null, { timeout: 10000 });
      await page.waitForTimeout(250);
    }
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

const server = await serve();
try {
  const sizes = await assetSizes();
  // What a reader's first visit fetches: one page (index.html) and its assets; not the other edition's
  // page, the embed script or preview, or the data files.
  const firstView = sizes.filter((a) => /\.(css|js|wasm)$/.test(a.name) && !a.name.startsWith('embed') || a.name === 'index.html');
  const firstViewBrotli = firstView.reduce((sum, a) => sum + (a.brotli ?? a.raw), 0);
  const runs = await lighthouseRuns(server.url);
  const tasks = await animationLongTasks(server.url);
  const m = (key) => median(runs.map((r) => r[key]));
  const spread = (key) => `${Math.round(Math.min(...runs.map((r) => r[key])))}–${Math.round(Math.max(...runs.map((r) => r[key])))}`;
  const verdict = (ok) => (ok ? 'within' : 'OVER');
  const lines = [
    `| figure | median of ${RUNS} | spread | budget | |`,
    '| --- | --- | --- | --- | --- |',
    `| performance score | ${m('score')} | ${spread('score')} | ≥ ${BUDGETS.score} | ${verdict(m('score') >= BUDGETS.score)} |`,
    `| first contentful paint | ${Math.round(m('fcp'))} ms | ${spread('fcp')} ms | | |`,
    `| largest contentful paint | ${Math.round(m('lcp'))} ms | ${spread('lcp')} ms | ≤ ${BUDGETS.lcpMs} ms | ${verdict(m('lcp') <= BUDGETS.lcpMs)} |`,
    `| total blocking time | ${Math.round(m('tbt'))} ms | ${spread('tbt')} ms | ≤ ${BUDGETS.tbtMs} ms | ${verdict(m('tbt') <= BUDGETS.tbtMs)} |`,
    `| cumulative layout shift | ${m('cls').toFixed(3)} | | ≤ ${BUDGETS.cls} | ${verdict(m('cls') <= BUDGETS.cls)} |`,
    `| speed index | ${Math.round(m('si'))} ms | ${spread('si')} ms | | |`,
    `| total transfer (Lighthouse) | ${kb(m('bytes'))} KB | | | |`,
    `| first view, brotli (HTML + CSS + JS + Wasm) | ${kb(firstViewBrotli)} KB | | ≤ ${BUDGETS.firstViewKB} KB (aim 100) | ${verdict(firstViewBrotli / 1024 <= BUDGETS.firstViewKB)} |`,
    `| long tasks during animations (4× CPU slowdown) | ${tasks.count} of ${tasks.tasks} tasks; longest ${tasks.longestMs.toFixed(1)} ms; ${tasks.animated} figures and charts | | ${BUDGETS.longTasks} | ${verdict(tasks.count <= BUDGETS.longTasks)} |`,
  ];
  const assets = ['| asset | raw | gzip | brotli |', '| --- | --- | --- | --- |', ...sizes.map((a) => `| ${a.name.replace(/-[0-9a-f]{16}/, '-…')} | ${kb(a.raw)} KB | ${a.gzip ? kb(a.gzip) + ' KB' : '—'} | ${a.brotli ? kb(a.brotli) + ' KB' : '—'} |`)];
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
    `simulated throttling, median of ${RUNS} runs against the release build served with brotli on loopback. Long tasks`,
    'are counted from a Chromium trace while every count-up and chart entrance runs on a 4× slowed CPU.',
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
