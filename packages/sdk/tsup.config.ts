import { defineConfig } from 'tsup';

export default defineConfig({
  // The react entry keeps its published name: dist/react.js.
  entry: { index: 'src/index.ts', react: 'src/react/index.ts' },
  format: ['esm'],
  // Inline the router's type so consumers need no server package to typecheck.
  dts: { resolve: ['@resale-kit/server'] },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['react', '@tanstack/react-query'],
});
