/**
 * The worker side of `compile-in-parallel`: compiles the chunks of posts it is sent, one message
 * per chunk, and answers each with the chunk's outcomes in the order the posts came. Loaded only
 * by that bridge, which owns the protocol below.
 */
import { parentPort } from 'node:worker_threads';
import { compilePostSafely, type PostOutcome } from './compile';
import type { DecodedText } from './decode-text';

/** A run of path-ordered posts, packed as one buffer so it crosses the thread by transfer. */
export interface ChunkRequest {
  /** Position of the chunk in the path-ordered list; echoed back so answers can be placed. */
  chunk: number;
  paths: string[];
  /** Where each post's bytes end in `bytes`; post `i` starts where post `i - 1` ends. */
  ends: number[];
  bytes: Uint8Array<ArrayBuffer>;
  /** Restored text of the posts that lost bytes (see `repair-posts`), by path. */
  repaired: Record<string, DecodedText>;
}

/** The outcomes of one chunk's posts, in the order of its `paths`. */
export interface ChunkResult {
  chunk: number;
  outcomes: PostOutcome[];
}

function compileChunk({ chunk, paths, ends, bytes, repaired }: ChunkRequest): ChunkResult {
  const outcomes = paths.map((path, index) =>
    compilePostSafely(
      { path, bytes: bytes.subarray(ends[index - 1] ?? 0, ends[index]) },
      repaired[path],
    ),
  );
  return { chunk, outcomes };
}

if (!parentPort)
  throw new Error('compile-worker.ts runs only as a worker of compile-in-parallel.ts');
const port = parentPort;
port.on('message', (request: ChunkRequest) => port.postMessage(compileChunk(request)));
