/**
 * The worker side of `restore-in-parallel`: receives the shared model and the jobs once, takes
 * jobs from the shared counter until none is left, and answers each as it is done.
 */
import { parentPort } from 'node:worker_threads';
import { LanguageModel } from './language-model';
import {
  packResolutions,
  takeJobs,
  type RestoreAnswer,
  type RestoreRequest,
} from './restore-in-parallel';

if (!parentPort)
  throw new Error('restore-worker.ts runs only as a worker of restore-in-parallel.ts');
const port = parentPort;
port.once('message', ({ model, ...request }: RestoreRequest) => {
  takeJobs(request, LanguageModel.fromShared(model), (index, { resolutions }) => {
    const packed = packResolutions(resolutions);
    const buffers = [packed.counts.buffer, packed.codePoints.buffer, packed.probabilities.buffer];
    port.postMessage({ index, packed } satisfies RestoreAnswer, buffers);
  });
});
