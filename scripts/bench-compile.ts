/**
 * `npm run bench:compile [-- --sizes 100,1000,10000] [--seed 42]`
 * `npm run bench:compile -- --content DIR [--runs 5]`
 *
 * Compiles seeded synthetic corpora of each size with the real compiler CLI in a child process and
 * reports, side by side: throughput, the child's peak resident memory, bundle bytes per talk (raw,
 * gzip, brotli) and the talks found against the talks written. A run on an empty corpus measures
 * the fixed cost of starting Node and the compiler, so per-post times can be compared across sizes.
 * Corpora are written under the OS temp folder and removed afterwards.
 *
 * With `--content DIR`, compiles that folder (a real site) `--runs` times instead, alternating the
 * command `npm run content` runs (the bundled compiler, `scripts/run-bundled.js`) with the CLI run
 * from its sources through tsx, and prints each one's median wall and CPU time and whether both
 * wrote the same bundle. `--against CHECKOUT` adds the bundled compiler of another checkout of
 * Sidecar (say, a worktree of the commit before a change, with its packages installed) to the
 * rotation, so a change is timed side by side with what it replaces, under the same load.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { writeSyntheticCorpus, type SyntheticCorpus } from './synthetic-corpus';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The compiler as `npm run content` runs it: bundled, then run by plain Node. */
const BUNDLED_COMPILER = [
  path.join(ROOT, 'scripts', 'run-bundled.js'),
  path.join(ROOT, 'src', 'compiler', 'cli.ts'),
];
/** The compiler run from its TypeScript sources through tsx's loader. */
const SOURCE_COMPILER = ['--import', 'tsx', path.join(ROOT, 'src', 'compiler', 'cli.ts')];
const DEFAULT_SIZES = [100, 1_000, 10_000];
const DEFAULT_SEED = 42;
const DEFAULT_RUNS = 5;
/** GNU time (Debian package `time`) reports the child's CPU seconds and peak RSS in KiB. */
const GNU_TIME = '/usr/bin/time';
/** Per-post time may grow by this factor between sizes and still count as linear. */
const LINEAR_TOLERANCE = 1.3;
/** Compression as a static host would precompress the bundle once at build time. */
const GZIP_LEVEL = 9;
const BROTLI_QUALITY = 11;
/** Exit codes of a CLI run that wrote its bundle: clean, or with error diagnostics in the report. */
const COMPLETED_EXIT_CODES = new Set([0, 1]);
/** How much of a crashed run's output to show. */
const CRASH_TAIL_LINES = 20;

/** The format of GNU time's report: user and system CPU seconds, then peak RSS in KiB. */
const GNU_TIME_FORMAT = '%U %S %M';

/**
 * Reports the CPU time and peak RSS of the process it is loaded into, as GNU time would; used when
 * GNU time is missing. It misses the CPU time of child processes (esbuild when it bundles).
 */
const RESOURCE_HOOK = `
import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const usage = process.resourceUsage();
  const seconds = (microseconds) => microseconds / 1e6;
  writeFileSync(
    process.env.SIDECAR_RESOURCE_FILE,
    [seconds(usage.userCPUTime), seconds(usage.systemCPUTime), usage.maxRSS].join(' '),
  );
});
`;

interface CompileRun {
  exitCode: number | null;
  seconds: number;
  /** User plus system CPU time of the child, all its threads. */
  cpuSeconds: number | null;
  peakRssKiB: number | null;
  /** The CLI's closing summary line. */
  summary: string;
  /** The end of what the CLI printed, shown when it crashed. */
  tail: string;
}

interface Measurement {
  corpus: SyntheticCorpus;
  run: CompileRun;
  bundle: { raw: number; gzip: number; brotli: number; events: number; talks: number } | null;
}

const USAGE =
  'Usage: npm run bench:compile -- [--sizes 100,1000,10000] [--seed 42]\n' +
  '       npm run bench:compile -- --content DIR [--runs 5] [--against CHECKOUT]';

type Options =
  | { kind: 'synthetic'; sizes: number[]; seed: number }
  | { kind: 'site'; content: string; runs: number; against: string | null };

function parseCommandLine(): Options {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      content: { type: 'string' },
      runs: { type: 'string', default: String(DEFAULT_RUNS) },
      against: { type: 'string' },
    },
    strict: true,
  });
  if (values.content !== undefined) {
    const runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) throw new Error(USAGE);
    const against = values.against === undefined ? null : path.resolve(values.against);
    if (against && !existsSync(path.join(against, 'scripts', 'run-bundled.js'))) {
      throw new Error(`${against} is not a checkout of Sidecar with scripts/run-bundled.js.`);
    }
    return { kind: 'site', content: path.resolve(values.content), runs, against };
  }
  const sizes = values.sizes.split(',').map((size) => Number(size.trim().replace(/_/g, '')));
  const seed = Number(values.seed);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(seed)) {
    throw new Error(USAGE);
  }
  return { kind: 'synthetic', sizes: [...new Set(sizes)].sort((a, b) => a - b), seed };
}

/**
 * Runs a compiler (`BUNDLED_COMPILER` unless told) on `contentDir` and measures the child: wall
 * time, CPU time and peak RSS.
 */
async function runCompiler(
  contentDir: string,
  bundleFile: string,
  work: string,
  compiler: string[] = BUNDLED_COMPILER,
): Promise<CompileRun> {
  const cliArgs = [...compiler, '--content', contentDir, '--out', bundleFile];
  const resourceFile = path.join(work, 'resources');
  await rm(resourceFile, { force: true });
  let command: string;
  let args: string[];
  const environment = { ...process.env };
  if (existsSync(GNU_TIME)) {
    command = GNU_TIME;
    args = ['-f', GNU_TIME_FORMAT, '-o', resourceFile, process.execPath, ...cliArgs, '--quiet'];
  } else {
    const hook = path.join(work, 'resource-hook.mjs');
    await writeFile(hook, RESOURCE_HOOK);
    command = process.execPath;
    args = ['--import', hook, ...cliArgs, '--quiet'];
    environment.SIDECAR_RESOURCE_FILE = resourceFile;
  }

  const started = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;

  let cpuSeconds: number | null = null;
  let peakRssKiB: number | null = null;
  try {
    const report = (await readFile(resourceFile, 'utf8')).trim().split('\n').at(-1) ?? '';
    const [user, system, rss] = report.split(' ').map(Number);
    if (user !== undefined && system !== undefined && Number.isFinite(user + system))
      cpuSeconds = user + system;
    if (rss !== undefined && Number.isFinite(rss)) peakRssKiB = rss;
  } catch {
    // The child died before reporting; the table shows '?'.
  }
  const lines = output.trim().split('\n');
  return {
    exitCode,
    seconds,
    cpuSeconds,
    peakRssKiB,
    summary: lines.at(-1) ?? '',
    tail: lines.slice(-CRASH_TAIL_LINES).join('\n'),
  };
}

async function measureBundle(bundleFile: string): Promise<Measurement['bundle']> {
  if (!existsSync(bundleFile)) return null;
  const bytes = await readFile(bundleFile);
  const bundle = JSON.parse(bytes.toString('utf8')) as { events?: unknown[]; talks?: unknown[] };
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: GZIP_LEVEL }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
        [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
        [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
    events: bundle.events?.length ?? 0,
    talks: bundle.talks?.length ?? 0,
  };
}

function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

function perTalk(bytes: number, talks: number): string {
  return talks > 0 ? formatNumber(bytes / talks) : 'n/a';
}

/** The middle value; the mean of the two middle ones for an even count. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** A bundle's text without its time stamp, the one part that differs from run to run. */
async function readBundleUnstamped(bundleFile: string): Promise<string> {
  return (await readFile(bundleFile, 'utf8')).replace(/"generatedAt":"[^"]*"/, '');
}

/** Compiles synthetic corpora of each size; true when every compile completed. */
async function benchSynthetic(sizes: number[], seed: number, work: string): Promise<boolean> {
  let failed = false;
  const empty = path.join(work, 'empty');
  await mkdir(empty);
  const startup = await runCompiler(empty, path.join(work, 'empty.json'), work);
  if (startup.exitCode !== 0) {
    throw new Error(
      `The compiler failed on an empty corpus (exit ${startup.exitCode}):\n${startup.tail}`,
    );
  }
  console.log(`startup (empty corpus): ${formatNumber(startup.seconds, 2)} s\n`);

  const measurements: Measurement[] = [];
  for (const size of sizes) {
    const content = path.join(work, `corpus-${size}`);
    const bundleFile = path.join(work, `bundle-${size}.json`);
    process.stderr.write(`writing ${formatNumber(size)} posts… `);
    const corpus = await writeSyntheticCorpus(content, size, seed);
    process.stderr.write('compiling… ');
    const run = await runCompiler(content, bundleFile, work);
    const bundle = await measureBundle(bundleFile);
    process.stderr.write(`${formatNumber(run.seconds, 2)} s\n`);
    if (!COMPLETED_EXIT_CODES.has(run.exitCode ?? -1) || !bundle) {
      failed = true;
      process.stderr.write(
        `The compiler failed (exit ${run.exitCode}) on ${size} posts:\n${run.tail}\n`,
      );
    }
    measurements.push({ corpus, run, bundle });
    await rm(content, { recursive: true, force: true });
    await rm(bundleFile, { force: true });
  }

  console.log('');
  printTable(
    [
      'posts',
      'corpus MB',
      'wall s',
      'posts/s',
      'net posts/s',
      'peak RSS MB',
      'talks found/written',
      'B/talk raw',
      'gzip',
      'brotli',
    ],
    measurements.map(({ corpus, run, bundle }) => {
      const net = run.seconds - startup.seconds;
      return [
        formatNumber(corpus.posts),
        formatNumber(corpus.bytes / 2 ** 20, 1),
        formatNumber(run.seconds, 2),
        formatNumber(corpus.posts / run.seconds),
        net > 0 ? formatNumber(corpus.posts / net) : 'n/a',
        run.peakRssKiB === null ? '?' : formatNumber(run.peakRssKiB / 1024),
        `${bundle ? formatNumber(bundle.talks) : '?'}/${formatNumber(corpus.talks)}`,
        bundle ? perTalk(bundle.raw, bundle.talks) : '?',
        bundle ? perTalk(bundle.gzip, bundle.talks) : '?',
        bundle ? perTalk(bundle.brotli, bundle.talks) : '?',
      ];
    }),
  );

  console.log('');
  for (const { corpus, run } of measurements) {
    const errors = run.exitCode === 1 ? ' (exit 1: error diagnostics)' : '';
    console.log(`${formatNumber(corpus.posts)} posts: ${run.summary}${errors}`);
  }

  // Linear growth: the time per post, after the fixed start-up cost, stays about the same.
  console.log('');
  for (let index = 1; index < measurements.length; index += 1) {
    const smaller = measurements[index - 1];
    const larger = measurements[index];
    if (!smaller || !larger) continue;
    const perPost = (measurement: Measurement) =>
      Math.max(measurement.run.seconds - startup.seconds, 0) / measurement.corpus.posts;
    const before = perPost(smaller);
    const after = perPost(larger);
    const sizes = `${formatNumber(larger.corpus.posts)} vs ${formatNumber(smaller.corpus.posts)} posts`;
    if (before <= 0 || after <= 0) {
      console.log(`growth ${sizes}: too fast to tell apart from start-up; use larger sizes`);
      continue;
    }
    const ratio = after / before;
    const verdict = ratio <= LINEAR_TOLERANCE ? 'linear' : 'SUPERLINEAR';
    console.log(
      `growth ${sizes}: per-post time x${formatNumber(ratio, 2)} (${verdict}; linear means <= x${LINEAR_TOLERANCE})`,
    );
  }
  return !failed;
}

/** A compiler to time: how it is named in the table, its command, and whose checkout it is. */
interface TimedCompiler {
  name: string;
  command: string[];
  /** Runs of the same checkout must write the same bundle; another checkout's may differ. */
  checkout: string;
}

/** The compilers `benchSite` alternates: this checkout's two, and the other checkout's bundled one. */
function siteCompilers(against: string | null): TimedCompiler[] {
  const compilers = [
    { name: 'npm run content (bundled)', command: BUNDLED_COMPILER, checkout: ROOT },
    { name: 'tsx src/compiler/cli.ts', command: SOURCE_COMPILER, checkout: ROOT },
  ];
  if (!against) return compilers;
  const entry = (file: string) => path.join(against, ...file.split('/'));
  return [
    ...compilers,
    {
      name: `${path.basename(against)} (bundled)`,
      command: [entry('scripts/run-bundled.js'), entry('src/compiler/cli.ts')],
      checkout: against,
    },
  ];
}

/**
 * Compiles a real site `runs` times with each compiler in turn, so all see the same load, and
 * prints the median wall and CPU time of each; true when every run completed and each checkout's
 * runs wrote one bundle.
 */
async function benchSite(
  content: string,
  runs: number,
  against: string | null,
  work: string,
): Promise<boolean> {
  const compilers = siteCompilers(against);
  // Not measured: each bundled compiler is built once, as on the first `npm run content` after an edit.
  for (const compiler of compilers.filter(({ name }) => name.endsWith('(bundled)'))) {
    await runCompiler(content, path.join(work, 'warm-up.json'), work, compiler.command);
  }
  const measured = compilers.map(() => [] as CompileRun[]);
  /** The bundles each checkout wrote, without their time stamps. */
  const bundles = new Map<string, Set<string>>();
  let failed = false;
  for (let run = 1; run <= runs; run++) {
    for (const [index, compiler] of compilers.entries()) {
      const bundleFile = path.join(work, `bundle-${index}.json`);
      const result = await runCompiler(content, bundleFile, work, compiler.command);
      process.stderr.write(`run ${run}, ${compiler.name}: ${formatNumber(result.seconds, 2)} s\n`);
      if (!COMPLETED_EXIT_CODES.has(result.exitCode ?? -1) || !existsSync(bundleFile)) {
        failed = true;
        process.stderr.write(`The compiler failed (exit ${result.exitCode}):\n${result.tail}\n`);
        continue;
      }
      const written = bundles.get(compiler.checkout) ?? new Set<string>();
      written.add(await readBundleUnstamped(bundleFile));
      bundles.set(compiler.checkout, written);
      measured[index]?.push(result);
    }
  }
  console.log(`${content}, ${runs} run(s) of each, medians:\n`);
  printTable(
    ['compiler', 'wall s', 'CPU s', 'peak RSS MB'],
    compilers.map(({ name }, index) => {
      const results = measured[index] ?? [];
      const cpu = results.flatMap((result) =>
        result.cpuSeconds === null ? [] : [result.cpuSeconds],
      );
      const rss = results.flatMap((result) =>
        result.peakRssKiB === null ? [] : [result.peakRssKiB],
      );
      return [
        name,
        results.length > 0 ? formatNumber(median(results.map((result) => result.seconds)), 2) : '?',
        cpu.length > 0 ? formatNumber(median(cpu), 2) : '?',
        rss.length > 0 ? formatNumber(median(rss) / 1024) : '?',
      ];
    }),
  );
  console.log('');
  compilers.forEach(({ name }, index) =>
    console.log(`summary, ${name}: ${measured[index]?.[0]?.summary ?? '?'}`),
  );
  const variants = bundles.get(ROOT)?.size ?? 0;
  const same = variants === 1;
  console.log(
    same
      ? 'every run of this checkout wrote the same bundle'
      : `DIFFERENT BUNDLES: ${variants} variants`,
  );
  if (against) {
    const theirs = bundles.get(against) ?? new Set<string>();
    const alike = theirs.size === 1 && [...theirs][0] === [...(bundles.get(ROOT) ?? [])][0];
    console.log(
      `${path.basename(against)}: ${alike ? 'the same bundle' : 'a different bundle'} (apart from time stamps)`,
    );
  }
  return !failed && same;
}

async function main(): Promise<void> {
  const options = parseCommandLine();
  const cpus = os.cpus();
  console.log(
    `bench:compile  ${new Date().toISOString()}  ${cpus[0]?.model ?? 'unknown CPU'} x${cpus.length}, ` +
      `${formatNumber(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}` +
      (options.kind === 'synthetic' ? `, seed ${options.seed}` : ''),
  );
  console.log(
    `CPU time and peak RSS via ${existsSync(GNU_TIME) ? `${GNU_TIME} -f '${GNU_TIME_FORMAT}'` : 'process.resourceUsage() in the child'}`,
  );

  const work = await mkdtemp(path.join(os.tmpdir(), 'sidecar-bench-'));
  const removeWork = () => rm(work, { recursive: true, force: true });
  process.once('SIGINT', () => void removeWork().then(() => process.exit(130)));
  let completed: boolean;
  try {
    completed =
      options.kind === 'site'
        ? await benchSite(options.content, options.runs, options.against, work)
        : await benchSynthetic(options.sizes, options.seed, work);
  } finally {
    await removeWork();
  }
  if (!completed) process.exitCode = 1;
}

await main();
