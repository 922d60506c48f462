import { copyFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

// `tsup --no-dts` (the build:js task `pnpm dev` depends on) emits the JavaScript only: types
// take most of a build and nothing in dev reads them. `pnpm build` still emits them.
export default defineConfig((flags) => ({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: flags.dts !== false,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['react', 'react-dom', '@resale-kit/core'],
  async onSuccess() {
    await copyFile('src/styles.css', 'dist/styles.css');
  },
}));
