import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { precacheWorkerFiles } from './src/build-plugins/precache-worker-files.js';

export default defineConfig({
  plugins: [sveltekit(), precacheWorkerFiles()],
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
  },
});
