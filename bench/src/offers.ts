/**
 * offers.create under 64 concurrent clients on Postgres, against the server's bin in a child
 * process, then the exactly-once check: every acknowledged offer is stored once, times_used
 * equals the offer rows, a replayed key counted nothing, a single-use opportunity raced by all
 * clients yields exactly one offer, and the summary counters equal a recount.
 */

import type { Principal } from '@resale-kit/core';
import postgres from 'postgres';
import { createDb, createStore } from '../../packages/server/src/index.js';
import { spawnServer } from './child.js';
import { type CpuShares, cpuMeter } from './cpu.js';
import { arg, cliMeasureOptions, dbUrl } from './env.js';
import { benchApiKey } from './generate.js';
import { HttpError, lightClient } from './harness.js';
import { pgVersion } from './list.js';
import { pgbenchUse } from './pgbench.js';
import { fmt, machine, stats, table, writeResult } from './report.js';
import { type Target, target, targetsMarkdown } from './targets.js';

interface OfferResult {
  offer: { id: string; opportunityId: string };
  replayed: boolean;
}

const CLIENTS = 64;

/** Counters vs a recount, for the given ISVs: rows that differ (0 = consistent). */
export async function counterMismatches(sql: postgres.Sql, isvIds: string[]) {
  const [row] = await sql<{ bad: number }[]>`
    with recount as (
      select isv_id, count(*)::int as total,
             count(*) filter (where restricted_at is not null)::int as restricted,
             count(*) filter (where restricted_at is null and duration_type = 'single-use' and times_used >= 1)::int as complete,
             count(*) filter (where restricted_at is null and not (duration_type = 'single-use' and times_used >= 1) and end_at is null)::int as open_no_end
      from opportunities where isv_id = any(${isvIds}::uuid[]) group by isv_id),
    ends as (
      select isv_id, end_at, count(*)::int as n from opportunities
      where isv_id = any(${isvIds}::uuid[]) and restricted_at is null
        and not (duration_type = 'single-use' and times_used >= 1) and end_at is not null
      group by isv_id, end_at),
    stored_ends as (select isv_id, end_at, n from isv_open_end_counts where isv_id = any(${isvIds}::uuid[]) and n <> 0)
    select (select count(*) from recount r full join (select * from isv_counters where isv_id = any(${isvIds}::uuid[])) c using (isv_id)
            where (r.total, r.restricted, r.complete, r.open_no_end) is distinct from (c.total, c.restricted, c.complete, c.open_no_end))::int
         + (select count(*) from ends e full join stored_ends s using (isv_id, end_at) where e.n is distinct from s.n)::int as bad`;
  return row?.bad ?? -1;
}

export async function runOffers(opts: { maxMs?: number; iterations?: number } = {}) {
  const maxMs = opts.maxMs ?? 10_000;
  const maxOffers = opts.iterations ?? 40_000;
  const url = dbUrl(arg('db'));
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  // BENCH_SERVER_DB_URL: how the server connects, e.g. through a Unix socket (?host=/dir).
  const server = await spawnServer({ DATABASE_URL: process.env.BENCH_SERVER_DB_URL ?? url });
  const runId = `run${Date.now().toString(36)}`;
  try {
    const reseller = (name: string) => benchApiKey('reseller', Number(name.replace(/\D/g, '')));
    // Active multi-use opportunities, spread over resellers and ISVs.
    const multi = await sql<
      { id: string; isv_id: string; reseller_name: string; times_used: number }[]
    >`
      select id, isv_id, reseller_name, times_used from opportunities
      where duration_type = 'no-set-duration' and restricted_at is null
      order by md5(id::text) limit 2000`;
    const single = await sql<{ id: string; isv_id: string; reseller_name: string }[]>`
      select id, isv_id, reseller_name from opportunities
      where duration_type = 'single-use' and restricted_at is null and times_used = 0
        and (end_at is null or end_at > now() + interval '1 day')
      order by md5(id::text) limit 8`;
    if (multi.length < 100 || single.length < 8) throw new Error('not enough active opportunities');

    const client = lightClient(server.base, CLIENTS);
    // 1. Races: all clients at once on each single-use opportunity: exactly one wins.
    const raceRows: (string | number)[][] = [];
    let raceOk = true;
    for (const s of single) {
      const outcomes = await Promise.all(
        Array.from({ length: CLIENTS }, (_, c) =>
          client
            .mutate<OfferResult>(reseller(s.reseller_name), 'offers.create', {
              opportunityId: s.id,
              buyerAccountId: String(100000000000 + c),
              idempotencyKey: `${runId}-race-${s.id}-${c}`,
            })
            .then(
              () => 'ok',
              (e: unknown) => (e instanceof HttpError ? `${e.status}` : 'error'),
            ),
        ),
      );
      const wins = outcomes.filter((o) => o === 'ok').length;
      const conflicts = outcomes.filter((o) => o === '409').length;
      raceOk &&= wins === 1 && conflicts === CLIENTS - 1;
      raceRows.push([s.id.slice(0, 8), wins, conflicts, CLIENTS - wins - conflicts]);
    }

    // 2. The load: 64 clients, each sending its next offer as soon as the last one is answered.
    const before = new Map(multi.map((m) => [m.id, m.times_used]));
    const acked = new Map<string, number>();
    const ackedIds = new Set<string>();
    const latencies: number[] = [];
    let replays = 0;
    let replayMismatches = 0;
    const failures = new Map<string, number>();
    let sent = 0;
    const httpCpu = cpuMeter(
      server.child.pid ? { pid: server.child.pid } : undefined,
      new URL(url).pathname.slice(1),
    );
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        let last: { input: object; key: string; offerId: string } | null = null;
        for (let j = 0; ; j++) {
          if (sent >= maxOffers || performance.now() - start > maxMs) return;
          // One request in 5 repeats the previous key: it must answer the first offer, count nothing.
          if (last && j % 5 === 4) {
            const again = await client.mutate<OfferResult>(last.key, 'offers.create', last.input);
            replays++;
            if (!again.replayed || again.offer.id !== last.offerId) replayMismatches++;
            continue;
          }
          sent++;
          const m = multi[(c + CLIENTS * j) % multi.length];
          if (!m) return;
          const key = reseller(m.reseller_name);
          const input = {
            opportunityId: m.id,
            buyerAccountId: String(200000000000 + c * 100000 + j),
            idempotencyKey: `${runId}-${c}-${j}`,
          };
          const t = performance.now();
          try {
            const res = await client.mutate<OfferResult>(key, 'offers.create', input);
            latencies.push(performance.now() - t);
            if (res.replayed) throw new Error('a fresh key was answered as a replay');
            acked.set(m.id, (acked.get(m.id) ?? 0) + 1);
            ackedIds.add(res.offer.id);
            last = { input, key, offerId: res.offer.id };
          } catch (e) {
            const why = e instanceof HttpError ? `HTTP ${e.status}` : (e as Error).message;
            failures.set(why, (failures.get(why) ?? 0) + 1);
          }
        }
      }),
    );
    const wall = performance.now() - start;
    const load = stats(latencies, wall);
    const loadCpu = httpCpu(latencies.length + replays);
    client.close();

    // 2b. The same load on the server's Store in this process: no HTTP, tRPC or client.
    const direct = await storeLoad(url, multi, reseller, runId, maxMs, maxOffers);
    for (const [id, n] of direct.acked) acked.set(id, (acked.get(id) ?? 0) + n);
    for (const id of direct.ackedIds) ackedIds.add(id);

    // 2c. The floor on the Postgres side: the same logical writes as one minimal transaction,
    // prepared, through pgbench, over the same opportunities (its offers are not counted below:
    // the exactly-once check reads this run's keys only, and times_used against offer rows).
    const floor = await pgbenchUse(
      sql,
      url,
      multi.map((m) => m.id),
      { seconds: Math.max(3, Math.round(maxMs / 1000)), keyPrefix: `pgb-${runId}-` },
    );

    // 3. Exactly once.
    const ids = [...before.keys()];
    const after = await sql<
      { id: string; times_used: number; offers: number; run_offers: number; pgb: number }[]
    >`
      select o.id, o.times_used,
             (select count(*)::int from offers f where f.opportunity_id = o.id) as offers,
             (select count(*)::int from offers f where f.opportunity_id = o.id and f.idempotency_key like ${`${runId}-%`}) as run_offers,
             (select count(*)::int from offers f where f.opportunity_id = o.id and f.idempotency_key like ${`pgb-${runId}-%`}) as pgb
      from opportunities o where o.id = any(${ids}::uuid[])`;
    let lost = 0;
    let doubled = 0;
    let usedVsRows = 0;
    for (const r of after) {
      const want = (before.get(r.id) ?? 0) + (acked.get(r.id) ?? 0);
      // pgbench's uses (the floor above) are counted by their keys: theirs, not the server's.
      const pgbenchUses = r.pgb;
      if (r.times_used - pgbenchUses < want) lost += want - (r.times_used - pgbenchUses);
      if (r.times_used - pgbenchUses > want) doubled += r.times_used - pgbenchUses - want;
      if (r.times_used !== r.offers) usedVsRows++;
      if (r.run_offers !== (acked.get(r.id) ?? 0)) usedVsRows++;
    }
    const [stored] = await sql<{ n: number }[]>`
      select count(*)::int as n from offers where id = any(${[...ackedIds]}::uuid[])`;
    const missingAcked = ackedIds.size - (stored?.n ?? 0);
    const [raceDb] = await sql<{ bad: number }[]>`
      select count(*)::int as bad from opportunities o
      where o.id = any(${single.map((s) => s.id)}::uuid[])
        and (o.times_used <> 1 or (select count(*) from offers f where f.opportunity_id = o.id) <> 1)`;
    const isvIds = [...new Set([...multi, ...single].map((m) => m.isv_id))];
    const counterBad = await counterMismatches(sql, isvIds);
    const exactlyOnce =
      lost === 0 &&
      doubled === 0 &&
      usedVsRows === 0 &&
      missingAcked === 0 &&
      replayMismatches === 0 &&
      raceOk &&
      raceDb?.bad === 0 &&
      counterBad === 0;

    const targets: Target[] = [
      target({
        area: 'offers',
        name: 'Postgres CPU per offer (Store in-process load)',
        figure: direct.cpu.perOp.Postgres ?? Number.NaN,
        figureLabel: 'offers.create',
        baseline: floor.pgCpuPerTx,
        baselineLabel: 'the minimal transaction through pgbench',
        factor: 1.5,
        unit: 'ms',
      }),
      target({
        area: 'offers',
        name: 'over HTTP',
        figure: load.rps,
        figureLabel: 'HTTP offers/s',
        baseline: direct.load.rps,
        baselineLabel: 'in-process Store offers/s',
        factor: 0.6,
        atLeast: true,
        unit: '/s',
      }),
    ];
    const markdown = [
      `${CLIENTS} concurrent clients (node:http keep-alive pool of 64 sockets) against the server's bin in a child process on Postgres (its default pool: DATABASE_POOL_SIZE unset, 20 connections); bounded to ${maxMs / 1000} s or ${maxOffers.toLocaleString('en')} offers.`,
      `Each client sends its next offers.create as soon as the previous one is answered, cycling over ${multi.length.toLocaleString('en')} active multi-use opportunities; one request in 5 repeats the previous idempotency key (not counted in offers/s).`,
      '',
      table(
        ['path', 'offers acknowledged', 'p50 ms', 'p95 ms', 'p99 ms', 'offers/s', 'failures'],
        [
          [
            'HTTP (server bin)',
            load.n.toLocaleString('en'),
            fmt(load.p50),
            fmt(load.p95),
            fmt(load.p99),
            fmt(load.rps, 0),
            failures.size ? JSON.stringify(Object.fromEntries(failures)) : '0',
          ],
          [
            'Store in-process (no HTTP)',
            direct.load.n.toLocaleString('en'),
            fmt(direct.load.p50),
            fmt(direct.load.p95),
            fmt(direct.load.p99),
            fmt(direct.load.rps, 0),
            direct.failures,
          ],
          [
            `pgbench: the minimal use transaction, prepared, ${floor.clients} clients (no Node)`,
            floor.transactions.toLocaleString('en'),
            '-',
            '-',
            '-',
            fmt(floor.tps, 0),
            0,
          ],
        ],
      ),
      '',
      `What each offer cost in CPU (ms, all processes on this ${loadCpu.cores}-core machine, replays included in the HTTP count), and the rate that cost allows if the cores did nothing else:`,
      '',
      cpuTable([
        ['HTTP (server bin)', loadCpu],
        ['Store in-process', direct.cpu],
      ]),
      '',
      `On CPU cost alone (the offers/s each path's CPU per offer allows on ${loadCpu.cores} cores, whatever else the machine runs): HTTP ${fmt(loadCpu.ceiling, 0)}/s, Store ${fmt(direct.cpu.ceiling, 0)}/s, ${fmt(loadCpu.ceiling / direct.cpu.ceiling)}x. The target below is judged on offers/s as measured.`,
      '',
      `pgbench's minimal use transaction (UPDATE opportunities guarded as the server's, INSERT the offer under the unique (reseller_id, idempotency_key) index, INSERT the event; counters unchanged for a multi-use use, as on the server): Postgres CPU ${fmt(floor.pgCpuPerTx)} ms per transaction.`,
      '',
      'Exactly-once check:',
      '',
      table(
        ['check', 'result'],
        [
          ['acknowledged offers missing from the database', missingAcked],
          ['lost increments (times_used below acknowledged)', lost],
          ['double counts (times_used above acknowledged)', doubled],
          ['opportunities whose times_used differs from their offer rows', usedVsRows],
          [`replayed keys (${replays}) that did not return the first offer`, replayMismatches],
          [
            `single-use races (${single.length} x ${CLIENTS} clients): exactly 1 win + ${CLIENTS - 1} CONFLICT each`,
            raceOk && raceDb?.bad === 0 ? 'yes' : `no ${JSON.stringify(raceRows)}`,
          ],
          [`summary counters vs recount (${isvIds.length} ISVs), rows differing`, counterBad],
          ['verdict', exactlyOnce ? 'PASS' : 'FAIL'],
        ],
      ),
      '',
      targetsMarkdown(targets),
    ].join('\n');
    const result = {
      title: 'offers.create: throughput and exactly-once',
      machine: machine({ postgres: await pgVersion(sql) }),
      load,
      cpu: loadCpu,
      store: { load: direct.load, cpu: direct.cpu, failures: direct.failures },
      pgbench: floor,
      targets,
      exactlyOnce,
      checks: {
        missingAcked,
        lost,
        doubled,
        usedVsRows,
        replays,
        replayMismatches,
        raceRows,
        counterBad,
      },
      markdown,
    };
    writeResult('offers', result);
    process.stdout.write(`\n${markdown}\n`);
    if (!exactlyOnce) process.exitCode = 1;
    return result;
  } finally {
    await server.stop();
    await sql.end();
  }
}

function cpuTable(rows: [string, CpuShares][]) {
  const sides = [...new Set(rows.flatMap(([, c]) => Object.keys(c.perOp)))];
  return table(
    ['path', ...sides, 'total', `offers/s the cost allows on ${rows[0]?.[1].cores ?? '?'} cores`],
    rows.map(([name, c]) => [
      name,
      ...sides.map((side) => (c.perOp[side] === undefined ? '-' : fmt(c.perOp[side]))),
      fmt(c.totalPerOp),
      fmt(c.ceiling, 0),
    ]),
  );
}

/** 64 concurrent callers of the server's own Store (createOffer) over its own pool of 20. */
async function storeLoad(
  url: string,
  multi: { id: string; reseller_name: string }[],
  keyOf: (name: string) => string,
  runId: string,
  maxMs: number,
  maxOffers: number,
) {
  const db = await createDb({ url, migrate: false });
  const store = createStore(db);
  try {
    const principals = new Map<string, Principal>();
    for (const m of multi) {
      if (principals.has(m.reseller_name)) continue;
      const p = await store.authenticate(keyOf(m.reseller_name));
      if (p?.kind !== 'reseller') throw new Error(`no reseller for ${m.reseller_name}`);
      principals.set(m.reseller_name, p);
    }
    const acked = new Map<string, number>();
    const ackedIds = new Set<string>();
    const latencies: number[] = [];
    let failures = 0;
    let sent = 0;
    const meter = cpuMeter(undefined, new URL(url).pathname.slice(1));
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let j = 0; ; j++) {
          if (sent >= maxOffers || performance.now() - start > maxMs) return;
          sent++;
          const m = multi[(c * 7 + CLIENTS * j) % multi.length];
          const p = m && principals.get(m.reseller_name);
          if (!m || p?.kind !== 'reseller') return;
          const t = performance.now();
          try {
            const res = await store.createOffer(
              p,
              {
                opportunityId: m.id,
                buyerAccountId: String(300000000000 + c * 100000 + j),
                idempotencyKey: `${runId}-store-${c}-${j}`,
              },
              new Date(),
            );
            latencies.push(performance.now() - t);
            acked.set(m.id, (acked.get(m.id) ?? 0) + 1);
            ackedIds.add(res.offer.id);
          } catch {
            failures++;
          }
        }
      }),
    );
    const wall = performance.now() - start;
    return {
      load: stats(latencies, wall),
      cpu: meter(latencies.length),
      acked,
      ackedIds,
      failures,
    };
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runOffers(cliMeasureOptions()).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
