#!/usr/bin/env node
/**
 * Size budget: the package's JS, minified and gzipped, with React excluded. Everything else the
 * components pull in (core's rules) is counted; core is built one file per module, so its zod
 * schemas drop out. Prints one line per component (each exported component, found in the
 * built entry, bundled alone: what an app importing only it pays) and the whole package (all
 * components together); exits 1 when the whole package is over budget. The budget (20 kB) is
 * issue 14's: every component of the Partners experience, still a fraction of a design
 * system's table, form and modal for the same page.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
// The components: the entry's exports named like one (PascalCase) that are functions.
const exported = await import(pathToFileURL(dist).href);
const components = Object.keys(exported)
  .filter((name) => /^[A-Z][a-z]/.test(name) && typeof exported[name] === 'function')
  .sort();
const entries = Object.fromEntries(
  components.map((name) => [name, `export { ${name} } from './dist/index.js';`]),
);
entries['whole package'] = "export * from './dist/index.js';";

let total = 0;
console.log(
  `size budget: ${kb(BUDGET_BYTES)} gzipped JS (react, react-dom excluded; core's code included)`,
);
for (const [name, contents] of Object.entries(entries)) {
  const { raw, gzip } = await gzippedSize(contents);
  console.log(`  ${name.padEnd(24)} ${kb(raw).padStart(10)} min  ${kb(gzip).padStart(10)} gzip`);
  if (name === 'whole package') total = gzip;
}
if (total > BUDGET_BYTES) {
  console.error(`size: FAILED, ${kb(total)} > ${kb(BUDGET_BYTES)}`);
  process.exit(1);
}
console.log(`size: OK, ${kb(total)} <= ${kb(BUDGET_BYTES)}`);
