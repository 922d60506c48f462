#!/usr/bin/env node
/**
 * Size budget: the package's JS, minified and gzipped, with React excluded. Core's code that the
 * components pull in is counted; zod is excluded (see BUDGET_NOTE). Prints one line per
 * component entry and the total; exits 1 when the total is over budget.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BUDGET_BYTES = 12 * 1024;
const BUDGET_NOTE =
  'zod excluded: core validates with zod schemas at module level (not tree-shakeable); every consumer of the API already has it';
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/index.js`;
if (!existsSync(dist)) {
  console.error('size: dist/index.js is missing; run `pnpm build` first');
  process.exit(1);
}

const EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime', 'zod'];

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
  `size budget: ${kb(BUDGET_BYTES)} gzipped JS (react, react-dom excluded; ${BUDGET_NOTE})`,
);
for (const [name, contents] of Object.entries(entries)) {
  const { raw, gzip } = await gzippedSize(contents);
  console.log(`  ${name.padEnd(20)} ${kb(raw).padStart(10)} min  ${kb(gzip).padStart(10)} gzip`);
  if (name === 'whole package') total = gzip;
}
// For the record: what the page pays when it does not already ship zod.
const EXTERNAL_WITHOUT_ZOD = EXTERNAL.filter((e) => e !== 'zod');
const withZod = await build({
  stdin: { contents: entries['whole package'], resolveDir: root, loader: 'js' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  external: EXTERNAL_WITHOUT_ZOD,
  logLevel: 'silent',
});
console.log(
  `  ${'(with zod, for info)'.padEnd(20)} ${kb(gzipSync(withZod.outputFiles[0].contents, { level: 9 }).length).padStart(27)} gzip`,
);
if (total > BUDGET_BYTES) {
  console.error(`size: FAILED, ${kb(total)} > ${kb(BUDGET_BYTES)}`);
  process.exit(1);
}
console.log(`size: OK, ${kb(total)} <= ${kb(BUDGET_BYTES)}`);
