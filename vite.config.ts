import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { precacheWorkerFiles } from './src/build-plugins/precache-worker-files.js';

export default defineConfig({
  plugins: [sveltekit(), precacheWorkerFiles()],
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // Tests that compile the seeds load jieba's dictionary and run in seconds, not milliseconds;
    // on a busy two-core machine Vitest's 5 s default fails them for no fault of their own.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
