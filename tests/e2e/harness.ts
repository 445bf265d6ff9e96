/**
 * The end-to-end harness: serves the production build with `scripts/serve.js` on a free port and
 * drives Debian's Chromium through playwright-core (browser downloads are impossible here).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { isBundle, type Bundle } from '../../src/lib/schema';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The bundle `npm run build` compiled (its prebuild step) and copied into the site. */
export const BUNDLE_PATH = path.join(ROOT, '.sidecar', 'bundle.json');

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

/** Serves `build/` and launches headless Chromium (each launch gets a fresh temporary profile). */
export async function startApp(): Promise<App> {
  const { url, server } = await startServer();
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || DEFAULT_CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
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
