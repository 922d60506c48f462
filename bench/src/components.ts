/**
 * The components: gzipped size of each component and of the whole package, and
 * OpportunitiesTable's first render for 50 and 1,000 rows in Chromium (playwright-core driving
 * the system Chromium). Needs `pnpm --filter @resale-kit/react build` first.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '@resale-kit/chromium';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { arg } from './env.js';
import { fmt, machine, stats, table, writeResult } from './report.js';
import { type Target, target, targetsMarkdown } from './targets.js';

const REACT_DIR = fileURLToPath(new URL('../../packages/react/', import.meta.url));
const DIST = join(REACT_DIR, 'dist', 'index.js');
const ENTRIES: Record<string, string> = {
  StatusBadge: 'export { StatusBadge } from "./dist/index.js";',
  SummaryCards: 'export { SummaryCards } from "./dist/index.js";',
  DurationPicker: 'export { DurationPicker } from "./dist/index.js";',
  OpportunitiesTable: 'export { OpportunitiesTable } from "./dist/index.js";',
  'whole package': 'export * from "./dist/index.js";',
};

async function gzipped(contents: string, external: string[]) {
  const out = await build({
    stdin: { contents, resolveDir: REACT_DIR, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    external,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

const kB = (n: number) => `${(n / 1024).toFixed(2)} kB`;

interface Scenario {
  label: string;
  n: number;
  virtualize?: boolean;
  /** The 1,000-row target applies: first render p95 <= 0.1 x the unvirtualized p95. */
  target?: boolean;
  scrollJumps?: number;
}

/**
 * The package's own size check (packages/react/scripts/size.mjs, the one home of its budget):
 * its budget and its whole-package figure, read from what it prints. It exits 1 when over budget.
 */
async function packageSizeCheck(): Promise<{ budgetKb: number; wholeKb: number }> {
  const script = join(REACT_DIR, 'scripts', 'size.mjs');
  const out = await new Promise<string>((resolve) =>
    execFile(process.execPath, [script], { cwd: REACT_DIR }, (_err, stdout) => resolve(stdout)),
  );
  const budgetKb = Number(/size budget: ([\d.]+) kB/.exec(out)?.[1]);
  const wholeKb = Number(/whole package\s+[\d.]+ kB min\s+([\d.]+) kB gzip/.exec(out)?.[1]);
  if (!budgetKb || !wholeKb) throw new Error(`packages/react/scripts/size.mjs printed:\n${out}`);
  return { budgetKb, wholeKb };
}

/**
 * 50 rows (below the virtualization threshold: all in the DOM), 1,000 rows as the table renders
 * them by default (virtualized), and 1,000 rows with `virtualize={false}`: every row in the DOM,
 * so what `table-layout: fixed` alone does.
 */
const SCENARIOS: Scenario[] = [
  { label: '50 rows', n: 50 },
  { label: '1,000 rows (virtualized, the default)', n: 1000, target: true, scrollJumps: 5 },
  { label: '1,000 rows, virtualize={false}', n: 1000, virtualize: false },
];

/** The measurement is only worth something if the table rendered what it should have. */
function checkRendered(
  scenario: Scenario,
  result: { rows: number; rowCount: number | null },
): void {
  const { n, label } = scenario;
  const virtualized = scenario.virtualize ?? n > 100;
  if (virtualized) {
    if (result.rowCount !== n + 1)
      throw new Error(`${label}: aria-rowcount ${result.rowCount}, expected ${n + 1}`);
    if (result.rows < 10 || result.rows > 60)
      throw new Error(`${label}: ${result.rows} rows in the DOM, expected a viewport's worth`);
  } else if (result.rows !== n || result.rowCount !== null) {
    throw new Error(`${label}: rendered ${result.rows} rows, expected all ${n}`);
  }
}

export async function runComponents(opts: { samples?: number } = {}) {
  if (!existsSync(DIST))
    throw new Error('packages/react/dist is missing: build @resale-kit/react first');
  const samples = opts.samples ?? 15;

  // 1. Sizes: react external (a peer); everything else, core's rules included, counted.
  const sizeRows: (string | number)[][] = [];
  const sizes: Record<string, unknown> = {};
  for (const [name, contents] of Object.entries(ENTRIES)) {
    const size = await gzipped(contents, ['react', 'react-dom', 'react/jsx-runtime']);
    sizes[name] = size;
    sizeRows.push([name, kB(size.min), kB(size.gzip)]);
  }
  const css = readFileSync(join(REACT_DIR, 'dist', 'styles.css'));
  sizeRows.push(['styles.css', kB(css.length), kB(gzipSync(css, { level: 9 }).length)]);

  // 2. First render in Chromium: a fresh page per sample, so every sample is a first mount.
  const page = await build({
    entryPoints: [fileURLToPath(new URL('./page/render-page.tsx', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    jsx: 'automatic',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const script = page.outputFiles[0]?.text ?? '';
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css.toString()}</style></head><body><script>${script.replaceAll('</script', '<\\/script')}</script></body></html>`;
  const userDataDir = mkdtempSync(join(tmpdir(), 'rk-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...chromiumLaunchOptions(),
    viewport: { width: 1280, height: 800 },
  });
  const renderRows: (string | number)[][] = [];
  const renders: Record<string, unknown> = {};
  let browserVersion = '';
  try {
    browserVersion = context.browser()?.version() ?? '';
    const tab = await context.newPage();
    for (const scenario of SCENARIOS) {
      const { n, virtualize } = scenario;
      const cold: number[] = [];
      const frames: number[] = [];
      const warm: number[] = [];
      const scroll: number[] = [];
      let inDom = 0;
      for (let s = 0; s < samples; s++) {
        await tab.setContent(html);
        const first = await tab.evaluate(
          ([count, v]) => window.renderTable(count, { virtualize: v }),
          [n, virtualize] as const,
        );
        checkRendered(scenario, first);
        inDom = first.rows;
        cold.push(first.renderMs);
        frames.push(first.frameMs);
        // Later mounts in the same page: warm code, same work; then jumps through the rows.
        const again = await tab.evaluate(
          ([count, v, jumps]) => window.renderTable(count, { virtualize: v, scrollJumps: jumps }),
          [n, virtualize, scenario.scrollJumps ?? 0] as const,
        );
        warm.push(again.renderMs);
        scroll.push(...again.scrollMs);
      }
      const c = stats(cold, 1);
      const f = stats(frames, 1);
      const w = stats(warm, 1);
      const j = scroll.length ? stats(scroll, 1) : null;
      renders[scenario.label] = {
        rows: n,
        virtualize,
        inDom,
        cold: c,
        toNextFrame: f,
        warm: w,
        scrollJump: j,
      };
      renderRows.push([
        scenario.label,
        inDom.toLocaleString('en'),
        fmt(c.p50),
        fmt(c.p95),
        fmt(f.p50),
        fmt(w.p50),
        j ? `${fmt(j.p50)} / ${fmt(j.p95)}` : '-',
      ]);
    }
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }

  const p95 = (label: string | undefined) =>
    (renders[label ?? ''] as { cold: { p95: number } } | undefined)?.cold.p95 ?? Number.NaN;
  const sizeCheck = await packageSizeCheck();
  const targets: Target[] = [
    target({
      area: 'components',
      name: 'OpportunitiesTable, 1,000 rows, first render',
      figure: p95(SCENARIOS.find((x) => x.target)?.label),
      figureLabel: 'virtualized p95',
      baseline: p95(SCENARIOS.find((x) => x.virtualize === false)?.label),
      baselineLabel: 'unvirtualized p95',
      factor: 0.1,
      unit: 'ms',
    }),
    // Bytes do not depend on the machine: the budget stays absolute, the package's own.
    target({
      area: 'components',
      name: 'size budget, whole package (gzip, react external; packages/react/scripts/size.mjs)',
      figure: sizeCheck.wholeKb,
      figureLabel: 'size',
      baseline: sizeCheck.budgetKb,
      baselineLabel: 'the budget',
      factor: 1,
      unit: 'kB',
    }),
  ];
  const markdown = [
    'Sizes: esbuild bundle of each export from packages/react/dist, minified, gzip -9; react and react-dom external (peers), everything else (core) included.',
    '',
    table(['entry', 'min', 'gzip'], sizeRows),
    '',
    `First render of OpportunitiesTable in Chromium ${browserVersion} (headless, 1280 x 800 viewport, production React build): a fresh page per sample (${samples} samples), flushSync(root.render) + forced layout: the render, the commit, the effects (the virtual window measures where the table is, and renders again when its first rows do not cover the viewport), and style + layout of the result. "Next frame" waits for the following animation frame; "warm" is a second mount in the same page. "Scroll jump" (${SCENARIOS[1]?.scrollJumps} per sample, in the warm page): from window.scrollTo to a far row being in the DOM and laid out, which includes waiting for the next frame (up to 16.7 ms). Times in ms.`,
    '',
    table(
      [
        'rows',
        'rows in the DOM',
        'first render p50',
        'p95',
        'to next frame p50',
        'warm mount p50',
        'scroll jump p50 / p95',
      ],
      renderRows,
    ),
    '',
    targetsMarkdown(targets),
  ].join('\n');
  const result = {
    title: 'Components: size and first render',
    machine: machine({ chromium: browserVersion }),
    sizes,
    renders,
    targets,
    markdown,
  };
  writeResult('components', result);
  process.stdout.write(`\n${markdown}\n`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runComponents({ samples: Number(arg('samples', '15')) }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
