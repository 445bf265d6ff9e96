/**
 * `npm run eval:extraction -- --corpus DIR [--labels FILE] [--worst N] [--json]`
 *
 * Measures the compiler's extraction against labels written by people (docs/extraction-labels.md):
 * compiles the corpus as `npm run content` does, finds each label's event by its source path, and
 * prints talk-title and speaker-name F1, the accuracy of every event field, and the posts that
 * scored worst with the talks missed and invented. Exit codes: 0 whatever the scores, 1 when the
 * labels cannot be used (invalid, or naming a post the corpus does not have), 2 on bad usage.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileContentInParallel } from '../src/compiler/compile-in-parallel';
import type { CompileResult } from '../src/compiler/compile';
import { readContentTree } from '../src/compiler/read-content';
import { readDictionary } from '../src/compiler/read-dictionary';
import { readGlossary } from '../src/compiler/read-glossary';
import { formatReport, reportAsJson, type CompileHealth } from './eval-extraction/format';
import { LabelsError, parseLabels, type Label } from './eval-extraction/labels';
import {
  findUnknownPaths,
  indexCompiled,
  predictionFor,
  scorePost,
  summarise,
  worstPosts,
} from './eval-extraction/score';

const DEFAULT_LABELS = 'eval/extraction-labels.json';
const DEFAULT_WORST = 10;

const USAGE =
  'Usage: npm run eval:extraction -- --corpus DIR [--labels FILE] [--worst N] [--json]\n';

/** Diagnostic codes that mean a post could not be read at all. */
const UNREADABLE_CODES = new Set(['empty-post', 'binary-file', 'post-too-large']);

function fail(message: string, code: number): never {
  process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
  process.exit(code);
}

function parseCommandLine() {
  let values;
  try {
    values = parseArgs({
      options: {
        corpus: { type: 'string' },
        labels: { type: 'string', default: DEFAULT_LABELS },
        worst: { type: 'string', default: String(DEFAULT_WORST) },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (!values.corpus) fail(`--corpus DIR is required.\n${USAGE}`, 2);
  const worst = Number(values.worst);
  if (!Number.isInteger(worst) || worst < 0)
    fail(`--worst takes a whole number, not "${values.worst}".`, 2);
  return { corpus: values.corpus, labels: values.labels, worst, json: values.json };
}

async function readLabels(file: string): Promise<Label[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    fail(`Cannot read the labels file ${file}: ${(error as Error).message}`, 1);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(`${file} is not JSON: ${(error as Error).message}`, 1);
  }
  try {
    return parseLabels(value, file);
  } catch (error) {
    if (error instanceof LabelsError) fail(error.message, 1);
    throw error;
  }
}

function healthOf(result: CompileResult, milliseconds: number): CompileHealth {
  const postsWith = (codes: (code: string) => boolean) =>
    result.posts.filter((post) => post.diagnostics.some((item) => codes(item.code))).length;
  const errors = result.diagnostics.filter((item) => item.severity === 'error').length;
  return {
    posts: result.posts.length,
    milliseconds,
    crashed: postsWith((code) => code === 'internal-error'),
    unreadable: postsWith((code) => UNREADABLE_CODES.has(code)),
    errors,
    warnings: result.diagnostics.length - errors,
  };
}

async function main(): Promise<void> {
  const options = parseCommandLine();
  const labels = await readLabels(options.labels);
  const root = path.resolve(options.corpus);
  let tree;
  try {
    tree = await readContentTree(root);
  } catch (error) {
    fail(`Cannot read the corpus ${root}: ${(error as Error).message}`, 1);
  }
  const unknown = findUnknownPaths(labels, new Set(tree.files.map((file) => file.path)));
  if (unknown.length > 0) {
    fail(
      `${options.labels} names posts that are not in the corpus ${options.corpus}:\n${unknown.map((line) => `  ${line}`).join('\n')}`,
      1,
    );
  }

  const glossary = await readGlossary();
  const started = performance.now();
  const result = await compileContentInParallel(tree.files, {
    generatedAt: new Date().toISOString(),
    ...(glossary && { glossary }),
    dictionary: readDictionary,
  });
  const milliseconds = performance.now() - started;

  const compiled = indexCompiled(result.bundle);
  const scores = labels.map((label) => scorePost(label, predictionFor(label, compiled)));
  const summary = summarise(scores);
  const worst = worstPosts(scores, options.worst);
  const context = {
    corpus: options.corpus,
    labels: options.labels,
    health: healthOf(result, milliseconds),
  };
  process.stdout.write(
    options.json
      ? JSON.stringify(reportAsJson(context, summary, scores, worst), null, 2) + '\n'
      : formatReport(context, summary, worst),
  );
}

await main();
