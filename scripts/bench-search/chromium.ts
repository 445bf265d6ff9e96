/**
 * Drives both engines in Debian's Chromium through playwright-core: a fresh browser context per
 * first visit, then later queries and warm timings in the page the first visit left loaded.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PageRunner } from './page-runner';
import type { CountingServer } from './site';

export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic'];

/** Where each engine's files are served from; bytes are counted under these prefixes. */
export const SIDECAR_PREFIX = '/sidecar/';
export const PAGEFIND_PREFIX = '/pagefind/';
export const SIDECAR_MODULE_URL = `${SIDECAR_PREFIX}search.js`;
export const SIDECAR_BUNDLE_URL = `${SIDECAR_PREFIX}bundle.json`;
export const PAGEFIND_MODULE_URL = `${PAGEFIND_PREFIX}pagefind.js`;

export type Engine = 'sidecar' | 'pagefind';

/** What one engine cost in the browser. */
export interface BrowserFigures {
  /** Per first visit (one per first query): bytes, time and what was requested. */
  firstVisits: { query: string; bytes: number; ms: number; buildMs?: number; requests: number }[];
  /** Bytes downloaded by each later query (its first time), titles of its top results included. */
  laterQueryBytes: number[];
  /** Warm query times, ms. */
  times: number[];
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Calls a function of the page runner with JSON options (source text: tsx-built functions would not survive). */
async function call<K extends keyof PageRunner>(
  page: Page,
  name: K,
  options: Parameters<PageRunner[K]>[0],
): Promise<Awaited<ReturnType<PageRunner[K]>>> {
  return (await page.evaluate(
    `globalThis.benchSearch.${name}(${JSON.stringify(options)})`,
  )) as Awaited<ReturnType<PageRunner[K]>>;
}

async function openPage(browser: Browser, server: CountingServer): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForFunction('globalThis.benchSearch !== undefined && crossOriginIsolated');
  return page;
}

/** The options each engine's runner functions take. */
function firstResult(engine: Engine, page: Page, query: string, limit: number) {
  return engine === 'sidecar'
    ? call(page, 'sidecarFirstResult', {
        moduleUrl: SIDECAR_MODULE_URL,
        bundleUrl: SIDECAR_BUNDLE_URL,
        query,
        limit,
      })
    : call(page, 'pagefindFirstResult', { moduleUrl: PAGEFIND_MODULE_URL, query, limit });
}

/**
 * Measures one engine: a first visit per query of `firstQueries` (each in a fresh context), then,
 * in the page of the last visit, every other query of `queries` once (bytes per later query), then
 * `rounds` timed passes over `queries` (warm: everything each query needs is loaded by then).
 * Returns that page for scoring; the caller closes its context.
 */
export async function measureEngine(
  browser: Browser,
  server: CountingServer,
  engine: Engine,
  options: { firstQueries: string[]; queries: string[]; rounds: number; limit: number },
): Promise<{ figures: BrowserFigures; page: Page }> {
  const prefix = engine === 'sidecar' ? SIDECAR_PREFIX : PAGEFIND_PREFIX;
  const figures: BrowserFigures = { firstVisits: [], laterQueryBytes: [], times: [] };
  let page: Page | null = null;
  for (const query of options.firstQueries) {
    if (page) await page.context().close();
    page = await openPage(browser, server);
    server.reset();
    const result = await firstResult(engine, page, query, options.limit);
    const sent = server.sent(prefix);
    figures.firstVisits.push({
      query,
      bytes: sent.bytes,
      ms: result.firstResultMs,
      buildMs: result.buildMs,
      requests: sent.requests.length,
    });
  }
  if (!page) throw new Error('no first query to measure');
  const asked = options.firstQueries.at(-1);
  for (const query of options.queries.filter((candidate) => candidate !== asked)) {
    server.reset();
    await call(page, engine === 'sidecar' ? 'sidecarQuery' : 'pagefindQuery', {
      query,
      limit: options.limit,
    });
    figures.laterQueryBytes.push(server.sent(prefix).bytes);
  }
  figures.times = await call(page, 'timeQueries', {
    engine,
    queries: options.queries,
    rounds: options.rounds,
    limit: options.limit,
  });
  return { figures, page };
}

/** Pagefind's ranked result ids (page hashes), every result, for each query. */
export async function pagefindRankings(page: Page, queries: string[]): Promise<string[][]> {
  return call(page, 'pagefindRankings', { queries });
}

/** The urls of Pagefind results `ids` of `query`, read from their fragments in the page. */
export async function pagefindUrls(page: Page, query: string, ids: string[]): Promise<string[]> {
  return call(page, 'pagefindUrls', { query, ids });
}
