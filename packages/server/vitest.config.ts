import { defineConfig } from 'vitest/config';

// PGlite takes seconds to start on 2 cores: one database per test file, generous timeouts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
