import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['react', 'react-dom', '@resale-kit/core'],
  // Every component uses state or effects: the entry is a client module for React Server
  // Components (Next.js App Router). A directive in the source would not survive bundling, so
  // the build puts it first in the output; tooling/packaging checks it is there.
  banner: { js: "'use client';" },
  async onSuccess() {
    await copyFile('src/styles.css', 'dist/styles.css');
  },
});
