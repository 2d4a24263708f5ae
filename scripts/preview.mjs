// scripts/preview.sh's server: nginx serving dist/ as deploy/nginx.conf says, until stopped.
import { host } from '../tests/browser/nginx.mjs';

const server = await host(undefined, { port: Number(process.argv[2] ?? 8080) });
console.log(`nginx serves dist/ at ${server.url} as deploy/nginx.conf says; Ctrl-C stops it.`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
