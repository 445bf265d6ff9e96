import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The end-to-end suite: real headless Chromium against the production build in `build/`. */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    // One browser and one server at a time: the machines have two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A page reads its stored settings and content asynchronously; on a loaded two-core machine
    // that can take longer than expect.poll's 1 s default without anything being wrong.
    expect: { poll: { timeout: 10_000 } },
  },
});
