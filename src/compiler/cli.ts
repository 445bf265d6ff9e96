/**
 * `npm run content -- [--content DIR] [--out FILE] [--json] [--strict] [--quiet]`
 *
 * The I/O edge of the compiler: reads the content tree, compiles it, writes the bundle, prints a
 * report line per post and a summary. Exit codes: 0 clean or warnings only, 1 on errors (or on
 * warnings with `--strict`), 2 on bad usage.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileContent, type CompileResult } from './compile';
import { formatLocation, type Diagnostic } from './diagnostics';
import { readContentTree } from './read-content';

/** Where posts are read from when neither `--content` nor `SIDECAR_CONTENT` says otherwise. */
const DEFAULT_CONTENT = 'content';

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        content: { type: 'string', default: process.env.SIDECAR_CONTENT || DEFAULT_CONTENT },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(
      `${(error as Error).message}\nUsage: npm run content -- [--content DIR] [--out FILE] [--json] [--strict] [--quiet]\n`,
    );
    process.exit(2);
  }
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
  for (const item of result.diagnostics.filter(
    (entry) => !result.posts.some((post) => post.diagnostics.includes(entry)),
  )) {
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

async function main(): Promise<void> {
  const options = parseCommandLine();
  if (options.help) {
    process.stdout.write(
      'Usage: npm run content -- [--content DIR] [--out FILE] [--json] [--strict] [--quiet]\n',
    );
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
  const result = compileContent(tree.files, { generatedAt: new Date().toISOString() });
  if (options.out) {
    await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await writeFile(options.out, JSON.stringify(result.bundle) + '\n');
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
