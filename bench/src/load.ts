/**
 * Loads a preset into a fresh Postgres database (default rk_bench), fast:
 *   pnpm --filter @resale-kit/bench load -- --preset million
 * Drops and recreates the database, applies the server's migrations, drops the secondary indexes
 * of the big tables, runs the generator's INSERT ... SELECT generate_series statements with FK
 * triggers off (session_replication_role = replica; consistency is checked afterwards instead),
 * rebuilds the indexes, then the summary counters with the server's own rebuildCounters.
 */

import postgres from 'postgres';
import { createDb, rebuildCounters } from '../../packages/server/src/index.js';
import { ADMIN_URL, adminClient, arg, BENCH_DB, dbUrl, ms } from './env.js';
import { CONSISTENCY_CHECKS, generateStatements, PRESETS, type PresetName } from './generate.js';

const BIG_TABLES = ['opportunities', 'offers', 'events'];

function utcMidnight(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export async function loadPostgres(presetName: PresetName, dbName: string, anchor: Date) {
  const preset = PRESETS[presetName];
  const timings: Record<string, number> = {};
  const admin = adminClient();
  let t = performance.now();
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
  const url = dbUrl(dbName);
  const db = await createDb({ url, maxConnections: 2 });
  timings.migrate = ms(t);

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`set session_replication_role = replica`);
    await sql.unsafe(`set synchronous_commit = off`);
    await sql.unsafe(`set maintenance_work_mem = '512MB'`);
    await sql.unsafe(`set work_mem = '128MB'`);
    const indexes = await sql<{ name: string; def: string }[]>`
      select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename in ${sql(BIG_TABLES)}
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`;
    for (const ix of indexes) await sql.unsafe(`drop index ${ix.name}`);

    const statements = generateStatements(preset, anchor);
    t = performance.now();
    for (const [n, stmt] of statements.entries()) {
      const t1 = performance.now();
      const res = await sql.unsafe(stmt);
      const label =
        /(?:insert into|create unlogged table|drop table) (\w+)/.exec(stmt)?.[1] ??
        `statement ${n}`;
      timings[`insert ${label}${timings[`insert ${label}`] !== undefined ? ` ${n}` : ''}`] = ms(t1);
      process.stdout.write(
        `  ${label.padEnd(16)} ${String(res.count).padStart(9)} rows  ${ms(t1)} ms\n`,
      );
    }
    timings.insertTotal = ms(t);

    t = performance.now();
    for (const ix of indexes) await sql.unsafe(ix.def);
    timings.indexes = ms(t);
    process.stdout.write(
      `  ${indexes.length} secondary indexes rebuilt in ${timings.indexes} ms\n`,
    );

    t = performance.now();
    await rebuildCounters(db.orm);
    timings.counters = ms(t);
    process.stdout.write(
      `  counters rebuilt (server's rebuildCounters) in ${timings.counters} ms\n`,
    );

    t = performance.now();
    for (const [what, query] of Object.entries(CONSISTENCY_CHECKS)) {
      const [row] = await sql.unsafe(query);
      const bad = Number(row?.count ?? -1);
      if (bad !== 0) throw new Error(`generated data inconsistent: ${what}: ${bad}`);
    }
    timings.checks = ms(t);

    t = performance.now();
    await sql.unsafe('vacuum analyze');
    timings.vacuumAnalyze = ms(t);

    await sql.unsafe(`create table bench_meta (key text primary key, value jsonb not null)`);
    const counts = await sql`
      select (select count(*) from opportunities)::int as opportunities,
             (select count(*) from offers)::int as offers,
             (select count(*) from events)::int as events,
             (select count(*) from isvs)::int as isvs,
             (select sum(restricted)::int from isv_counters) as restricted,
             (select sum(complete)::int from isv_counters) as complete,
             (select sum(open_no_end)::int from isv_counters) as open_no_end,
             (select sum(n)::int from isv_open_end_counts where end_at < now()) as expired_now,
             (select sum(n)::int from isv_open_end_counts where end_at >= now()) as active_with_end_now`;
    const meta = { preset, anchor: anchor.toISOString(), timings, counts: counts[0] };
    await sql`insert into bench_meta (key, value) values ('load', ${sql.json(meta)})`;
    return meta;
  } finally {
    await sql.end();
    await db.close();
  }
}

async function main() {
  const presetName = (arg('preset', 'million') ?? 'million') as PresetName;
  if (!(presetName in PRESETS) || presetName === 'pglite') {
    throw new Error(`--preset: one of million, smoke (pglite loads in-process: see pglite.ts)`);
  }
  const dbName = arg('db', BENCH_DB) ?? BENCH_DB;
  if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error('--db: a plain lowercase identifier');
  const anchor = utcMidnight(new Date(arg('anchor') ?? Date.now()));
  process.stdout.write(
    `Loading preset ${presetName} into ${dbName} (${new URL(ADMIN_URL).host}), anchor ${anchor.toISOString()}\n`,
  );
  const t = performance.now();
  const meta = await loadPostgres(presetName, dbName, anchor);
  process.stdout.write(
    `Loaded in ${(ms(t) / 1000).toFixed(1)} s\n${JSON.stringify(meta.counts)}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
