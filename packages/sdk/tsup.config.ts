import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/react.tsx'],
  format: ['esm'],
  // Inline the router's type so consumers need no server package to typecheck.
  dts: { resolve: ['@resale-kit/server'] },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  external: ['react', '@tanstack/react-query'],
});
