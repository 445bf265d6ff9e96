/**
 * The benchmark's static site and the server that counts what it sends. Both engines are served
 * from one origin by sirv, text files gzip-compressed ahead of time as a production server would
 * send them (Pagefind's own index files are gzip already), with caching off so every download
 * reaches the counter, and cross-origin isolated so `performance.now()` is precise to a few
 * microseconds instead of 100.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

/** Files compressed ahead of time, as a server would compress them on the fly. */
const COMPRESSIBLE = /\.(js|mjs|json|css|html|wasm)$/;

/** The page both engines run in; `lang` tells Pagefind which language index to load. */
export const PAGE_HTML = `<!doctype html>
<html lang="zh">
  <head><meta charset="utf-8" /><title>bench:search</title><link rel="icon" href="data:," /></head>
  <body><script type="module" src="/bench/runner.js"></script></body>
</html>
`;

/** Writes `name.gz` beside every compressible file under `dir`; returns nothing. */
export async function precompress(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    await writeFile(`${file}.gz`, gzipSync(await readFile(file), { level: 9 }));
  }
}

/** The gzip -9 size of a file, as `precompress` writes it. */
export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/** A running server and what it sent. */
export interface CountingServer {
  url: string;
  /** Body bytes sent under `prefix` since the last `reset()`, and the paths asked for. */
  sent(prefix: string): { bytes: number; requests: string[] };
  reset(): void;
  close(): Promise<void>;
}

/**
 * Calls `onBytes` with the size of every body chunk `response` writes. Counted as the chunks are
 * written, which is before the client can have them: by the time the page has a result, every
 * byte it downloaded for it is counted (a response's 'finish' event can come later than that).
 */
function countBody(response: http.ServerResponse, onBytes: (bytes: number) => void): void {
  const measure = (chunk: unknown) => {
    if (typeof chunk === 'string') onBytes(Buffer.byteLength(chunk));
    else if (chunk instanceof Uint8Array) onBytes(chunk.byteLength);
  };
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => http.ServerResponse;
  response.write = ((...args: unknown[]) => {
    measure(args[0]);
    return write(...args);
  }) as typeof response.write;
  response.end = ((...args: unknown[]) => {
    measure(args[0]);
    return end(...args);
  }) as typeof response.end;
}

/** Serves `dir` on a free loopback port and counts the body bytes of every response. */
export async function serveCounting(dir: string): Promise<CountingServer> {
  const handler = sirv(dir, {
    dev: false,
    etag: false,
    gzip: true,
    brotli: false,
    setHeaders(response) {
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    },
  });
  let log: { path: string; bytes: number }[] = [];
  const server = http.createServer((request, response) => {
    const entry = { path: new URL(request.url ?? '/', 'http://localhost').pathname, bytes: 0 };
    log.push(entry);
    countBody(response, (bytes) => (entry.bytes += bytes));
    handler(request, response, () => {
      response.writeHead(404);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no server address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    sent(prefix) {
      const matching = log.filter((entry) => entry.path.startsWith(prefix));
      return {
        bytes: matching.reduce((sum, entry) => sum + entry.bytes, 0),
        requests: matching.map((entry) => entry.path),
      };
    },
    reset() {
      log = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
