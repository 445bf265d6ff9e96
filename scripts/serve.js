/**
 * `node scripts/serve.js` — serves the production build in `build/` as a static host would.
 *
 * Listens on `HOST`:`PORT` (default 127.0.0.1:4173; `PORT=0` picks a free port) and prints
 * `Serving build/ at http://HOST:PORT/` once listening, which the end-to-end harness waits for.
 * No SPA fallback: a path that is not a file is a 404, so a missing prerendered page shows up.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

const BUILD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build');
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 4173;

/** Hashed file names never change content, so browsers may keep them for a year. */
const IMMUTABLE_PREFIX = '/_app/immutable/';
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Everything else (HTML, the bundle, a service worker) is revalidated by ETag on every use. */
const REVALIDATE_CACHE = 'no-cache';

if (!existsSync(path.join(BUILD_DIR, 'index.html'))) {
  process.stderr.write(`No build found in ${BUILD_DIR}. Run \`npm run build\` first.\n`);
  process.exit(1);
}

const host = process.env.HOST || DEFAULT_HOST;
const port = process.env.PORT === undefined ? DEFAULT_PORT : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`PORT must be an integer from 0 to 65535, not ${process.env.PORT}.\n`);
  process.exit(2);
}

// `dev: false` reads the file list once at start: restart the server after a rebuild.
const serveBuild = sirv(BUILD_DIR, {
  dev: false,
  etag: true,
  single: false,
  setHeaders(response, pathname) {
    response.setHeader(
      'Cache-Control',
      pathname.startsWith(IMMUTABLE_PREFIX) ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
    );
  },
});

const server = http.createServer((request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Method Not Allowed\n');
    return;
  }
  serveBuild(request, response, () => {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not Found\n');
  });
});

server.on('error', (error) => {
  process.stderr.write(`Cannot serve on ${host}:${port}: ${error.message}\n`);
  process.exit(1);
});

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  process.stdout.write(`Serving build/ at http://${shownHost}:${actualPort}/\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
