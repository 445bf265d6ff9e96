/** Compiling on worker threads is only an optimisation: the bundle and the report stay the same. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../scripts/synthetic-corpus';
import type { CompileResult } from '../../src/compiler/compile';
import { compileContentInParallel } from '../../src/compiler/compile-in-parallel';
import { readContentTree, type SourceFile } from '../../src/compiler/read-content';
import { compile, FIXED_TIME, glossary, post } from './compile-helpers';

const SYNTHETIC_POSTS = 300;
const SEED = 7;
/** Starting workers and loading the compiler in each takes a few seconds on a busy machine. */
const WORKER_TIMEOUT_MS = 60_000;

/** Posts whose findings depend on the order they are compiled and assembled in. */
const ORDER_SENSITIVE = [
  post('broken/empty.md', ''),
  post('broken/binary.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
  post('clash/a.md', '---\ntitle: A\ndate: 2023-05-20\nid: same\n---\n\n**《服务网格入门》**\n'),
  post('clash/b.md', '---\ntitle: B\ndate: 2023-06-20\nid: same\n---\n\n**《可观测性实践》**\n'),
];

/** A glossary, which is applied once, after the posts are back from the workers. */
const GLOSSARY = glossary('- [服务网格, service mesh]\n- [可观测性, observability]\n');

/** Everything a caller can see of a result, as text, so any difference shows. */
function serialise(result: CompileResult): string {
  return JSON.stringify({
    bundle: result.bundle,
    posts: result.posts,
    diagnostics: result.diagnostics,
  });
}

let directory: string;
let files: SourceFile[];
/** What compileContent makes of `files`. */
let expected: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'sidecar-parallel-'));
  await writeSyntheticCorpus(directory, SYNTHETIC_POSTS, SEED);
  const synthetic = (await readContentTree(directory)).files.map((file) => ({
    ...file,
    path: `synthetic/${file.path}`,
  }));
  const seeds = (await readContentTree('content')).files;
  files = [...seeds, ...synthetic, ...ORDER_SENSITIVE];
  expected = serialise(compile(files, { glossary: GLOSSARY }));
  // Compiling a few hundred posts on one thread takes seconds on a busy two-core machine.
}, 60_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('compileContentInParallel', () => {
  it(
    'gives the same bundle, reports and diagnostics as compileContent, on two workers',
    async () => {
      const lengths = files.map((file) => file.bytes.length);
      // Reversed, so the workers' outcomes have to be put back in path order to match.
      const parallel = await compileContentInParallel(
        [...files].reverse(),
        { generatedAt: FIXED_TIME, glossary: GLOSSARY },
        { workers: 2, minFiles: 0 },
      );
      expect(parallel.bundle.search.glossary).toContainEqual(['服务网格', 'service mesh']);
      expect(parallel.diagnostics.map((item) => item.code)).toEqual(
        expect.arrayContaining(['empty-post', 'binary-file', 'duplicate-id']),
      );
      expect(serialise(parallel)).toBe(expected);
      // The posts' bytes are copied to the workers, never taken from the caller.
      expect(files.map((file) => file.bytes.length)).toEqual(lengths);
    },
    WORKER_TIMEOUT_MS,
  );

  it(
    'compiles on this thread when given one worker, with the same result',
    async () => {
      const inProcess = await compileContentInParallel(
        files,
        { generatedAt: FIXED_TIME, glossary: GLOSSARY },
        { workers: 1 },
      );
      expect(serialise(inProcess)).toBe(expected);
    },
    WORKER_TIMEOUT_MS,
  );
});
