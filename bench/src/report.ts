import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const argDb = process.argv.find((_a, i, all) => all[i - 1] === '--db') ?? process.env.BENCH_DB;
/**
 * bench/results for the default database (rk_bench, the committed figures); runs against another
 * database (e.g. the smoke preset) write to bench/results/<db>/, which git ignores.
 */
export const RESULTS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'results',
  ...(argDb && argDb !== 'rk_bench' ? [argDb] : []),
);

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Completed operations per second of wall time. */
  rps: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

export function stats(samples: number[], wallMs: number): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean,
    rps: (sorted.length / wallMs) * 1000,
  };
}

export interface MeasureOptions {
  warmup?: number;
  /** Stop after this many measured operations... */
  iterations?: number;
  /** ...or after this much time, whichever comes first. */
  maxMs?: number;
  /** Operations in flight at once (each worker runs them one after another). */
  concurrency?: number;
}

/** Runs `op` repeatedly (bounded in count and time) and returns latency percentiles in ms. */
export async function measure(op: (i: number) => Promise<unknown>, o: MeasureOptions = {}) {
  const { warmup = 10, iterations = 200, maxMs = 6_000, concurrency = 1 } = o;
  for (let i = 0; i < warmup; i++) await op(-1 - i);
  const samples: number[] = [];
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < iterations && performance.now() - start < maxMs) {
      const i = next++;
      const t = performance.now();
      await op(i);
      samples.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return stats(samples, performance.now() - start);
}

/**
 * Several operations measured in turns (one of each per round, the order rotated each round), so
 * a figure and its baseline see the same moments of a shared machine's load. Stops after
 * `iterations` rounds or `maxMs` per operation, whichever comes first.
 */
export async function measureTogether<K extends string>(
  ops: Record<K, () => Promise<unknown>>,
  o: MeasureOptions = {},
): Promise<Record<K, Stats>> {
  const { warmup = 10, iterations = 200, maxMs = 6_000 } = o;
  const keys = Object.keys(ops) as K[];
  for (const k of keys) for (let i = 0; i < warmup; i++) await ops[k]();
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const start = performance.now();
  for (let round = 0; round < iterations; round++) {
    if (performance.now() - start >= maxMs * keys.length) break;
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(round + j) % keys.length] as K;
      const t = performance.now();
      await ops[k]();
      samples[k].push(performance.now() - t);
    }
  }
  const wall = performance.now() - start;
  return Object.fromEntries(
    keys.map((k) => {
      const st = stats(samples[k], wall);
      // req/s of this operation alone: its samples over its own time, not the shared wall.
      const own = samples[k].reduce((a, b) => a + b, 0);
      return [k, { ...st, rps: (st.n / own) * 1000 }];
    }),
  ) as Record<K, Stats>;
}

export const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : '-');

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)),
  );
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [
    line(headers),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

export function machine(extra: Record<string, unknown> = {}) {
  const c = cpus();
  return {
    cpus: c.length,
    cpuModel: c[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    /** 1-minute load average when the run started: the machine is shared (2 cores). */
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    ...extra,
  };
}

/** Writes bench/results/<name>.json (raw figures) and <name>.md (the printed table). */
export function writeResult(
  name: string,
  data: { title: string; markdown: string; [k: string]: unknown },
) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
  const m = data.machine as Record<string, unknown> | undefined;
  const about = m
    ? `\n\nMachine: ${m.cpus} x ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}${m.postgres ? `, ${m.postgres}` : ''}; run ${m.date}, load average ${m.loadAverage1m} (shared machine).\n`
    : '\n';
  writeFileSync(join(RESULTS_DIR, `${name}.md`), `# ${data.title}\n\n${data.markdown}${about}`);
}

export const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

/** bench/results/README.md: every benchmark's latest table, in a fixed order. */
export function writeIndex(): void {
  const parts = ['targets', 'list', 'summary', 'offers', 'http', 'components', 'pglite', 'newcomer']
    .map((name) => join(RESULTS_DIR, `${name}.md`))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8').replace(/^# /, '## '));
  writeFileSync(
    join(RESULTS_DIR, 'README.md'),
    `# Latest benchmark figures\n\nWritten by \`pnpm --filter @resale-kit/bench bench\` (each section also by its own script); see ../README.md for what each figure means.\n\n${parts.join('\n')}`,
  );
}
