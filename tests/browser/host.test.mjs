// The site served as a newsroom serves it: Debian's nginx, configured by deploy/nginx.conf, which
// includes the nginx.conf the build wrote (src/deploy.rs). Asserted on the wire: each file as the
// build compressed it, its type, and its headers; and `_headers`, which a CDN reads, the same.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DIST, host } from './harness.mjs';

const shared = {};
before(async () => {
  shared.server = await host();
});
after(async () => shared.server?.close());

/** GET `path` from nginx with `encodings` accepted: { status, headers, body } as sent, undecoded. */
function get(path, encodings = 'br, gzip') {
  return new Promise((done, failed) => {
    const url = new URL(path, shared.server.url);
    const ask = request(url, { headers: { 'accept-encoding': encodings } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    ask.on('error', failed);
    ask.end();
  });
}

/** Every file of the site a reader may ask for, relative to its folder. */
async function siteFiles(dir = DIST) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath ?? entry.path, entry.name));
    if (!/\.(br|gz)$/.test(path) && !['nginx.conf', '_headers', '_redirects'].includes(path)) files.push(path);
  }
  return files.sort();
}

// (nginx before 1.24 names JavaScript's type application/javascript; later ones text/javascript.)
const TYPES = {
  html: /^text\/html; charset=utf-8$/,
  js: /^(application|text)\/javascript; charset=utf-8$/,
  css: /^text\/css; charset=utf-8$/,
  wasm: /^application\/wasm$/,
  svg: /^image\/svg\+xml; charset=utf-8$/,
  png: /^image\/png$/,
  json: /^application\/json; charset=utf-8$/,
  csv: /^text\/csv; charset=utf-8$/,
  txt: /^text\/plain; charset=utf-8$/,
};

test('each file goes out as the build compressed it, brotli, gzip or as it is, with its type', async () => {
  const files = await siteFiles();
  const kinds = new Set(files.map((file) => file.split('.').pop()));
  assert.deepEqual([...kinds].sort(), Object.keys(TYPES).sort(), 'a type for every kind of file the site has');
  for (const file of files) {
    const raw = await readFile(join(DIST, file));
    const type = TYPES[file.split('.').pop()];
    for (const [accepted, encoding, sibling] of [['br, gzip', 'br', '.br'], ['gzip', 'gzip', '.gz'], ['identity', undefined, '']]) {
      const compressed = await readFile(join(DIST, file + sibling)).catch(() => undefined);
      const sent = await get(file, accepted);
      assert.equal(sent.status, 200, file);
      assert.match(sent.headers['content-type'] ?? '', type, `${file}: its type`);
      const expected = compressed ? encoding : undefined;
      assert.equal(sent.headers['content-encoding'], expected, `${file} for ${accepted}`);
      assert.ok(sent.body.equals(compressed ?? raw), `${file} for ${accepted}: the bytes the build wrote`);
      if (compressed && sibling) assert.match(sent.headers.vary ?? '', /accept-encoding/i, `${file}: Vary`);
    }
  }
});

/** `_headers` read as a CDN reads it: the headers of the rules whose address is `path` or `/*`. */
function cdnHeaders(text, path) {
  const found = {};
  let rule = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      rule = line.trim();
      continue;
    }
    if (rule === '/*' || rule === path) {
      const [name, ...value] = line.trim().split(': ');
      assert.equal(found[name.toLowerCase()], undefined, `${path}: ${name} is set once`);
      found[name.toLowerCase()] = value.join(': ');
    }
  }
  return found;
}

test('every address gets the headers the build wrote for it, from nginx as from _headers', async () => {
  const policy = (await readFile(join(DIST, 'content-security-policy.txt'), 'utf8')).trim();
  const cdn = await readFile(join(DIST, '_headers'), 'utf8');
  const files = await siteFiles();
  const folders = files.filter((file) => file.endsWith('index.html')).map((file) => file.replace(/index\.html$/, ''));
  const managed = ['cache-control', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-robots-tag'];
  for (const address of [...files, ...folders]) {
    const sent = await get(address);
    assert.equal(sent.status, 200, address);
    const wanted = cdnHeaders(cdn, `/${address}`);
    assert.ok(wanted['cache-control'], `${address}: _headers says how to cache it`);
    const nginx = Object.fromEntries(managed.filter((name) => sent.headers[name]).map((name) => [name, sent.headers[name]]));
    assert.deepEqual(nginx, wanted, `${address}: nginx and _headers agree`);
    assert.equal(sent.headers['content-security-policy'], policy, `${address}: the build's policy`);
    assert.equal(sent.headers['x-frame-options'], undefined, `${address}: framing is the policy's to allow`);
    const hashed = /-[0-9a-f]{12,16}(_bg)?\.\w+$/.test(address);
    assert.equal(sent.headers['cache-control'], hashed ? 'public, max-age=31536000, immutable' : 'no-cache', address);
    assert.equal(sent.headers['x-robots-tag'], /(^|\/)embed\/[^/]*$/.test(address) ? 'noindex' : undefined, address);
  }
});

test("an edition's bare name leads to its page, with the query; other names are served as asked", async () => {
  for (const [asked, page] of [
    ['en', '/en.html'],
    ['en/', '/en.html'],
    ['en?theme=dark&lang=en', '/en.html?theme=dark&lang=en'],
    ['en/?theme=dark', '/en.html?theme=dark'],
  ]) {
    const sent = await get(asked);
    assert.equal(sent.status, 301, asked);
    assert.equal(sent.headers.location, page, `${asked}: sent to its page by a relative address`);
    assert.ok(sent.headers['content-security-policy'], `${asked}: the redirect carries the site's headers`);
    assert.equal((await get(page.slice(1))).status, 200, page);
  }
  // A folder with no page of its name is served as before: its index, or a slash added; no page, no page.
  assert.equal((await get('embed/')).status, 200);
  assert.equal((await get('embed')).headers.location, '/embed/');
  for (const missing of ['nowhere', 'nowhere/', 'en/nowhere']) {
    assert.equal((await get(missing)).status, 404, missing);
  }
});

test("a frame's page is served by its name too; an address that names none gets its edition's notice of a missing part, as a 404", async () => {
  // A part renamed or removed after a site pasted its address: the frame says so, in its
  // edition, and takes the notice's height, instead of holding nginx's error page.
  const policy = (await readFile(join(DIST, 'content-security-policy.txt'), 'utf8')).trim();
  for (const [asked, page] of [
    ['embed/renamed-chart.html', 'embed/missing.html'],
    ['embed/renamed-chart', 'embed/missing.html'],
    ['en/embed/renamed-chart.html?theme=dark', 'en/embed/missing.html'],
  ]) {
    const sent = await get(asked);
    assert.equal(sent.status, 404, asked);
    assert.match(sent.headers['content-type'], TYPES.html, asked);
    assert.equal(sent.headers['content-encoding'], 'br', `${asked}: the notice as the build compressed it`);
    assert.ok(sent.body.equals(await readFile(join(DIST, `${page}.br`))), `${asked}: the body is ${page}`);
    assert.equal(sent.headers['x-robots-tag'], 'noindex', `${asked}: a frame's headers`);
    assert.equal(sent.headers['content-security-policy'], policy, asked);
    assert.equal(sent.headers['cache-control'], 'no-cache', asked);
  }
  // What a host that looks for a folder's own 404.html finds (Cloudflare Pages): the notice.
  for (const folder of ['embed', 'en/embed']) {
    const notice = await readFile(join(DIST, folder, 'missing.html'));
    assert.ok((await readFile(join(DIST, folder, '404.html'))).equals(notice), `${folder}/404.html is the notice`);
  }
  // A frame's page by its name alone, as a CDN that drops `.html` shows it: the page itself.
  for (const [asked, page] of [['embed/growth-rates', 'embed/growth-rates.html'], ['en/embed/projects?theme=dark', 'en/embed/projects.html']]) {
    const sent = await get(asked);
    assert.equal(sent.status, 200, asked);
    assert.ok(sent.body.equals(await readFile(join(DIST, `${page}.br`))), `${asked}: the body is ${page}`);
    assert.equal(sent.headers['x-robots-tag'], 'noindex', `${asked}: a frame's headers`);
  }
  // Elsewhere, and below an embed folder, a missing file is not a frame's: the site's page (below).
  for (const asked of ['nowhere.html', 'embed/deeper/renamed-chart.html', 'embedded/renamed-chart.html']) {
    const sent = await get(asked);
    assert.equal(sent.status, 404, asked);
    assert.ok(sent.body.equals(await readFile(join(DIST, '404.html.br'))), `${asked}: not a frame's address`);
  }
});

test("any other address that names no file gets the site's page saying so, as a 404 no one keeps: a hashed name too", async () => {
  // A reader's mistyped or outdated link; and an engine file asked for before it is copied to the
  // server (pages published first), which must not be kept for a year under the name it will have.
  const policy = (await readFile(join(DIST, 'content-security-policy.txt'), 'utf8')).trim();
  const page = await readFile(join(DIST, '404.html.br'));
  for (const asked of ['zh.html', 'index.htm', 'nowhere', 'en/index.html', 'a/b/c.html?theme=dark',
    'app-0123456789abcdef.js', 'app-0123456789abcdef_bg.wasm', 'share-0123456789abcdef.png', 'nginx.conf']) {
    const sent = await get(asked);
    assert.equal(sent.status, 404, asked);
    assert.match(sent.headers['content-type'], TYPES.html, asked);
    assert.ok(sent.body.equals(page), `${asked}: the body is 404.html, as the build compressed it`);
    assert.equal(sent.headers['cache-control'], 'no-cache', `${asked}: not kept`);
    assert.equal(sent.headers['content-security-policy'], policy, asked);
    assert.equal(sent.headers['x-robots-tag'], undefined, asked);
  }
  // The page itself, asked for by name, is a page of the site like any other (and says noindex).
  const own = await get('404.html', 'identity');
  assert.equal(own.status, 200);
  assert.match(own.body.toString(), /<meta name="robots" content="noindex">/);
});

test('what only the host reads is not served', async () => {
  for (const path of ['nginx.conf', '_headers', '_redirects', 'en/../nginx.conf']) {
    assert.equal((await get(path)).status, 404, path);
  }
});
