/**
 * Runs in the benchmark page (bundled by esbuild into `/bench/runner.js`): loads each engine as
 * a site would, answers the queries it is given and times them with `performance.now()`, which
 * the page's cross-origin isolation makes precise to a few microseconds. The Node side counts
 * the bytes the server sends between calls.
 */

/** The part of `src/lib/search/content-index.ts` the benchmark calls. */
interface SidecarModule {
  ContentIndex: { build(bundle: unknown): SidecarIndex };
}
interface SidecarIndex {
  search(query: string, options: { limit: number }): Record<ResultKind, string[]>;
}
type ResultKind = 'events' | 'talks' | 'speakers';

/** The part of Pagefind's browser API the benchmark calls. */
interface PagefindModule {
  init(): Promise<void>;
  search(query: string): Promise<PagefindResponse | null>;
}
interface PagefindResponse {
  results: PagefindResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<{ url: string; meta: { title?: string } }>;
}

/** What a first result cost: the time from nothing loaded to a result list on screen. */
export interface FirstResult {
  firstResultMs: number;
  /** Sidecar only: building the index in the page from the bundle. */
  buildMs?: number;
  /** Hits of the query, so the Node side can tell an empty answer. */
  hits: number;
}

let sidecar: SidecarIndex | null = null;
let pagefind: PagefindModule | null = null;

function sidecarIndex(): SidecarIndex {
  if (!sidecar) throw new Error('Sidecar is not loaded yet');
  return sidecar;
}

function pagefindModule(): PagefindModule {
  if (!pagefind) throw new Error('Pagefind is not loaded yet');
  return pagefind;
}

function countSidecarHits(ids: Record<ResultKind, string[]>): number {
  return ids.events.length + ids.talks.length + ids.speakers.length;
}

/** Loads the search module and the bundle, builds the index and answers `query`. */
async function sidecarFirstResult(options: {
  moduleUrl: string;
  bundleUrl: string;
  query: string;
  limit: number;
}): Promise<FirstResult> {
  const started = performance.now();
  const [module, bundle] = await Promise.all([
    import(/* @vite-ignore */ options.moduleUrl) as Promise<SidecarModule>,
    fetch(options.bundleUrl).then((response) => response.json() as Promise<unknown>),
  ]);
  const buildStarted = performance.now();
  sidecar = module.ContentIndex.build(bundle);
  const buildMs = performance.now() - buildStarted;
  const hits = countSidecarHits(sidecar.search(options.query, { limit: options.limit }));
  return { firstResultMs: performance.now() - started, buildMs, hits };
}

/** Answers one query as a result list would: ids with their titles, all held in memory. */
async function sidecarQuery(options: { query: string; limit: number }): Promise<number> {
  return countSidecarHits(sidecarIndex().search(options.query, { limit: options.limit }));
}

/** Loads Pagefind, answers `query` and loads the top results' fragments (their titles). */
async function pagefindFirstResult(options: {
  moduleUrl: string;
  query: string;
  limit: number;
}): Promise<FirstResult> {
  const started = performance.now();
  const module = (await import(/* @vite-ignore */ options.moduleUrl)) as PagefindModule;
  await module.init();
  pagefind = module;
  const hits = await pagefindQuery(options);
  return { firstResultMs: performance.now() - started, hits };
}

/** Answers one query as a result list would: the top `limit` results with their fragments. */
async function pagefindQuery(options: { query: string; limit: number }): Promise<number> {
  const response = await pagefindModule().search(options.query);
  const top = response?.results.slice(0, options.limit) ?? [];
  await Promise.all(top.map((result) => result.data()));
  return response?.results.length ?? 0;
}

/**
 * Times `rounds` passes over `queries` after one untimed pass; milliseconds per query. Sidecar's
 * search is synchronous and timed as such; Pagefind's is a promise (its worker answers).
 */
async function timeQueries(options: {
  engine: 'sidecar' | 'pagefind';
  queries: string[];
  rounds: number;
  limit: number;
}): Promise<number[]> {
  const times: number[] = [];
  if (options.engine === 'sidecar') {
    const index = sidecarIndex();
    const search = (query: string) => index.search(query, { limit: options.limit });
    for (const query of options.queries) search(query);
    for (let round = 0; round < options.rounds; round += 1) {
      for (const query of options.queries) {
        const started = performance.now();
        search(query);
        times.push(performance.now() - started);
      }
    }
    return times;
  }
  const module = pagefindModule();
  for (const query of options.queries) await module.search(query);
  for (let round = 0; round < options.rounds; round += 1) {
    for (const query of options.queries) {
      const started = performance.now();
      await module.search(query);
      times.push(performance.now() - started);
    }
  }
  return times;
}

/** Pagefind's ranked result ids (page hashes) for each query, every result. */
async function pagefindRankings(options: { queries: string[] }): Promise<string[][]> {
  const rankings: string[][] = [];
  for (const query of options.queries) {
    const response = await pagefindModule().search(query);
    rankings.push(response?.results.map((result) => result.id) ?? []);
  }
  return rankings;
}

/** Loads the fragment of each Pagefind result id: its url. */
async function pagefindUrls(options: { query: string; ids: string[] }): Promise<string[]> {
  const response = await pagefindModule().search(options.query);
  const byId = new Map(response?.results.map((result) => [result.id, result]) ?? []);
  return Promise.all(options.ids.map(async (id) => (await byId.get(id)?.data())?.url ?? ''));
}

const runner = {
  sidecarFirstResult,
  sidecarQuery,
  pagefindFirstResult,
  pagefindQuery,
  timeQueries,
  pagefindRankings,
  pagefindUrls,
};

/** What the Node side calls, by name. */
export type PageRunner = typeof runner;

(globalThis as unknown as { benchSearch: PageRunner }).benchSearch = runner;
