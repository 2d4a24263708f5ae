// Valid HTML and CSS, as the W3C's Nu Html Checker (vnu-jar, run by Java) reads them: every page
// the build writes, in dist/ and in the two-story site (scripts/engine-check.sh), with the
// stylesheets inline in them; and every stylesheet file (static/css, the embed preview's) in its
// CSS mode. No browser: a checker of the standards, not of one engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST, ROOT } from './harness.mjs';

const VNU = createRequire(import.meta.url)('vnu-jar');
const TWO_STORIES = join(ROOT, 'target/two-stories');

/** Every file under `dir` whose name ends with `ending`. */
async function files(dir, ending) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(ending)).map((entry) => join(entry.parentPath, entry.name)).sort();
}

/** The checker's messages for `paths` (with `args` before them): [{ type, url, message, … }]. */
function check(paths, args = []) {
  return new Promise((done, failed) => {
    execFile(process.env.JAVA ?? 'java', ['-jar', VNU, '--format', 'json', ...args, ...paths], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // It exits with 1 when it found errors; its report is on stderr either way.
      try {
        done(JSON.parse(stderr).messages);
      } catch {
        failed(error ?? new Error(`the checker said: ${stderr}${stdout}`));
      }
    });
  });
}

/**
 * Whether `message` is the checker not knowing CSS Containment 3 (container queries, in every
 * engine since 2023): its CSS grammar has neither the `container-type` property nor the container
 * units (`21cqi`). A figure card's size rests on them (static/css/figures.css); any other error in
 * the same declaration still counts.
 */
const unknownToTheChecker = (message) =>
  /^CSS: “container-type”: Property “container-type” doesn't exist\.$/.test(message.message) ||
  (/^CSS: “font-size”: Parse Error\.$/.test(message.message) && /\(\d+(\.\d+)?rem, ?\d+cqi\)/.test(message.extract ?? ''));

const described = (messages) => messages.map((m) => `${m.url.replace(`file:${ROOT}/`, '')}:${m.lastLine}: ${m.type}: ${m.message}`).join('\n');

test('every page the build writes is valid HTML, its inline stylesheet valid CSS', async (t) => {
  const pages = [...(await files(DIST, '.html')), ...(await files(TWO_STORIES, '.html'))];
  assert.ok(pages.length >= 80, `${pages.length} pages`);
  const messages = await check(pages);
  const errors = messages.filter((m) => (m.type === 'error' || m.subType === 'fatal') && !unknownToTheChecker(m));
  assert.equal(errors.length, 0, described(errors));
  const warnings = messages.filter((m) => m.type !== 'error');
  if (warnings.length) t.diagnostic(described(warnings));
  t.diagnostic(`${pages.length} pages checked`);
});

test('every stylesheet file is valid CSS', async () => {
  const sheets = [...(await files(join(ROOT, 'static/css'), '.css')), ...(await files(DIST, '.css'))];
  assert.ok(sheets.length >= 10, `${sheets.length} stylesheets`);
  const errors = (await check(sheets, ['--css'])).filter((m) => m.type === 'error' && !unknownToTheChecker(m));
  assert.equal(errors.length, 0, described(errors));
});

test('the checker finds what it is asked to: an attribute out of place and an unknown CSS unit, a container unit\'s typo among them', async () => {
  const dir = join(ROOT, 'tests/fixtures/invalid');
  const messages = (await check(await files(dir, '.html'))).filter((m) => !unknownToTheChecker(m));
  assert.ok(messages.some((m) => /integrity/.test(m.message)), described(messages));
  assert.deepEqual(messages.filter((m) => /CSS/.test(m.message)).map((m) => m.extract.match(/\d+\w*z/)?.[0]), ['10pz', '21cqz'], described(messages));
});
