/**
 * Starts a worker thread on one of the compiler's TypeScript modules. Node 20 cannot start a
 * worker from a `.ts` file even under tsx (`--import tsx` in the worker does not cover its entry
 * module), so a JavaScript stub asks tsx to import it. Works whether this process runs under tsx,
 * under Vitest, or from the bundle `scripts/run-bundled.js` makes (which keeps each source file's
 * own `import.meta.url`, so `module` still names the source).
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  const bootstrap = [
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) =>`,
    `  tsImport(${JSON.stringify(module.href)}, ${JSON.stringify(import.meta.url)}));`,
  ].join('\n');
  return new Worker(bootstrap, { ...options, eval: true });
}
