import { defineConfig } from 'tsup';

// `tsup --no-dts` (the build:js task `pnpm dev` depends on) emits the JavaScript only: types
// take most of a build and nothing in dev reads them. `pnpm build` still emits them.
export default defineConfig((flags) => ({
  // One output file per module, so a bundler drops what a consumer does not import: the
  // rules (status, guards, duration, format) never pull zod into a component bundle.
  entry: ['src/*.ts'],
  bundle: false,
  format: ['esm'],
  dts: flags.dts === false ? false : { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'es2022',
}));
