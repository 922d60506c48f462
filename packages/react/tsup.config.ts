import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

// `tsup --no-dts` (the build:js task `pnpm dev` depends on) emits the JavaScript only: types
// take most of a build and nothing in dev reads them. It leaves the types of an earlier
// `pnpm build` in place (no clean), so an editor or tsc still finds them.
export default defineConfig((flags) => ({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: flags.dts !== false,
  clean: flags.dts !== false,
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
}));
