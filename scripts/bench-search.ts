/**
 * `npm run bench:search [-- --talks 20000] [--seed 42] [--rounds 5] [--queries 30] [--builds 3]
 *  [--skip-golden] [--skip-real] [--skip-synthetic] [--skip-record]`
 *
 * Sidecar's search against Pagefind on the same corpora, side by side in one run: the golden set
 * (the seed posts and the search fixtures, with the golden queries), the real posts of
 * `../shared/corpus/posts`, and a seeded synthetic corpus of about 20,000 talks. For each it
 * reports index build time, the bytes a client downloads before its first result and for each
 * later query, warm query latency in the same Chromium, and recall@10 (precision@10 where the
 * truth is complete) per query class; then it replaces the "Search: Sidecar and Pagefind"
 * section of BENCHMARKS.md. See `scripts/bench-search/report.ts` for what each figure means.
 *
 * Corpora are compiled in this process (`.sidecar/bundle.json` is never written); the synthetic
 * posts, both sites and the browser profile live under the OS temp folder and are removed.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { ContentIndex } from '../src/lib/search/content-index';
import { bundlePageRunner, bundleSearchModule } from './bench-search/bundle-scripts';
import {
  launchChromium,
  measureEngine,
  pagefindRankings,
  pagefindUrls,
  PAGEFIND_PREFIX,
  SIDECAR_BUNDLE_URL,
  SIDECAR_MODULE_URL,
} from './bench-search/chromium';
import { compileRealCorpus, compileSyntheticCorpus, type Corpus } from './bench-search/corpora';
import { GOLDEN_TODAY, loadGoldenSet, scoreGoldenQuery } from './bench-search/golden';
import { buildPagefindSite, closePagefind, readFragmentUrls } from './bench-search/pagefind-site';
import {
  Oracle,
  SAMPLED_CLASSES,
  sampleQueries,
  type JudgedQuery,
  type QueryClass,
} from './bench-search/query-sets';
import { collectRecords, KINDS, parseRecordUrl, type IdsByKind } from './bench-search/records';
import {
  benchmarkSection,
  printCorpus,
  recordSection,
  type CorpusReport,
  type RunInfo,
  type SecondScore,
} from './bench-search/report';
import { RESULT_LIMIT, scoreClasses, scoreQuery, type QueryScore } from './bench-search/score';
import { gzipSize, PAGE_HTML, precompress, serveCounting } from './bench-search/site';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REAL_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'posts');
const BENCHMARKS = path.join(ROOT, 'BENCHMARKS.md');

const DEFAULTS = { talks: 20_000, seed: 42, rounds: 5, queries: 30, builds: 3 };
/** Most distinct queries timed per corpus. */
const MAX_TIMED_QUERIES = 400;
/** The classes whose first query opens a fresh first visit: Chinese, English, a name. */
const FIRST_VISIT_CLASSES = ['zh-words', 'latin-word', 'zh-name'];
const FIRST_VISITS = 3;

const USAGE =
  'Usage: npm run bench:search -- [--talks 20000] [--seed 42] [--rounds 5] [--queries 30] [--builds 3] [--skip-golden] [--skip-real] [--skip-synthetic] [--skip-record]';

function parseCommandLine() {
  const { values } = parseArgs({
    options: {
      talks: { type: 'string', default: String(DEFAULTS.talks) },
      seed: { type: 'string', default: String(DEFAULTS.seed) },
      rounds: { type: 'string', default: String(DEFAULTS.rounds) },
      queries: { type: 'string', default: String(DEFAULTS.queries) },
      builds: { type: 'string', default: String(DEFAULTS.builds) },
      'skip-golden': { type: 'boolean', default: false },
      'skip-real': { type: 'boolean', default: false },
      'skip-synthetic': { type: 'boolean', default: false },
      'skip-record': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const numbers = {
    talks: Number(values.talks),
    seed: Number(values.seed),
    rounds: Number(values.rounds),
    queries: Number(values.queries),
    builds: Number(values.builds),
  };
  if (!Object.values(numbers).every((value) => Number.isInteger(value) && value > 0)) {
    throw new Error(USAGE);
  }
  return {
    ...numbers,
    skipGolden: values['skip-golden'],
    skipReal: values['skip-real'],
    skipSynthetic: values['skip-synthetic'],
    skipRecord: values['skip-record'],
  };
}

type Options = ReturnType<typeof parseCommandLine>;

function log(message: string): void {
  process.stdout.write(`[bench:search] ${message}\n`);
}

/** Builds Sidecar's index `builds` times; the build times and the last index. */
function buildSidecar(corpus: Corpus, builds: number): { buildMs: number[]; index: ContentIndex } {
  const buildMs: number[] = [];
  let index: ContentIndex | null = null;
  for (let run = 0; run < builds; run += 1) {
    index = null;
    const started = performance.now();
    index = ContentIndex.build(corpus.bundle);
    buildMs.push(performance.now() - started);
  }
  if (!index) throw new Error('no Sidecar build');
  return { buildMs, index };
}

/** One corpus with its judged queries and how an answer is scored. */
interface QuerySet {
  corpus: Corpus;
  judged: JudgedQuery[];
  classes: readonly QueryClass[];
  secondScore: SecondScore;
  /** Scores the answer to the query at `position`. */
  score(position: number, found: IdsByKind): QueryScore;
  /** The day Sidecar is asked on (it ranks upcoming events first); today when not given. */
  today?: string;
}

/** Sidecar's answers, per kind, best first. */
function sidecarAnswers(
  index: ContentIndex,
  queries: readonly JudgedQuery[],
  today: string | undefined,
): IdsByKind[] {
  return queries.map((judged) => {
    const found = index.search(judged.query, { limit: RESULT_LIMIT, ...(today && { today }) });
    return { events: found.events, talks: found.talks, speakers: found.speakers };
  });
}

/** Splits Pagefind's single ranking of each query into per-kind lists of record ids. */
async function pagefindAnswers(
  rankings: string[][],
  queries: readonly JudgedQuery[],
  urls: Map<string, string>,
  lookUp: (query: string, ids: string[]) => Promise<string[]>,
): Promise<{ answers: IdsByKind[]; lookedUp: number }> {
  const answers: IdsByKind[] = [];
  let lookedUp = 0;
  for (const [position, ranking] of rankings.entries()) {
    const missing = ranking.filter((id) => !urls.has(id));
    if (missing.length > 0) {
      lookedUp += missing.length;
      const found = await lookUp(queries[position]?.query ?? '', missing);
      missing.forEach((id, at) => urls.set(id, found[at] ?? ''));
    }
    const answer: IdsByKind = { events: [], talks: [], speakers: [] };
    for (const id of ranking) {
      const record = parseRecordUrl(urls.get(id) ?? '');
      if (record && answer[record.kind].length < RESULT_LIMIT) answer[record.kind].push(record.id);
      if (KINDS.every((kind) => answer[kind].length >= RESULT_LIMIT)) break;
    }
    answers.push(answer);
  }
  return { answers, lookedUp };
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.gz')) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** The first query of each first-visit class (or the first queries), distinct. */
function firstQueries(queries: readonly JudgedQuery[]): string[] {
  const chosen = FIRST_VISIT_CLASSES.flatMap(
    (name) => queries.find((query) => query.class === name)?.query ?? [],
  );
  for (const query of queries) {
    if (chosen.length >= FIRST_VISITS) break;
    if (!chosen.includes(query.query)) chosen.push(query.query);
  }
  return [...new Set(chosen)].slice(0, FIRST_VISITS);
}

/** Runs both engines on one corpus and scores them. */
async function benchCorpus(
  set: QuerySet,
  browser: Browser,
  work: string,
  options: Options,
): Promise<CorpusReport> {
  const { corpus, judged } = set;
  const { bundle } = corpus;
  log(
    `${corpus.name}: ${bundle.events.length} events, ${bundle.talks.length} talks, ${bundle.speakers.length} speakers; ${judged.length} judged queries`,
  );
  const records = collectRecords(bundle);

  const sidecar = buildSidecar(corpus, options.builds);
  log(`  Sidecar build: ${sidecar.buildMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);

  const site = path.join(work, corpus.name);
  await mkdir(path.join(site, 'bench'), { recursive: true });
  await mkdir(path.join(site, 'sidecar'), { recursive: true });
  await writeFile(path.join(site, 'index.html'), PAGE_HTML);
  await bundlePageRunner(path.join(site, 'bench', 'runner.js'));
  const moduleFile = path.join(site, SIDECAR_MODULE_URL);
  await bundleSearchModule(moduleFile);
  const bundleJson = Buffer.from(`${JSON.stringify(bundle)}\n`);
  await writeFile(path.join(site, SIDECAR_BUNDLE_URL), bundleJson);

  const pagefindBuildMs: number[] = [];
  const pagefindDir = path.join(site, PAGEFIND_PREFIX);
  for (let run = 0; run < options.builds; run += 1) {
    const output = run === options.builds - 1 ? pagefindDir : path.join(work, `pagefind-${run}`);
    pagefindBuildMs.push((await buildPagefindSite(records, output)).buildMs);
    if (output !== pagefindDir) await rm(output, { recursive: true, force: true });
  }
  log(`  Pagefind build: ${pagefindBuildMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  const pagefindSize = await folderSize(pagefindDir);
  const fragmentUrls = await readFragmentUrls(pagefindDir);
  await precompress(site);

  const queries = [...new Set(judged.map((query) => query.query))].slice(0, MAX_TIMED_QUERIES);
  const measureOptions = {
    firstQueries: firstQueries(judged),
    queries,
    rounds: options.rounds,
    limit: RESULT_LIMIT,
  };
  const server = await serveCounting(site);
  try {
    const sidecarRun = await measureEngine(browser, server, 'sidecar', measureOptions);
    await sidecarRun.page.context().close();
    log(`  Sidecar in Chromium: ${sidecarRun.figures.times.length} timed queries`);
    const pagefindRun = await measureEngine(browser, server, 'pagefind', measureOptions);
    log(`  Pagefind in Chromium: ${pagefindRun.figures.times.length} timed queries`);
    const rankings = await pagefindRankings(
      pagefindRun.page,
      judged.map((query) => query.query),
    );
    const { answers: pagefindFound, lookedUp } = await pagefindAnswers(
      rankings,
      judged,
      fragmentUrls,
      (query, ids) => pagefindUrls(pagefindRun.page, query, ids),
    );
    await pagefindRun.page.context().close();
    if (lookedUp > 0) log(`  ${lookedUp} Pagefind results had no fragment file of their id`);

    const sidecarFound = sidecarAnswers(sidecar.index, judged, set.today);
    const sidecarScores = scoreClasses(
      judged,
      judged.map((_, at) => set.score(at, sidecarFound[at] ?? emptyIds())),
    );
    const pagefindScores = scoreClasses(
      judged,
      judged.map((_, at) => set.score(at, pagefindFound[at] ?? emptyIds())),
    );
    return {
      name: corpus.name,
      description: corpus.description,
      posts: corpus.posts,
      events: bundle.events.length,
      talks: bundle.talks.length,
      speakers: bundle.speakers.length,
      bundleBytes: bundleJson.length,
      bundleGzipBytes: gzipSize(bundleJson),
      queries: judged.length,
      timedQueries: queries.length,
      sidecar: {
        buildMs: sidecar.buildMs,
        searchJsGzipBytes: gzipSize(readFileSync(moduleFile)),
        browser: sidecarRun.figures,
      },
      pagefind: {
        buildMs: pagefindBuildMs,
        files: pagefindSize.files,
        bytes: pagefindSize.bytes,
        browser: pagefindRun.figures,
      },
      classes: set.classes.flatMap((queryClass) => {
        const ours = sidecarScores.get(queryClass.id);
        const theirs = pagefindScores.get(queryClass.id);
        return ours && theirs ? [{ queryClass, sidecar: ours, pagefind: theirs }] : [];
      }),
      secondScore: set.secondScore,
    };
  } finally {
    await server.close();
    await rm(site, { recursive: true, force: true });
  }
}

function judgedAt(judged: readonly JudgedQuery[], position: number): JudgedQuery {
  const query = judged[position];
  if (!query) throw new Error(`no judged query at ${position}`);
  return query;
}

function emptyIds(): IdsByKind {
  return { events: [], talks: [], speakers: [] };
}

/** The CPU model, core count and memory of this machine. */
/** A system file's text, or '' where the system has none. */
function readSystemFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function describeMachine(): string {
  const model =
    /^model name\s*:\s*(.+)$/m.exec(readSystemFile('/proc/cpuinfo'))?.[1]?.trim() ??
    os.cpus()[0]?.model ??
    'unknown CPU';
  const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
  const system =
    /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readSystemFile('/etc/os-release'))?.[1] ??
    `${os.type()} ${os.release()}`;
  return `${model}, ${os.availableParallelism()} cores, ${memory} GiB, ${system}`;
}

function commandOf(options: Options): string {
  const flags = [
    options.talks !== DEFAULTS.talks && `--talks ${options.talks}`,
    options.seed !== DEFAULTS.seed && `--seed ${options.seed}`,
    options.rounds !== DEFAULTS.rounds && `--rounds ${options.rounds}`,
    options.queries !== DEFAULTS.queries && `--queries ${options.queries}`,
    options.builds !== DEFAULTS.builds && `--builds ${options.builds}`,
    options.skipGolden && '--skip-golden',
    options.skipReal && '--skip-real',
    options.skipSynthetic && '--skip-synthetic',
  ].filter(Boolean);
  return `npm run bench:search${flags.length ? ` -- ${flags.join(' ')}` : ''}`;
}

function packageVersion(name: string): string {
  const file = path.join(ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const options = parseCommandLine();
  const work = await mkdtemp(path.join(os.tmpdir(), 'sidecar-bench-search-'));
  const browser = await launchChromium();
  const chromiumVersion = browser.version();
  const reports: CorpusReport[] = [];
  try {
    const run = async (set: QuerySet) => {
      const report = await benchCorpus(set, browser, work, options);
      reports.push(report);
      process.stdout.write(printCorpus(report));
    };
    const sampled = (corpus: Corpus): QuerySet => {
      const oracle = new Oracle(collectRecords(corpus.bundle));
      const judged = sampleQueries(corpus.bundle, oracle, options.queries, options.seed);
      return {
        corpus,
        judged,
        classes: SAMPLED_CLASSES,
        secondScore: 'P',
        score: (position, found) => scoreQuery(judgedAt(judged, position), found),
      };
    };

    if (!options.skipGolden) {
      const golden = await loadGoldenSet(ROOT);
      if (golden.skipped > 0) log(`golden: ${golden.skipped} queries carry filters; left out`);
      await run({
        corpus: golden.corpus,
        judged: golden.queries,
        classes: golden.classes,
        secondScore: 'F',
        today: GOLDEN_TODAY,
        score: (position, found) => {
          const source = golden.sources[position];
          const judged = judgedAt(golden.queries, position);
          if (!source) throw new Error(`no golden query at ${position}`);
          return scoreGoldenQuery(source, judged, found);
        },
      });
    }
    if (!options.skipReal) await run(sampled(await compileRealCorpus(REAL_CORPUS)));
    if (!options.skipSynthetic) {
      await run(sampled(await compileSyntheticCorpus(options.talks, options.seed)));
    }
  } finally {
    await browser.close().catch(() => undefined);
    await closePagefind().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  }

  if (options.skipRecord || reports.length === 0) return;
  const info: RunInfo = {
    date: new Date().toISOString().slice(0, 10),
    command: commandOf(options),
    machine: describeMachine(),
    chromium: `Chromium ${chromiumVersion}`,
    node: process.versions.node,
    pagefind: packageVersion('pagefind'),
    rounds: options.rounds,
  };
  await recordSection(BENCHMARKS, benchmarkSection(info, reports));
  log('BENCHMARKS.md: "Search: Sidecar and Pagefind" replaced');
}

await main();
