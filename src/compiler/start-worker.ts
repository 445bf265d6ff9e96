/**
 * Starts a worker thread on one of the compiler's TypeScript modules. Node 20 cannot start a
 * worker from a `.ts` file even under tsx (`--import tsx` in the worker does not cover its entry
 * module), so a JavaScript stub asks tsx to import it. Works whether this process runs under tsx,
 * under Vitest, or from the bundle `scripts/run-bundled.js` makes (which keeps each source file's
 * own `import.meta.url`, so `module` still names the source).
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker's young generation, where the Markdown parser and the lost-byte resolver make their
 * many short-lived objects. Larger than V8's default, so they are collected less often: the
 * compiler's own thread gets the same from `--max-semi-space-size=32` in package.json's scripts
 * (about 13% less CPU resolving lost bytes, in alternating runs).
 */
const YOUNG_GENERATION_MB = 96;

export function startWorker(module: URL, options: WorkerOptions = {}): Worker {
  const bootstrap = [
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) =>`,
    `  tsImport(${JSON.stringify(module.href)}, ${JSON.stringify(import.meta.url)}));`,
  ].join('\n');
  return new Worker(bootstrap, {
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    ...options,
    eval: true,
  });
}
