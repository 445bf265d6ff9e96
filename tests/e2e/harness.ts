/**
 * The end-to-end harness: serves the production build with `scripts/serve.js` on a free port and
 * drives Debian's Chromium through playwright-core (browser downloads are impossible here).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import sirv from 'sirv';
import { isBundle, type Bundle } from '../../src/lib/schema';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The bundle `npm run build` compiled (its prebuild step) and copied into the site. */
export const BUNDLE_PATH = path.join(ROOT, '.sidecar', 'bundle.json');

/** The content `npm run build` compiles unless `SIDECAR_CONTENT` says otherwise. */
export const CONTENT_DIR = path.join(ROOT, 'content');

/** Where `npm run build` writes the site unless `SIDECAR_BUILD_DIR` says otherwise. */
export const BUILD_DIR = path.join(ROOT, 'build');

/** Used when `CHROME_PATH` is unset: Debian's `chromium` package. */
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** How long the server may take to print its URL. */
const SERVER_START_TIMEOUT_MS = 15_000;

/** Flags for a quiet, reproducible headless Chromium in a container running as root. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running production build and a browser to look at it with. */
export interface App {
  /** Origin and base path of the site, ending in '/'. */
  baseUrl: string;
  browser: Browser;
  /** Closes the browser and stops the server. */
  stop(): Promise<void>;
}

/** Starts `scripts/serve.js` on a free port; resolves with its URL once it is listening. */
function startServer(): Promise<{ url: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.js')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      server.kill();
      reject(new Error(`scripts/serve.js ${reason}\n${output}`));
    };
    const timer = setTimeout(() => fail('printed no URL in time'), SERVER_START_TIMEOUT_MS);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Serving build\/ at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], server });
      }
    };
    server.stdout?.on('data', collect);
    server.stderr?.on('data', collect);
    server.on('exit', (code) => fail(`exited with code ${code}`));
  });
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
}

/** Launches headless Chromium; each context it opens is a fresh, off-the-record profile. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || DEFAULT_CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A browser profile on disk, as an installed browser has; removed again by `close()`. */
export interface Profile {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a persistent profile in a temporary folder. Chromium judges
 * nothing installable in an off-the-record context (`in-incognito`), which every
 * `browser.newContext()` is, so installability needs this.
 */
export async function launchProfile(): Promise<Profile> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'sidecar-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH || DEFAULT_CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Serves `build/` and launches headless Chromium (each launch gets a fresh temporary profile). */
export async function startApp(): Promise<App> {
  const { url, server } = await startServer();
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await stopServer(server);
    throw error;
  }
  return {
    baseUrl: url,
    browser,
    async stop() {
      await browser.close();
      await stopServer(server);
    },
  };
}

/** The bundle of the current build, refused unless it is of this build's format. */
export function readBuiltBundle(): Bundle {
  const value: unknown = JSON.parse(readFileSync(BUNDLE_PATH, 'utf8'));
  if (!isBundle(value)) throw new Error(`${BUNDLE_PATH} is not a bundle of this build's format`);
  return value;
}

/** A static host on one origin whose site folder can be swapped while it runs: a redeploy. */
export interface Site {
  /** Origin and base path of the site, ending in '/'. */
  baseUrl: string;
  /**
   * Serves `dir` from the next request on; `null` drops every connection unanswered, as a lost
   * network does, for what Chromium's offline emulation does not cover (the browser's own fetch
   * of `service-worker.js` when it checks for updates).
   */
  serve(dir: string | null): void;
  /** Paths of the requests the server has answered, in order, for tests of what stays local. */
  readonly requests: readonly string[];
  stop(): Promise<void>;
}

/** Hashed file names never change content; everything else is revalidated (as scripts/serve.js). */
function cacheControl(pathname: string): string {
  return pathname.startsWith('/_app/immutable/')
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

/**
 * Serves `dir` on a free port of 127.0.0.1 (a secure context, so service workers run) from this
 * process, with the caching headers of scripts/serve.js and no SPA fallback.
 */
export async function startSite(dir: string): Promise<Site> {
  const handlerFor = (root: string) =>
    sirv(root, {
      dev: true,
      etag: true,
      single: false,
      setHeaders: (response, pathname) =>
        response.setHeader('Cache-Control', cacheControl(pathname)),
    });
  let handler: ReturnType<typeof handlerFor> | null = handlerFor(dir);
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '');
    if (!handler) {
      request.socket.destroy();
      return;
    }
    handler(request, response, () => {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not Found\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    serve(next) {
      handler = next === null ? null : handlerFor(next);
    },
    requests,
    stop() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Where Vite puts what the data worker emits, the content bundle among it, in a built site. */
const WORKER_ASSETS = path.join('_app', 'immutable', 'workers', 'assets');

/** The content bundle a built site ships (the one its data worker fetches). */
export function readSiteBundle(siteDir: string): Bundle {
  const dir = path.join(siteDir, WORKER_ASSETS);
  const candidates = readdirSync(dir).filter((file) => /^bundle[-.].*\.json$/.test(file));
  if (candidates.length !== 1) {
    throw new Error(`Expected one content bundle in ${dir}, found ${candidates.length}.`);
  }
  const file = path.join(dir, candidates[0] ?? '');
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isBundle(value)) throw new Error(`${file} is not a bundle of this build's format`);
  return value;
}

/**
 * Builds the app from another content folder into `outDir` with `npm run build`, and returns the
 * bundle that site ships. The build compiles into the shared `.sidecar/bundle.json`; the bundle of
 * the main build is put back afterwards, so later tests still read the bundle `build/` holds.
 * Takes as long as a build (tens of seconds): call it from a hook with a generous timeout.
 */
export function buildSite(options: { content: string; outDir: string }): Bundle {
  const saved = path.join(mkdtempSync(path.join(os.tmpdir(), 'sidecar-bundle-')), 'bundle.json');
  copyFileSync(BUNDLE_PATH, saved);
  try {
    const result = spawnSync('npm', ['run', 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      // Vitest sets NODE_ENV=test, which makes Vite build with `dev` true: such a site never
      // registers its service worker. A production build is what a redeploy serves.
      env: {
        ...process.env,
        NODE_ENV: 'production',
        SIDECAR_CONTENT: options.content,
        SIDECAR_BUILD_DIR: options.outDir,
      },
    });
    if (result.status !== 0) {
      throw new Error(
        `npm run build into ${options.outDir} failed:\n${result.stdout}${result.stderr}`,
      );
    }
    return readSiteBundle(options.outDir);
  } finally {
    copyFileSync(saved, BUNDLE_PATH);
    rmSync(path.dirname(saved), { recursive: true, force: true });
  }
}
