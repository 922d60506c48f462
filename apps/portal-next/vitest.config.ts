import { defineConfig } from 'vitest/config';

/** The e2e suite: the built portal under `next start`, driven by Debian Chromium. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    // Includes `next build` when no current build exists.
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
  },
});
