/**
 * What the `opportunities` indexes cost each use (offers.create), measured with the minimal use
 * transaction through pgbench (src/pgbench.ts) under three sets of indexes, taking turns:
 *   all     every index of the schema (a use is not a HOT update: times_used is indexed, so
 *           every index gets an entry per use);
 *   no-tu   without the four indexes that name times_used (the sort index and the partial
 *           indexes whose predicate reads it), so a use is a HOT update and no index is written;
 *   pk      the primary key alone.
 * The indexes are dropped and rebuilt from their own definitions (pg_get_indexdef), and all are
 * restored at the end, whatever happens.
 *   pnpm --filter @resale-kit/bench bench:indexes [-- --rounds 2 --seconds 5]
 */
import postgres from 'postgres';
import { arg, dbUrl } from './env.js';
import { pgbenchUse } from './pgbench.js';
import { fmt, machine, table, writeResult } from './report.js';

interface IndexDef {
  name: string;
  def: string;
  timesUsed: boolean;
}

export async function runIndexes() {
  const url = dbUrl(arg('db'));
  const rounds = Number(arg('rounds', '2'));
  const seconds = Number(arg('seconds', '5'));
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const defs = (
    await sql<{ name: string; def: string }[]>`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i where i.indrelid = 'opportunities'::regclass and not i.indisprimary
      order by 1`
  ).map((d) => ({ ...d, timesUsed: /times_used/.test(d.def) }));
  const ids = (
    await sql<{ id: string }[]>`
      select id from opportunities where duration_type = 'no-set-duration' and restricted_at is null
      order by md5(id::text) limit 2000`
  ).map((r) => r.id);
  const sets: Record<string, (d: IndexDef) => boolean> = {
    all: () => true,
    'no-tu': (d) => !d.timesUsed,
    pk: () => false,
  };
  const present = new Set(defs.map((d) => d.name));
  const use = async (keep: (d: IndexDef) => boolean) => {
    for (const d of defs) {
      if (!keep(d) && present.has(d.name)) {
        await sql.unsafe(`drop index ${d.name}`);
        present.delete(d.name);
      }
    }
    for (const d of defs) {
      if (keep(d) && !present.has(d.name)) {
        await sql.unsafe(d.def);
        present.add(d.name);
      }
    }
    await sql`vacuum analyze opportunities`;
  };
  const results: Record<string, { cpu: number[]; tps: number[]; hot: number[] }> = {};
  try {
    for (let r = 0; r < rounds; r++) {
      for (const [name, keep] of Object.entries(sets)) {
        await use(keep);
        const [before] = await sql<{ upd: number; hot: number }[]>`
          select n_tup_upd::int as upd, n_tup_hot_upd::int as hot
          from pg_stat_user_tables where relname = 'opportunities'`;
        const res = await pgbenchUse(sql, url, ids, { seconds, keyPrefix: `pgb-idx-${name}-` });
        // The statistics collector lags a little; the share of HOT updates is what matters.
        await new Promise((ok) => setTimeout(ok, 700));
        const [after] = await sql<{ upd: number; hot: number }[]>`
          select n_tup_upd::int as upd, n_tup_hot_upd::int as hot
          from pg_stat_user_tables where relname = 'opportunities'`;
        const upd = (after?.upd ?? 0) - (before?.upd ?? 0);
        const hot = (after?.hot ?? 0) - (before?.hot ?? 0);
        const entry = results[name] ?? { cpu: [], tps: [], hot: [] };
        results[name] = entry;
        entry.cpu.push(res.pgCpuPerTx);
        entry.tps.push(res.tps);
        entry.hot.push(upd ? hot / upd : Number.NaN);
        process.stdout.write(
          `  round ${r + 1}, ${name}: ${fmt(res.pgCpuPerTx, 3)} ms Postgres CPU / use, ${fmt(res.tps, 0)} tps, HOT ${fmt((100 * hot) / Math.max(1, upd), 0)}%\n`,
        );
      }
    }
  } finally {
    await use(() => true);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const all = mean(results.all?.cpu ?? []);
  const count = (keep: (d: IndexDef) => boolean) => defs.filter(keep).length + 1;
  const rows = Object.entries(results).map(([name, r]) => [
    name,
    count(sets[name] as (d: IndexDef) => boolean),
    r.cpu.map((x) => fmt(x, 3)).join(', '),
    fmt(mean(r.cpu), 3),
    fmt(mean(r.cpu) / all, 2),
    r.tps.map((x) => fmt(x, 0)).join(', '),
    `${fmt(100 * mean(r.hot), 0)}%`,
  ]);
  const perIndex = (all - mean(results.pk?.cpu ?? [])) / defs.length;
  const markdown = [
    `The minimal use transaction through pgbench (prepared, 20 clients, ${seconds} s a run), ${rounds} rounds of the three index sets taking turns. Postgres CPU per use in ms (the bench database's backends and the shared writers, from /proc).`,
    '',
    table(
      [
        'indexes on opportunities',
        'count (with the primary key)',
        'CPU / use, each round',
        'mean',
        'vs all',
        'tps, each round',
        'HOT updates',
      ],
      rows,
    ),
    '',
    `Index maintenance per use, all vs primary key only: ${fmt(all - mean(results.pk?.cpu ?? []), 3)} ms, about ${fmt(perIndex, 3)} ms per secondary index (${defs.length}). Indexes naming times_used: ${defs
      .filter((d) => d.timesUsed)
      .map((d) => d.name)
      .join(', ')}.`,
  ].join('\n');
  const result = {
    title: 'What the opportunities indexes cost a use',
    machine: machine(),
    results,
    markdown,
  };
  writeResult('indexes', result);
  process.stdout.write(`\n${markdown}\n`);
  await sql.end();
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runIndexes().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
