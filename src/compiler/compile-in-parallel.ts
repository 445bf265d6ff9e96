/**
 * The bridge to the compile workers: compiles posts on every CPU core and gives the same result,
 * byte for byte, as `compileContent`. Each post compiles on its own (see `compilePostSafely`), so
 * only the order of the outcomes matters; they are put back in path order before the one shared
 * assembly step, which runs on this thread as it does for `compileContent`.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  assembleResult,
  compileContent,
  repairPosts,
  sortByPath,
  type CompileOptions,
  type CompileResult,
  type PostOutcome,
} from './compile';
import type { ChunkRequest, ChunkResult } from './compile-worker';
import type { DecodedText } from './decode-text';
import type { SourceFile } from './read-content';

/** How a compilation is spread over threads. */
export interface ParallelOptions {
  /** Worker threads to start; 1 compiles on this thread. Defaults to the cores available. */
  workers?: number;
  /** Fewest posts worth starting workers for; below this they compile on this thread. */
  minFiles?: number;
}

/**
 * Below this many posts, starting workers costs more than it saves: each loads tsx and the whole
 * compiler, most of a second on a busy 2-core machine, where 300 posts take about 1.3 s on one
 * thread and 1,000 posts break even.
 */
const MIN_FILES_FOR_WORKERS = 1_000;

/**
 * A worker's young generation, where the Markdown parser's many short-lived objects are made.
 * Larger than V8's default, so they are collected less often.
 */
const WORKER_YOUNG_GENERATION_MB = 64;

/** Posts per message: small enough that the workers finish together, large enough to be few. */
const CHUNK_POSTS = 50;

/**
 * The worker's entry point. Node 20 cannot start a worker from a `.ts` file even under tsx
 * (`--import tsx` in the worker does not cover its entry module), so a JavaScript stub asks tsx
 * to import it. Works whether this process runs under tsx or under Vitest.
 */
const WORKER_BOOTSTRAP = [
  `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) =>`,
  `  tsImport(${JSON.stringify(new URL('./compile-worker.ts', import.meta.url).href)},`,
  `    ${JSON.stringify(import.meta.url)}));`,
].join('\n');

/** Packs the `CHUNK_POSTS` posts from `start` into one request, their bytes into one buffer. */
function toChunk(
  files: SourceFile[],
  start: number,
  repaired: Map<string, DecodedText>,
): ChunkRequest {
  const slice = files.slice(start, start + CHUNK_POSTS);
  const ends: number[] = [];
  let end = 0;
  for (const file of slice) ends.push((end += file.bytes.length));
  // A copy: transferring the caller's own buffers would empty its files.
  const bytes = new Uint8Array(end);
  slice.forEach((file, index) => bytes.set(file.bytes, ends[index - 1] ?? 0));
  const restored = slice.flatMap((file) => {
    const text = repaired.get(file.path);
    return text ? [[file.path, text] as const] : [];
  });
  return {
    chunk: start / CHUNK_POSTS,
    paths: slice.map((file) => file.path),
    ends,
    bytes,
    repaired: Object.fromEntries(restored),
  };
}

/**
 * Compiles path-ordered files on `count` workers, each taking the next chunk when done with one,
 * and gives the outcomes back in path order. The workers are gone when the promise settles, so
 * their memory is free again before the bundle is assembled.
 */
function compileOnWorkers(
  files: SourceFile[],
  count: number,
  repaired: Map<string, DecodedText>,
): Promise<PostOutcome[]> {
  const chunkCount = Math.ceil(files.length / CHUNK_POSTS);
  const results: PostOutcome[][] = [];
  const workers: Worker[] = [];
  let sent = 0;
  let received = 0;
  return new Promise<PostOutcome[]>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      void Promise.all(workers.map((worker) => worker.terminate())).then(() =>
        error ? reject(error) : resolve(results.flat()),
      );
    };
    const sendNext = (worker: Worker) => {
      if (sent === chunkCount) return;
      const request = toChunk(files, sent++ * CHUNK_POSTS, repaired);
      worker.postMessage(request, [request.bytes.buffer]);
    };
    for (let index = 0; index < count; index++) {
      const worker = new Worker(WORKER_BOOTSTRAP, {
        eval: true,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      workers.push(worker);
      worker.on('message', ({ chunk, outcomes }: ChunkResult) => {
        if (settled) return;
        results[chunk] = outcomes;
        if (++received === chunkCount) finish(null);
        else sendNext(worker);
      });
      worker.on('error', (error) => finish(new Error(`A compile worker failed: ${error.message}`)));
      worker.on('exit', (code) =>
        finish(new Error(`A compile worker exited early (code ${code}).`)),
      );
      sendNext(worker);
    }
  });
}

/**
 * Compiles posts into a bundle on worker threads: the same result as `compileContent`, sooner on
 * a large site. Few posts, or `workers: 1`, compile on this thread.
 */
export async function compileContentInParallel(
  files: SourceFile[],
  options: CompileOptions,
  { workers = os.availableParallelism(), minFiles = MIN_FILES_FOR_WORKERS }: ParallelOptions = {},
): Promise<CompileResult> {
  const count = Math.min(workers, Math.ceil(files.length / CHUNK_POSTS));
  if (count <= 1 || files.length < minFiles) return compileContent(files, options);
  // Restoring lost bytes needs every post at once, so it runs here before the posts are shared out.
  const repaired = repairPosts(files, options);
  return assembleResult(await compileOnWorkers(sortByPath(files), count, repaired), options);
}
