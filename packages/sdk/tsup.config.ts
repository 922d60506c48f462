import { defineConfig } from 'tsup';

// `tsup --no-dts` (the build:js task `pnpm dev` depends on) emits the JavaScript only: types
// take most of a build and nothing in dev reads them. It leaves the types of an earlier
// `pnpm build` in place (no clean), so an editor or tsc still finds them.
export default defineConfig((flags) => ({
  // The react entry keeps its published name: dist/react.js.
  entry: { index: 'src/index.ts', react: 'src/react/index.ts' },
  format: ['esm'],
  // Inline the router's type so consumers need no server package to typecheck.
  dts: flags.dts === false ? false : { resolve: ['@resale-kit/server'] },
  clean: flags.dts !== false,
  sourcemap: true,
  target: 'es2022',
  external: ['react', '@tanstack/react-query'],
}));
