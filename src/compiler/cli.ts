/**
 * `npm run content -- [--content DIR] [--out FILE] [--report FILE.html] [--json] [--strict] [--quiet]`
 * `npm run content -- [--content DIR] --decode FILE`
 *
 * The I/O edge of the compiler: reads the content tree, compiles it, writes the bundle, prints a
 * report line per post and a summary, and with `--report` writes the same as a page to review
 * (see `report-html`). With `--decode`, prints instead the text the compiler works
 * on for one post: after decoding and after restoring any lost bytes (with the content folder's
 * posts as the model), its warnings on stderr. Exit codes: 0 clean or warnings only, 1 on errors
 * (or on warnings with `--strict`), 2 on bad usage.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CompileResult } from './compile';
import type { SourceFile } from './read-content';
import { compileContentInParallel } from './compile-in-parallel';
import { decodeText } from './decode-text';
import { readDictionary } from './read-dictionary';
import { buildLanguageModel } from './repair-posts';
import { restoreLostBytes } from './resolve-lost-bytes';
import { diagnostic, formatLocation, type Diagnostic } from './diagnostics';
import { readContentTree } from './read-content';
import { GLOSSARY_PATH, readGlossary } from './read-glossary';
import { readSpeakersFile } from './read-speakers';
import { renderReportHtml } from './report-html';

/** Where posts are read from when neither `--content` nor `SIDECAR_CONTENT` says otherwise. */
const DEFAULT_CONTENT = 'content';

const USAGE =
  'Usage: npm run content -- [--content DIR] [--out FILE] [--report FILE.html] [--json] [--strict] [--quiet]\n' +
  '       npm run content -- [--content DIR] --decode FILE\n';

/** Items of a top-level array turned into text at a time when the bundle is written. */
const WRITE_BATCH_ITEMS = 500;

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        content: { type: 'string', default: process.env.SIDECAR_CONTENT || DEFAULT_CONTENT },
        out: { type: 'string' },
        report: { type: 'string' },
        decode: { type: 'string' },
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

/**
 * The text of `JSON.stringify(value) + '\n'` for plain data, in pieces of at most
 * `WRITE_BATCH_ITEMS` items of each top-level array. A large site's bundle then never exists as
 * one string and one buffer, which would double the compiler's peak memory.
 */
function* toJsonPieces(value: object): Generator<string> {
  // The properties JSON.stringify keeps: it leaves out undefined, functions and symbols.
  const entries = Object.entries(value).filter(
    ([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol',
  );
  yield '{';
  for (const [index, [key, item]] of entries.entries()) {
    yield `${index > 0 ? ',' : ''}${JSON.stringify(key)}:`;
    if (!Array.isArray(item)) {
      yield JSON.stringify(item);
      continue;
    }
    yield '[';
    for (let start = 0; start < item.length; start += WRITE_BATCH_ITEMS) {
      const batch = item.slice(start, start + WRITE_BATCH_ITEMS);
      yield `${start > 0 ? ',' : ''}${batch.map((element) => JSON.stringify(element) ?? 'null').join(',')}`;
    }
    yield ']';
  }
  yield '}\n';
}

function describe(item: Diagnostic): string {
  return `  ${item.severity} ${formatLocation(item)} [${item.code}] ${item.message}`;
}

function printReport(result: CompileResult, quiet: boolean): void {
  const lines: string[] = [];
  for (const post of result.posts) {
    const warnings = post.diagnostics.filter((item) => item.severity === 'warning').length;
    const errors = post.diagnostics.length - warnings;
    const status = errors > 0 ? 'ERROR' : warnings > 0 ? 'warn ' : 'ok   ';
    const title = post.title ?? '(no event)';
    const problems = [errors && `${errors} error(s)`, warnings && `${warnings} warning(s)`]
      .filter(Boolean)
      .join(', ');
    if (!quiet || post.diagnostics.length > 0) {
      lines.push(
        `${status} ${post.source}  ${title}  ${post.date ?? 'no date'}  ${post.talkCount} talk(s)${problems ? `  ${problems}` : ''}`,
      );
      for (const item of post.diagnostics) lines.push(describe(item));
    }
  }
  // Findings about no single post; a set, so a large site's report is not quadratic in its posts.
  const reported = new Set(result.posts.flatMap((post) => post.diagnostics));
  for (const item of result.diagnostics.filter((entry) => !reported.has(entry))) {
    lines.push(describe(item));
  }
  const { events, talks, speakers } = result.bundle;
  const errors = result.diagnostics.filter((item) => item.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  lines.push(
    `${result.posts.length} post(s): ${events.length} event(s), ${talks.length} talk(s), ${speakers.length} speaker(s); ${errors} error(s), ${warnings} warning(s)`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

/**
 * Prints one post's text as the compiler sees it, its warnings on stderr. Lost bytes are restored
 * with the content folder's other posts as the model, as a compile of that folder would.
 */
async function printDecoded(file: string, files: readonly SourceFile[]): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    process.stderr.write(`Cannot read ${file}: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const name = path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
  let decoded = decodeText(bytes, name);
  if (decoded.damaged.length > 0) {
    const others = files.map((other) => decodeText(other.bytes, other.path));
    decoded = restoreLostBytes(decoded, buildLanguageModel(others, readDictionary()), name);
  }
  process.stdout.write(decoded.text);
  for (const item of decoded.diagnostics) process.stderr.write(describe(item) + '\n');
  process.stderr.write(`${name}: read as ${decoded.encoding}\n`);
}

async function main(): Promise<void> {
  const options = parseCommandLine();
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const root = path.resolve(options.content);
  let tree;
  try {
    tree = await readContentTree(root);
  } catch (error) {
    process.stderr.write(
      `Cannot read the content folder ${root}: ${(error as Error).message}\nPass --content DIR or set SIDECAR_CONTENT.\n`,
    );
    process.exit(1);
  }
  if (options.decode !== undefined) {
    await printDecoded(options.decode, tree.files);
    return;
  }
  const glossary = await readGlossary();
  const speakers = await readSpeakersFile(root);
  const result = await compileContentInParallel(tree.files, {
    generatedAt: new Date().toISOString(),
    ...(glossary && { glossary }),
    ...(speakers && { speakers }),
    dictionary: readDictionary,
  });
  if (!glossary) {
    result.diagnostics.push(
      diagnostic(
        'warning',
        'glossary-missing',
        path.relative(process.cwd(), GLOSSARY_PATH).split(path.sep).join('/'),
        'There is no glossary, so queries are not matched across languages (服务网格 ↔ service mesh); restore the file, one group a line: - [服务网格, service mesh].',
      ),
    );
  }
  if (options.out) {
    await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await writeFile(options.out, toJsonPieces(result.bundle));
  }
  if (options.report) {
    await mkdir(path.dirname(path.resolve(options.report)), { recursive: true });
    await writeFile(
      options.report,
      renderReportHtml(result, { contentRoot: options.content, skipped: tree.skipped }),
    );
  }
  if (options.json) {
    process.stdout.write(
      JSON.stringify({ diagnostics: result.diagnostics, skipped: tree.skipped }, null, 2) + '\n',
    );
  } else {
    printReport(result, options.quiet);
  }
  const failing = result.diagnostics.some((item) => item.severity === 'error' || options.strict);
  process.exitCode = failing ? 1 : 0;
}

await main();
