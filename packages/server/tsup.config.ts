import { defineConfig } from 'tsup';

// `tsup --no-dts` (the build:js task `pnpm dev` depends on) emits the JavaScript only: types
// take most of a build and nothing in dev reads them. It leaves the types of an earlier
// `pnpm build` in place (no clean), so an editor or tsc still finds them.
export default defineConfig((flags) => ({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  dts: flags.dts === false ? false : { entry: 'src/index.ts' },
  clean: flags.dts !== false,
  sourcemap: true,
  target: 'es2022',
}));
