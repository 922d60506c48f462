import { defineConfig } from 'tsup';

export default defineConfig({
  // One output file per module, so a bundler drops what a consumer does not import: the
  // rules (status, guards, duration, format) never pull zod into a component bundle.
  entry: ['src/*.ts'],
  bundle: false,
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
