import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The README example imports the package by name, as a user would.
    alias: { '@resale-kit/sdk': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // Each file starts the real server on PGlite: seconds on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
