// The site served by a real nginx, as a newsroom serves it: Debian's nginx with its brotli_static
// module, configured by deploy/nginx.conf (which includes the nginx.conf the build wrote into the
// site's folder). For the browser tests (harness.mjs) and for scripts/preview.sh. No dependencies.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');

/** Where a host started with `reported` has browsers send the policy's violation reports. */
export const REPORTS = '/__csp-report';

/**
 * Serves `dir` with a real nginx (Debian's, with the brotli_static module), configured exactly as
 * deploy/nginx.conf says, which includes the `nginx.conf` the build wrote into `dir`: the server a
 * newsroom runs, with the headers the build says, the Content-Security-Policy among them. Runs
 * under a temporary prefix on a free loopback port, touching nothing of the system's nginx.
 * `port` (a free one if not given). With `reported`, every policy also names a `report-uri` on the
 * site, so that any engine's violations show in `served` as requests for REPORTS (its only change
 * to what the build wrote). Resolves to { url, close, served } like harness.mjs's `serve`.
 */
export async function host(dir = DIST, { port: asked, reported = false } = {}) {
  const prefix = await mkdtemp(join(tmpdir(), 'story-nginx-'));
  let server = (await readFile(join(ROOT, 'deploy/nginx.conf'), 'utf8')).replaceAll('/srv/fushun-story', dir);
  if (reported) {
    const site = (await readFile(join(dir, 'nginx.conf'), 'utf8'))
      .replace(/add_header Content-Security-Policy "([^"]*)"/g, `add_header Content-Security-Policy "$1; report-uri ${REPORTS}"`);
    await writeFile(join(prefix, 'site.conf'), site);
    server = server.replace(`include ${dir}/nginx.conf;`, `include ${prefix}/site.conf;`);
  }
  for (let attempt = 1; ; attempt += 1) {
    const port = asked ?? (await freePort());
    const conf = `load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  log_format served '$request_uri $sent_http_content_encoding';
  access_log ${prefix}/access.log served;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  ${server.replace(/^\s*listen 80;$/m, `listen 127.0.0.1:${port};`)}
}
`;
    await writeFile(join(prefix, 'nginx.conf'), conf);
    const child = spawn(process.env.NGINX ?? '/usr/sbin/nginx', ['-c', join(prefix, 'nginx.conf'), '-p', prefix, '-e', join(prefix, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    const exited = new Promise((done) => child.once('exit', (code) => done(code)));
    const up = await Promise.race([listening(port).then(() => true), exited.then(() => false)]);
    if (up) {
      const served = [];
      let read = 0;
      return {
        url: `http://127.0.0.1:${port}/`,
        // What nginx has sent so far, read from its log as it grows: [address, encoding] pairs in
        // a list a test may empty, as it may harness.mjs's `serve`'s.
        get served() {
          const log = readFileSyncSafe(join(prefix, 'access.log'));
          for (const line of log.slice(read).split('\n').filter(Boolean)) {
            // The address as asked for (a folder, not its index.html), without its query.
            const [address, encoding] = line.split(' ');
            served.push([decodeURIComponent(address.split('?')[0]), encoding === '-' ? 'identity' : encoding]);
          }
          read = log.length;
          return served;
        },
        close: async () => {
          child.kill('SIGTERM');
          await exited;
          await rm(prefix, { recursive: true, force: true });
        },
      };
    }
    const log = readFileSyncSafe(join(prefix, 'error.log'));
    // Another process took the port between our look and nginx's bind: try another.
    if (!asked && attempt < 3 && /Address already in use/.test(log + errors)) continue;
    throw new Error(`nginx did not start: ${errors}${log}`);
  }
}

/** A loopback port no one listens on now. */
export function freePort() {
  return new Promise((found, failed) => {
    const probe = createServer();
    probe.once('error', failed);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => found(port));
    });
  });
}

/** Resolves once something accepts connections on `port` (polled, `timeout` ms at most). */
export async function listening(port, timeout = 10000) {
  const end = Date.now() + timeout;
  for (;;) {
    const open = await new Promise((answer) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); answer(true); });
      socket.once('error', () => answer(false));
    });
    if (open) return;
    if (Date.now() > end) throw new Error(`nothing listens on ${port}`);
    await new Promise((next) => setTimeout(next, 25));
  }
}

function readFileSyncSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
