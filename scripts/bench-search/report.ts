/**
 * The side-by-side tables, the goal verdicts, and the "Search: Sidecar and Pagefind" section of
 * BENCHMARKS.md (replaced on every run, the other sections left as they are).
 */
import { readFile, writeFile } from 'node:fs/promises';
import * as prettier from 'prettier';
import type { BrowserFigures } from './chromium';
import { SAMPLED_CLASSES, type QueryClass } from './query-sets';
import type { ClassScore } from './score';

/** The heading of the section this script owns. */
export const SECTION_HEADING = '## Search: Sidecar and Pagefind';

/** The issue's goal: search-as-you-type within one frame at 20,000 talks. */
export const QUERY_P95_GOAL_MS = 2;

/** Everything measured on one corpus. */
export interface CorpusReport {
  name: string;
  description: string;
  posts: number;
  events: number;
  talks: number;
  speakers: number;
  bundleBytes: number;
  bundleGzipBytes: number;
  /** Judged queries, and distinct query strings timed. */
  queries: number;
  timedQueries: number;
  sidecar: {
    buildMs: number[];
    searchJsGzipBytes: number;
    browser: BrowserFigures;
  };
  pagefind: {
    buildMs: number[];
    files: number;
    bytes: number;
    browser: BrowserFigures;
  };
  classes: { queryClass: QueryClass; sidecar: ClassScore; pagefind: ClassScore }[];
  /**
   * What the second score is: precision@10 against the oracle ('P'), or for the golden set the
   * share of queries naming false friends whose first ten kept them out ('F').
   */
  secondScore: SecondScore;
}

/** The letter of a report's second score: see `CorpusReport.secondScore`. */
export type SecondScore = 'P' | 'F';

/** The machine and versions a run measured on. */
export interface RunInfo {
  date: string;
  command: string;
  machine: string;
  chromium: string;
  node: string;
  pagefind: string;
  rounds: number;
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

function mean(values: readonly number[]): number {
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) / values.length : NaN;
}

function formatBytes(bytes: number): string {
  if (bytes === 0) return '0 B';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms >= 100) return `${Math.round(ms).toLocaleString('en-US')} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

function formatRatio(sidecar: number, pagefind: number): string {
  if (!Number.isFinite(sidecar) || !Number.isFinite(pagefind) || pagefind === 0) return '—';
  const ratio = sidecar / pagefind;
  return ratio >= 10 ? `×${Math.round(ratio)}` : `×${ratio.toFixed(2)}`;
}

function formatScore(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

/** Recall and precision in one cell, as far as they mean something for the class. */
function formatClassScore(score: ClassScore, queryClass: QueryClass, second: SecondScore): string {
  if (queryClass.decoy) return `${second} ${formatScore(score.precision)}`;
  return `R ${formatScore(score.recall)} · ${second} ${formatScore(score.precision)}`;
}

/** How Sidecar compares on a class: recall first, the second score breaks a tie. */
export function compareClass(
  sidecar: ClassScore,
  pagefind: ClassScore,
  queryClass: QueryClass,
): 'ahead' | 'tied' | 'behind' {
  const keys: ('recall' | 'precision')[] = queryClass.decoy
    ? ['precision']
    : ['recall', 'precision'];
  for (const key of keys) {
    const ours = sidecar[key] ?? 0;
    const theirs = pagefind[key] ?? 0;
    if (Math.abs(ours - theirs) > 1e-9) return ours > theirs ? 'ahead' : 'behind';
  }
  return 'tied';
}

/** The bytes of the first visit whose query is the median by bytes. */
function firstVisit(figures: BrowserFigures) {
  const sorted = [...figures.firstVisits].sort((a, b) => a.bytes - b.bytes);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** The rows of one corpus's table. */
function tableRows(report: CorpusReport): string[][] {
  const { sidecar, pagefind } = report;
  const sidecarFirst = firstVisit(sidecar.browser);
  const pagefindFirst = firstVisit(pagefind.browser);
  const sidecarFirstBytes = sidecarFirst?.bytes ?? NaN;
  const pagefindFirstBytes = pagefindFirst?.bytes ?? NaN;
  const sidecarMs = median(sidecar.browser.firstVisits.map((visit) => visit.ms));
  const pagefindMs = median(pagefind.browser.firstVisits.map((visit) => visit.ms));
  const sidecarBuildInPage = median(
    sidecar.browser.firstVisits.map((visit) => visit.buildMs ?? NaN),
  );
  const laterSidecar = mean(sidecar.browser.laterQueryBytes);
  const laterPagefind = mean(pagefind.browser.laterQueryBytes);
  const times = {
    sidecarP50: percentile(sidecar.browser.times, 0.5),
    sidecarP95: percentile(sidecar.browser.times, 0.95),
    pagefindP50: percentile(pagefind.browser.times, 0.5),
    pagefindP95: percentile(pagefind.browser.times, 0.95),
  };
  const rows: string[][] = [
    [
      'index build, Node (median)',
      formatMs(median(sidecar.buildMs)),
      formatMs(median(pagefind.buildMs)),
      formatRatio(median(sidecar.buildMs), median(pagefind.buildMs)),
    ],
    ['index build in the browser', formatMs(sidecarBuildInPage), 'none (built with the site)', ''],
    [
      'bytes before the first result',
      `${formatBytes(sidecarFirstBytes)} (bundle ${formatBytes(report.bundleGzipBytes)} + JS ${formatBytes(sidecar.searchJsGzipBytes)})`,
      `${formatBytes(pagefindFirstBytes)} (${pagefindFirst?.requests ?? 0} files)`,
      formatRatio(sidecarFirstBytes, pagefindFirstBytes),
    ],
    [
      'bytes per later query, mean (max)',
      `${formatBytes(laterSidecar)} (${formatBytes(Math.max(0, ...sidecar.browser.laterQueryBytes))})`,
      `${formatBytes(laterPagefind)} (${formatBytes(Math.max(0, ...pagefind.browser.laterQueryBytes))})`,
      '',
    ],
    [
      'first result, cold, loopback (median)',
      formatMs(sidecarMs),
      formatMs(pagefindMs),
      formatRatio(sidecarMs, pagefindMs),
    ],
    [
      'query p50, warm',
      formatMs(times.sidecarP50),
      formatMs(times.pagefindP50),
      formatRatio(times.sidecarP50, times.pagefindP50),
    ],
    [
      'query p95, warm',
      formatMs(times.sidecarP95),
      formatMs(times.pagefindP95),
      formatRatio(times.sidecarP95, times.pagefindP95),
    ],
  ];
  for (const { queryClass, sidecar: ours, pagefind: theirs } of report.classes) {
    rows.push([
      `${queryClass.id} (${ours.queries})${queryClass.chinese ? ' ᶻʰ' : ''}`,
      formatClassScore(ours, queryClass, report.secondScore),
      formatClassScore(theirs, queryClass, report.secondScore),
      compareClass(ours, theirs, queryClass),
    ]);
  }
  return rows;
}

/** A Markdown table with right-aligned figures. */
function markdownTable(rows: string[][]): string {
  const header = ['measure', 'Sidecar', 'Pagefind', 'Sidecar vs Pagefind'];
  const lines = [
    `| ${header.join(' | ')} |`,
    '| --- | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** The bytes both engines download, and after how many new queries Pagefind's total catches up. */
function describeBytes(report: CorpusReport): string {
  const ours = firstVisit(report.sidecar.browser)?.bytes ?? NaN;
  const theirs = firstVisit(report.pagefind.browser)?.bytes ?? NaN;
  const perQuery = mean(report.pagefind.browser.laterQueryBytes);
  if (ours <= theirs) {
    return `Bytes: Sidecar downloads less before its first result (${formatBytes(ours)} against ${formatBytes(theirs)}) and nothing for later queries.`;
  }
  const catchUp = perQuery > 0 ? Math.ceil((ours - theirs) / perQuery) : Infinity;
  return `Bytes: Sidecar downloads ${formatRatio(ours, theirs)} as much before its first result (${formatBytes(ours)} against ${formatBytes(theirs)}): the whole bundle, every record with its page text, which the app keeps for offline use anyway. After that no query downloads anything, while Pagefind fetches ${formatBytes(perQuery)} per new query on average, so Pagefind stays ahead on bytes ${Number.isFinite(catchUp) ? `for about the first ${catchUp.toLocaleString('en-US')} new queries of a visit` : 'however many queries follow'}.`;
}

/** The goal verdicts of one corpus, as sentences. */
export function verdicts(report: CorpusReport): string[] {
  const chinese = report.classes.filter(({ queryClass }) => queryClass.chinese);
  const outcomes = chinese.map(({ queryClass, sidecar, pagefind }) => ({
    id: queryClass.id,
    outcome: compareClass(sidecar, pagefind, queryClass),
  }));
  const behind = outcomes.filter((item) => item.outcome === 'behind').map((item) => item.id);
  const tied = outcomes.filter((item) => item.outcome === 'tied').map((item) => item.id);
  const p50 = percentile(report.sidecar.browser.times, 0.5);
  const p95 = percentile(report.sidecar.browser.times, 0.95);
  const pagefindP50 = percentile(report.pagefind.browser.times, 0.5);
  const pagefindP95 = percentile(report.pagefind.browser.times, 0.95);
  const lines = [
    chinese.length === 0
      ? 'No Chinese query class applies.'
      : behind.length > 0
        ? `Chinese query classes: Sidecar behind on ${behind.join(', ')}${tied.length ? `, tied on ${tied.join(', ')}` : ''}, ahead on the other ${outcomes.length - behind.length - tied.length} of ${outcomes.length} (goal missed).`
        : tied.length > 0
          ? `Chinese query classes: Sidecar ahead on ${outcomes.length - tied.length} of ${outcomes.length}, tied on ${tied.join(', ')} (both engines score the same there), behind on none.`
          : `Chinese query classes: Sidecar ahead on all ${outcomes.length} (goal met).`,
    `Latency: Sidecar p50 ${formatMs(p50)} and p95 ${formatMs(p95)} against Pagefind's ${formatMs(pagefindP50)} and ${formatMs(pagefindP95)} (${p50 < pagefindP50 && p95 < pagefindP95 ? 'goal met' : 'goal missed'}).`,
    describeBytes(report),
  ];
  if (report.talks >= 20_000 * 0.95) {
    lines.push(
      `Search-as-you-type at ${report.talks.toLocaleString('en-US')} talks: Sidecar p95 ${formatMs(p95)} against the ${QUERY_P95_GOAL_MS} ms goal (${p95 <= QUERY_P95_GOAL_MS ? 'met' : 'missed'}).`,
    );
  }
  return lines;
}

/** One corpus: its heading line, its sizes, the table and the verdicts. */
export function corpusSection(report: CorpusReport): string {
  return [
    `### ${report.name}: ${report.events.toLocaleString('en-US')} events, ${report.talks.toLocaleString('en-US')} talks, ${report.speakers.toLocaleString('en-US')} speakers`,
    '',
    `${report.description}; ${report.posts.toLocaleString('en-US')} posts; bundle ${formatBytes(report.bundleBytes)} (${formatBytes(report.bundleGzipBytes)} gzip); Pagefind site ${report.pagefind.files.toLocaleString('en-US')} files, ${formatBytes(report.pagefind.bytes)}; ${report.queries} judged queries, ${report.timedQueries} distinct queries timed.`,
    '',
    markdownTable(tableRows(report)),
    '',
    ...verdicts(report).map((line) => `- ${line}`),
    `- First visits, bytes (Sidecar / Pagefind): ${describeFirstVisits(report)}.`,
  ].join('\n');
}

/** Each first visit's query and what it cost both engines. */
function describeFirstVisits(report: CorpusReport): string {
  return report.sidecar.browser.firstVisits
    .map((visit, at) => {
      const theirs = report.pagefind.browser.firstVisits[at];
      return `\`${visit.query}\` ${formatBytes(visit.bytes)} / ${formatBytes(theirs?.bytes ?? NaN)} (${theirs?.requests ?? 0} files)`;
    })
    .join(', ');
}

/** What the figures mean and how they were taken, once for the whole section. */
function methodNotes(info: RunInfo): string {
  return [
    `Measured ${info.date} on ${info.machine}; ${info.chromium}, headless, through playwright-core; Node ${info.node}; Pagefind ${info.pagefind}. Command: \`${info.command}\`. One run: both engines side by side on each corpus; the machine is shared, so read ratios, not the last millisecond.`,
    '',
    "- **Records**: one per event, talk and speaker. Pagefind gets each record as a custom record (`/events/<id>`, `/talks/<id>`, `/speakers/<id>`) with the text Sidecar indexes for it (title, names, pinyin, companies, event title, abstract or summary, city and its pinyin, venue, series, tags). Every record is indexed as `zh`: Pagefind keeps one index per language and its client loads only the page language's index, so split zh/en records could never answer one query; under `zh` Han text is segmented and Latin words are still words.",
    '- **Index build**: Sidecar `ContentIndex.build(bundle)` in Node, median of the builds; Pagefind from starting its service to `writeFiles` done (its Node API driving its binary). Sidecar also builds its index on the client on a first visit (the app does it in its data worker, then stores a dump); that build is timed here in the page.',
    '- **Bytes before the first result**: body bytes the server sent (text files gzip -9, as a server would send them) from a fresh context until a result list with titles shows: for Sidecar the bundle JSON and its search module (content-index.ts with its encoder and FlexSearch, bundled and minified by esbuild: a stand-in for the search part of the data worker, whose IndexedDB and messaging code is left out); for Pagefind `pagefind.js`, its worker, WebAssembly, entry and meta files, the index chunks of the query and the fragments of the top 10 results (a result list needs their titles). Median over three first queries (Chinese, English, a name), each in a fresh context.',
    '- **Bytes per later query**: the same count for every other query of the mix, each asked once after the first; Sidecar has everything locally. Mean and largest.',
    `- **Query latency**: \`performance.now()\` around \`index.search(q, { limit: 10 })\` (Sidecar, in memory, synchronous) and \`await pagefind.search(q)\` (Pagefind's JavaScript API, result ids without fragments), in the same page, cross-origin isolated (timer resolution 5 µs); ${info.rounds} rounds over the mix after every query was asked once.`,
    "- **Recall@10 and precision@10 (R · P)**: both engines read per kind, as Sidecar shows results: the top 10 events, talks and speakers (Pagefind's single ranking split by url, which favours Pagefind). Recall: relevant records shown over min(10, relevant) per kind, summed over kinds, mean over queries; precision: relevant shown over shown (an empty answer counts 1 when nothing is relevant). On the sampled corpora, queries are drawn per class from the records (seeded) and an oracle judges relevance from the same text: a Han run of the query must occur in the record as it is (a Traditional query is judged as its Simplified source), a Latin run must begin one of its words, all runs must match. On the golden set, the expectations of `tests/search/golden-queries.ts` for every query without filters (Pagefind has none of the project's), asked of Sidecar on `GOLDEN_TODAY`: R is recall of the `expect`ed ids, F the share of queries that name false friends (`reject`, or `exclusive` with `allow`) whose first ten keep them out; the rank rules and typo caps are the app's own and stay with `golden.test.ts`. Sidecar's cross-language glossary hits (`observability` also finds 可观测性 events) count as not relevant in P, since the oracle reads text literally. ᶻʰ marks the classes typed by someone writing Chinese, which the goal counts.",
    `- **Query classes** of the sampled corpora (\`--queries\` each, fewer where the corpus lacks candidates): ${SAMPLED_CLASSES.map((item) => `\`${item.id}\` ${item.label}`).join('; ')}. The golden classes are described in \`QUERY_CLASSES\` of \`tests/search/golden-queries.ts\`.`,
  ].join('\n');
}

/** The whole section, heading included. */
export function benchmarkSection(info: RunInfo, reports: CorpusReport[]): string {
  return [
    SECTION_HEADING,
    '',
    methodNotes(info),
    '',
    ...reports.flatMap((report) => [corpusSection(report), '']),
  ].join('\n');
}

/** Prints one corpus's table to the terminal. */
export function printCorpus(report: CorpusReport): string {
  return `\n${corpusSection(report)}\n`;
}

/**
 * Replaces (or appends) the section in `file`, keeping every other section as it is. The section
 * is formatted by Prettier with the project's options, its prose wrapped to the print width as
 * the rest of the file is, so `npm run lint` stays clean.
 */
export async function recordSection(file: string, rawSection: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  const section = await prettier.format(rawSection, {
    ...options,
    filepath: file,
    proseWrap: 'always',
  });
  const text = await readFile(file, 'utf8');
  const start = text.indexOf(`${SECTION_HEADING}\n`);
  if (start === -1) {
    await writeFile(file, `${text.trimEnd()}\n\n${section.trimEnd()}\n`);
    return;
  }
  const next = text.indexOf('\n## ', start + SECTION_HEADING.length);
  const rest = next === -1 ? '' : text.slice(next + 1);
  await writeFile(file, `${text.slice(0, start)}${section.trimEnd()}\n${rest ? `\n${rest}` : ''}`);
}
