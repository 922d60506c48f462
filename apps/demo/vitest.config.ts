import { defineConfig } from 'vitest/config';

/** The e2e suite: a real server on PGlite, the Vite dev server and Debian Chromium. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // One server + browser per file; files run one after the other on a 2-core machine.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
