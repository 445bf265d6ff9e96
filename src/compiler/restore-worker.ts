/**
 * The worker side of `restore-in-parallel`: receives the shared model and the jobs once, takes
 * jobs from the shared counter until none is left, and answers each as it is done.
 */
import { parentPort } from 'node:worker_threads';
import { LanguageModel } from './language-model';
import { takeJobs, type RestoreAnswer, type RestoreRequest } from './restore-in-parallel';

if (!parentPort)
  throw new Error('restore-worker.ts runs only as a worker of restore-in-parallel.ts');
const port = parentPort;
port.once('message', ({ model, ...request }: RestoreRequest) => {
  takeJobs(request, LanguageModel.fromShared(model), (index, outcome) =>
    port.postMessage({ index, outcome } satisfies RestoreAnswer),
  );
});
