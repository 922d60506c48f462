/**
 * The PGlite preset: loads PRESETS.pglite (20,000 opportunities, one ISV holding 4,000) into an
 * in-memory PGlite with the same generator SQL, rebuilds the counters with the server's
 * rebuildCounters, and times a few list / summary calls over HTTP. PGlite is single-connection
 * WASM Postgres in this process: these figures are for the embedded default, not for scale.
 */
import { sql } from 'drizzle-orm';
import {
  createDb,
  createHttpServer,
  createStore,
  NO_CALLER_LIMITS,
  rebuildCounters,
} from '../../packages/server/src/index.js';
import { arg, cliMeasureOptions, ms } from './env.js';
import { benchApiKey, generateStatements, PRESETS } from './generate.js';
import { lightClient } from './harness.js';
import { fmt, machine, measure, table, writeResult } from './report.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

export async function runPglite(opts: { maxMs?: number; iterations?: number } = {}) {
  const preset = PRESETS.pglite;
  const anchor = new Date(new Date().toISOString().slice(0, 10));
  let t = performance.now();
  const db = await createDb({ dataDir: arg('data-dir') ?? 'memory://' });
  const timings: Record<string, number> = { open: ms(t) };
  const http = createHttpServer({
    store: createStore(db),
    logger: silent,
    callerLimits: NO_CALLER_LIMITS,
  });
  try {
    t = performance.now();
    for (const stmt of generateStatements(preset, anchor)) await db.orm.execute(sql.raw(stmt));
    timings.load = ms(t);
    t = performance.now();
    await rebuildCounters(db.orm);
    await db.orm.execute(sql.raw('analyze'));
    timings.counters = ms(t);
    process.stdout.write(`  loaded ${preset.opportunities} opportunities in ${timings.load} ms\n`);

    const client = lightClient(await http.listen(0, '127.0.0.1'));
    const big = benchApiKey('isv', 0);
    const typical = benchApiKey('isv', preset.isvs / 2);
    const scenarios: [string, string, string, unknown][] = [
      ['list: first page (ISV 0)', big, 'opportunities.list', { limit: 20 }],
      ['list: status = active', big, 'opportunities.list', { limit: 20, status: ['active'] }],
      ['list: text search', big, 'opportunities.list', { limit: 20, q: 'healthcare pilot' }],
      [
        'list: sort by name',
        big,
        'opportunities.list',
        { limit: 20, sort: { field: 'name', direction: 'asc' } },
      ],
      ['list: typical tenant', typical, 'opportunities.list', { limit: 20 }],
      ['summary (ISV 0)', big, 'opportunities.summary', undefined],
      ['summary (typical tenant)', typical, 'opportunities.summary', undefined],
    ];
    const rows: (string | number)[][] = [];
    const figures: Record<string, unknown> = {};
    for (const [name, key, path, input] of scenarios) {
      const call = () => client.query(key, path, input);
      await call();
      const s = await measure(call, { maxMs: 3_000, iterations: 100, ...opts });
      figures[name] = s;
      rows.push([name, fmt(s.p50), fmt(s.p95), fmt(s.p99), fmt(s.rps, 0)]);
    }
    const markdown = [
      `PGlite (in-memory, in this process): preset "${preset.name}", ${preset.opportunities.toLocaleString('en')} opportunities over ${preset.isvs} ISVs (ISV 0 holds ${preset.bigIsvRows.toLocaleString('en')}); generator ${timings.load} ms, counters + ANALYZE ${timings.counters} ms. HTTP, one request at a time; times in ms.`,
      '',
      table(['scenario', 'p50', 'p95', 'p99', 'req/s'], rows),
    ].join('\n');
    const result = { title: 'PGlite preset', machine: machine(), timings, figures, markdown };
    writeResult('pglite', result);
    process.stdout.write(`\n${markdown}\n`);
    client.close();
    return result;
  } finally {
    await http.close();
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runPglite(cliMeasureOptions()).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
