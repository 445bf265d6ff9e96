/**
 * `npm run content` runs the compiler bundled into one file (`scripts/run-bundled.js`); what it
 * writes and prints must be what the compiler run from its sources writes and prints.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Both runs start a new process, and the first may bundle the compiler: seconds when busy. */
const PROCESS_TIMEOUT = 120_000;

const LAUNCHER = path.resolve('scripts', 'run-bundled.js');
const TSX = path.resolve('node_modules', '.bin', 'tsx');
const CLI = path.resolve('src', 'compiler', 'cli.ts');

let work: string;

/** Compiles the seeds in `content/` (one of them double-encoded, so jieba's dictionary is read). */
function compileSeeds(command: string, args: string[], out: string) {
  const result = spawnSync(command, [...args, '--content', 'content', '--out', out], {
    encoding: 'utf8',
  });
  // The time stamp is the one part of a bundle that differs from run to run.
  const bundle = readFileSync(out, 'utf8').replace(/"generatedAt":"[^"]*"/, '');
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, bundle };
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'sidecar-run-bundled-'));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run content (the bundled compiler)', () => {
  it(
    'writes the bundle and prints the report the compiler run from its sources does',
    () => {
      const bundled = compileSeeds(
        process.execPath,
        [LAUNCHER, CLI],
        path.join(work, 'bundled.json'),
      );
      const sources = compileSeeds(TSX, [CLI], path.join(work, 'sources.json'));
      expect(bundled.stderr).toBe('');
      expect(bundled.status).toBe(sources.status);
      expect(bundled.stdout).toBe(sources.stdout);
      // The glossary and the seeds' events are found from the bundle as from the sources.
      expect(bundled.stdout).not.toContain('glossary-missing');
      expect(bundled.bundle).toContain('"events":[{');
      expect(bundled.bundle).toBe(sources.bundle);
    },
    PROCESS_TIMEOUT,
  );

  it(
    'says how to call it when given no TypeScript entry point',
    () => {
      const result = spawnSync(process.execPath, [LAUNCHER, '--content', 'content'], {
        encoding: 'utf8',
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('Usage: node scripts/run-bundled.js FILE.ts [ARGS]');
    },
    PROCESS_TIMEOUT,
  );
});
