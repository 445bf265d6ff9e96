/**
 * Restores the lost bytes of many posts at once, on this thread and one worker per other core. A
 * site whose whole archive went through a lossy double encoding has hundreds of damaged posts,
 * and each takes tens of milliseconds to restore. The model is built once, here, while the
 * workers start, and shared with them (`LanguageModel.share`); the posts are handed out one at a
 * time from a counter in shared memory, largest first, so every thread stays busy to the end.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { decodeText, type DecodedText } from './decode-text';
import type { LanguageModel, SharedModel } from './language-model';
import { resolveDamaged, type Resolution } from './resolve-lost-bytes';
import { startWorker } from './start-worker';

/** One damaged post to restore. */
export interface RestoreJob {
  path: string;
  bytes: Uint8Array;
  /**
   * A text counted in the model that must not help restore this post. `npm run bench:repair`
   * leaves each post's own original out this way; a compile has no such text.
   */
  leaveOut?: string;
}

/** A post as decoded (its damaged characters U+FFFD) and the character chosen for each. */
export interface RestoreOutcome {
  decoded: DecodedText;
  resolutions: Resolution[];
}

/** What a worker is sent: the model, every job, and the order and counter they are taken by. */
export interface RestoreRequest {
  model: SharedModel;
  jobs: readonly RestoreJob[];
  order: readonly number[];
  next: Int32Array;
}

/**
 * A post's resolutions as they cross back from a worker: three typed arrays instead of an object
 * per candidate, which `postMessage` copied more slowly than the resolver chose them (98,000
 * resolutions of a dozen objects each took seconds). The damaged characters themselves are not
 * sent; the receiver decodes the post again, which gives the same ones in the same order.
 */
interface PackedResolutions {
  /** How many candidates each resolution ranks. */
  counts: Uint8Array<ArrayBuffer>;
  /** The ranked candidates of every resolution, one after another. */
  codePoints: Uint32Array<ArrayBuffer>;
  probabilities: Float64Array<ArrayBuffer>;
}

/** What a worker answers for each job it took. */
export interface RestoreAnswer {
  index: number;
  packed: PackedResolutions;
}

export function packResolutions(resolutions: readonly Resolution[]): PackedResolutions {
  const ranked = resolutions.flatMap((resolution) => resolution.ranked);
  return {
    counts: Uint8Array.from(resolutions, (resolution) => resolution.ranked.length),
    codePoints: Uint32Array.from(ranked, ({ character }) => character.codePointAt(0)!),
    probabilities: Float64Array.from(ranked, ({ probability }) => probability),
  };
}

/** The resolutions `packResolutions` packed, for the post `decoded` as decoded again here. */
function unpackResolutions(
  { counts, codePoints, probabilities }: PackedResolutions,
  decoded: DecodedText,
): Resolution[] {
  let at = 0;
  return decoded.damaged.map((damaged, index) => {
    const ranked = Array.from({ length: counts[index]! }, () => ({
      character: String.fromCodePoint(codePoints[at]!),
      probability: probabilities[at++]!,
    }));
    return { damaged, character: ranked[0]!.character, confidence: ranked[0]!.probability, ranked };
  });
}

/** Decodes one post and chooses its damaged characters. */
export function restoreOne(job: RestoreJob, model: LanguageModel): RestoreOutcome {
  const decoded = decodeText(job.bytes, job.path);
  const own = job.leaveOut === undefined ? model : model.without(job.leaveOut);
  return { decoded, resolutions: resolveDamaged(decoded, own) };
}

/**
 * Takes jobs from the shared counter until none is left, calling `done` with each outcome: the
 * loop this thread and every worker run.
 */
export function takeJobs(
  { jobs, order, next }: Omit<RestoreRequest, 'model'>,
  model: LanguageModel,
  done: (index: number, outcome: RestoreOutcome) => void,
): void {
  for (let taken = Atomics.add(next, 0, 1); taken < order.length; taken = Atomics.add(next, 0, 1)) {
    const index = order[taken]!;
    done(index, restoreOne(jobs[index]!, model));
  }
}

/**
 * Settles when every job has an outcome, or as soon as a worker fails (the jobs it took are then
 * done again on this thread).
 */
function collect(
  workers: readonly Worker[],
  jobs: readonly RestoreJob[],
  outcomes: (RestoreOutcome | undefined)[],
  missing: () => number,
): Promise<void> {
  return new Promise((settle) => {
    if (missing() === 0) return settle();
    for (const worker of workers) {
      worker.on('message', ({ index, packed }: RestoreAnswer) => {
        const decoded = decodeText(jobs[index]!.bytes, jobs[index]!.path);
        outcomes[index] = { decoded, resolutions: unpackResolutions(packed, decoded) };
        if (missing() === 0) settle();
      });
      worker.on('error', () => settle());
      worker.on('exit', () => settle());
    }
  });
}

/**
 * Every job's outcome, in the order of `jobs`: the same, character for character, as restoring
 * them one by one with the model `buildModel` gives. `threads` counts this one; 1 starts no worker.
 */
export async function restoreInParallel(
  jobs: readonly RestoreJob[],
  buildModel: () => LanguageModel,
  threads = os.availableParallelism(),
): Promise<RestoreOutcome[]> {
  const workerCount = Math.max(0, Math.min(threads, jobs.length) - 1);
  const workers = Array.from({ length: workerCount }, () =>
    startWorker(new URL('./restore-worker.ts', import.meta.url)),
  );
  // The workers load while the model is built.
  const model = buildModel();
  const order = jobs
    .map((_, index) => index)
    .sort((a, b) => jobs[b]!.bytes.length - jobs[a]!.bytes.length);
  const request = { jobs, order, next: new Int32Array(new SharedArrayBuffer(4)) };
  const outcomes: (RestoreOutcome | undefined)[] = new Array(jobs.length);
  const missing = () => jobs.length - outcomes.filter(Boolean).length;
  if (workers.length > 0) {
    const shared: RestoreRequest = { ...request, model: model.share() };
    for (const worker of workers) worker.postMessage(shared);
  }
  try {
    takeJobs(request, model, (index, outcome) => (outcomes[index] = outcome));
    await collect(workers, jobs, outcomes, missing);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return jobs.map((job, index) => outcomes[index] ?? restoreOne(job, model));
}
