import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Packing, an npm install from the registry and a server start: minutes, not seconds.
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
