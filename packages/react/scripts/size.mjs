#!/usr/bin/env node
/**
 * Size budget: the package's JS, minified and gzipped, with React excluded. Everything else the
 * components pull in (core's rules) is counted; core is built one file per module, so its zod
 * schemas drop out. Prints one line per component entry and the total; exits 1 when the total
 * is over budget.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BUDGET_BYTES = 20 * 1024;
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/index.js`;
if (!existsSync(dist)) {
  console.error('size: dist/index.js is missing; run `pnpm build` first');
  process.exit(1);
}

const EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime'];

async function gzippedSize(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    external: EXTERNAL,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const kb = (n) => `${(n / 1024).toFixed(2)} kB`;
const entries = {
  StatusBadge: "export { StatusBadge } from './dist/index.js';",
  OpportunitiesTable: "export { OpportunitiesTable } from './dist/index.js';",
  DurationPicker: "export { DurationPicker } from './dist/index.js';",
  SummaryCards: "export { SummaryCards } from './dist/index.js';",
  'whole package': "export * from './dist/index.js';",
};

let total = 0;
console.log(
  `size budget: ${kb(BUDGET_BYTES)} gzipped JS (react, react-dom excluded; core's code included)`,
);
for (const [name, contents] of Object.entries(entries)) {
  const { raw, gzip } = await gzippedSize(contents);
  console.log(`  ${name.padEnd(20)} ${kb(raw).padStart(10)} min  ${kb(gzip).padStart(10)} gzip`);
  if (name === 'whole package') total = gzip;
}
if (total > BUDGET_BYTES) {
  console.error(`size: FAILED, ${kb(total)} > ${kb(BUDGET_BYTES)}`);
  process.exit(1);
}
console.log(`size: OK, ${kb(total)} <= ${kb(BUDGET_BYTES)}`);
