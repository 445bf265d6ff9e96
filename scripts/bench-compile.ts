/**
 * `npm run bench:compile [-- --sizes 100,1000,10000] [--seed 42]`
 *
 * Compiles seeded synthetic corpora of each size with the real compiler CLI in a child process and
 * reports, side by side: throughput, the child's peak resident memory, bundle bytes per talk (raw,
 * gzip, brotli) and the talks found against the talks written. A run on an empty corpus measures
 * the fixed cost of starting Node and tsx, so per-post times can be compared across sizes.
 * Corpora are written under the OS temp folder and removed afterwards.
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
const COMPILER_CLI = path.join(ROOT, 'src', 'compiler', 'cli.ts');
const DEFAULT_SIZES = [100, 1_000, 10_000];
const DEFAULT_SEED = 42;
/** GNU time (Debian package `time`) reports the child's peak RSS in KiB with `-f %M`. */
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

/** Reports the peak RSS of the process it is loaded into; used when GNU time is missing. */
const MAX_RSS_HOOK = `
import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  writeFileSync(process.env.SIDECAR_MAX_RSS_FILE, String(process.resourceUsage().maxRSS));
});
`;

interface CompileRun {
  exitCode: number | null;
  seconds: number;
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

function parseCommandLine(): { sizes: number[]; seed: number } {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
    },
    strict: true,
  });
  const sizes = values.sizes.split(',').map((size) => Number(size.trim().replace(/_/g, '')));
  const seed = Number(values.seed);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(seed)) {
    throw new Error('Usage: npm run bench:compile -- [--sizes 100,1000,10000] [--seed 42]');
  }
  return { sizes: [...new Set(sizes)].sort((a, b) => a - b), seed };
}

/** Runs the compiler CLI on `contentDir` and measures the child: wall time and peak RSS. */
async function runCompiler(
  contentDir: string,
  bundleFile: string,
  work: string,
): Promise<CompileRun> {
  const cliArgs = ['--import', 'tsx', COMPILER_CLI, '--content', contentDir, '--out', bundleFile];
  const rssFile = path.join(work, 'max-rss');
  await rm(rssFile, { force: true });
  let command: string;
  let args: string[];
  const environment = { ...process.env };
  if (existsSync(GNU_TIME)) {
    command = GNU_TIME;
    args = ['-f', '%M', '-o', rssFile, process.execPath, ...cliArgs, '--quiet'];
  } else {
    const hook = path.join(work, 'max-rss-hook.mjs');
    await writeFile(hook, MAX_RSS_HOOK);
    command = process.execPath;
    args = ['--import', hook, ...cliArgs, '--quiet'];
    environment.SIDECAR_MAX_RSS_FILE = rssFile;
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

  let peakRssKiB: number | null = null;
  try {
    const value = Number.parseInt(
      (await readFile(rssFile, 'utf8')).trim().split('\n').at(-1) ?? '',
      10,
    );
    if (Number.isFinite(value)) peakRssKiB = value;
  } catch {
    // The child died before reporting; the table shows '?'.
  }
  const lines = output.trim().split('\n');
  return {
    exitCode,
    seconds,
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

async function main(): Promise<void> {
  const { sizes, seed } = parseCommandLine();
  const cpus = os.cpus();
  console.log(
    `bench:compile  ${new Date().toISOString()}  ${cpus[0]?.model ?? 'unknown CPU'} x${cpus.length}, ` +
      `${formatNumber(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, seed ${seed}`,
  );
  console.log(
    `peak RSS via ${existsSync(GNU_TIME) ? `${GNU_TIME} -f %M` : 'process.resourceUsage().maxRSS in the child'}`,
  );

  const work = await mkdtemp(path.join(os.tmpdir(), 'sidecar-bench-'));
  const removeWork = () => rm(work, { recursive: true, force: true });
  process.once('SIGINT', () => void removeWork().then(() => process.exit(130)));
  let failed = false;
  try {
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
  } finally {
    await removeWork();
  }
  if (failed) process.exitCode = 1;
}

await main();
