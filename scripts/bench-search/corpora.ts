/**
 * The corpora the search benchmark runs on, each compiled in this process by the real compiler
 * and never written to `.sidecar/`: the real posts of `../shared/corpus/posts` (read where they
 * are), a seeded synthetic corpus sized in talks, and the golden set (the seed posts of
 * `content/` plus the search fixtures).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compileContentInParallel } from '../../src/compiler/compile-in-parallel';
import { readContentTree, type SourceFile } from '../../src/compiler/read-content';
import { readGlossary } from '../../src/compiler/read-glossary';
import type { Bundle } from '../../src/lib/schema';
import { writeSyntheticCorpusOfTalks } from '../synthetic-corpus';

/** One compiled corpus and how it was made. */
export interface Corpus {
  /** Short name used in tables: 'real', 'synthetic', 'golden'. */
  name: string;
  /** What it is, for the report. */
  description: string;
  bundle: Bundle;
  posts: number;
}

/** A folder of posts and the prefix its paths get in the bundle (event ids derive from them). */
export interface ContentRoot {
  dir: string;
  prefix: string;
}

/** A fixed build time: the bundle's only varying field, fixed so runs compare. */
const GENERATED_AT = '2026-01-01T00:00:00.000Z';

/** Reads and compiles the posts of every root into one bundle, with the project's glossary as the CLI does. */
export async function compileRoots(
  roots: ContentRoot[],
): Promise<{ bundle: Bundle; posts: number }> {
  const files: SourceFile[] = [];
  for (const root of roots) {
    const tree = await readContentTree(root.dir);
    files.push(...tree.files.map((file) => ({ ...file, path: `${root.prefix}${file.path}` })));
  }
  const glossary = await readGlossary();
  const result = await compileContentInParallel(files, {
    generatedAt: GENERATED_AT,
    ...(glossary && { glossary }),
  });
  const errors = result.diagnostics.filter((item) => item.severity === 'error');
  if (result.bundle.events.length === 0) {
    throw new Error(`No event compiled from ${roots.map((root) => root.dir).join(', ')}`);
  }
  return { bundle: result.bundle, posts: files.length - errors.length };
}

/** The real corpus, compiled from where it lies. */
export async function compileRealCorpus(dir: string): Promise<Corpus> {
  const { bundle, posts } = await compileRoots([{ dir, prefix: '' }]);
  return {
    name: 'real',
    description: `${path.relative(process.cwd(), dir)}: real posts from nine public Hugo sites`,
    bundle,
    posts,
  };
}

/** A seeded synthetic corpus of about `talks` talks, written to a temporary folder and compiled. */
export async function compileSyntheticCorpus(talks: number, seed: number): Promise<Corpus> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sidecar-bench-search-corpus-'));
  try {
    const written = await writeSyntheticCorpusOfTalks(dir, talks, seed);
    const { bundle } = await compileRoots([{ dir, prefix: '' }]);
    return {
      name: 'synthetic',
      description: `scripts/synthetic-corpus.ts, seed ${seed}: half Chinese, half English posts`,
      bundle,
      posts: written.posts,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
