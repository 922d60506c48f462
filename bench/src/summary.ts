/**
 * opportunities.summary for the 200,000-opportunity tenant and a typical one, over HTTP, next to
 * the same statements through postgres.js and the naive count(*) FILTER scan it replaces.
 */
import postgres from 'postgres';
import { arg, cliMeasureOptions, dbUrl } from './env.js';
import { benchApiKey } from './generate.js';
import { lightClient, replayer, startServer } from './harness.js';
import { httpLayerBaseline } from './http.js';
import { pgVersion } from './list.js';
import {
  fmt,
  machine,
  measure,
  measureTogether,
  type Stats,
  table,
  writeResult,
} from './report.js';
import { type Target, target, targetsMarkdown } from './targets.js';

interface Summary {
  active: number;
  expiringIn30Days: number;
  byStatus: Record<string, number>;
}

/** The scan the counters replace: status by status over every row of the tenant. */
const naiveSummary = (sql: postgres.Sql, isvId: string) => sql`
  with o as (
    select restricted_at is not null as r,
           duration_type = 'single-use' and times_used >= 1 as c,
           end_at is not null and end_at < now() as x, end_at
    from opportunities where isv_id = ${isvId})
  select count(*) filter (where not r and not c and not x) as active,
         count(*) filter (where not r and not c and not x and end_at <= now() + interval '30 days') as expiring,
         count(*) filter (where not r and not c and x) as expired,
         count(*) filter (where r) as restricted,
         count(*) filter (where not r and c) as complete
  from o`;

export async function runSummary(opts: { maxMs?: number; iterations?: number } = {}) {
  const url = dbUrl(arg('db'));
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const server = await startServer(url);
  const client = lightClient(server.base);
  const replay = replayer(sql);
  try {
    const [meta] = await sql<{ isvs: number }[]>`
      select (value->'preset'->>'isvs')::int as isvs from bench_meta where key = 'load'`;
    const tenants = [
      { name: 'ISV 0 (the big tenant)', n: 0 },
      { name: 'typical tenant', n: Math.floor((meta?.isvs ?? 2) / 2) },
    ];
    // bench:http's summary p95, measured now (a Store that answers at once: no SQL).
    const httpLayer = (await httpLayerBaseline(opts)).summary;
    const targets: Target[] = [];
    const rows: (string | number)[][] = [];
    const figures: Record<string, { http: Stats; sql: Stats; naive: Stats; rows: number }> = {};
    for (const t of tenants) {
      const key = benchApiKey('isv', t.n);
      const [who] = await sql<{ isv_id: string; n: number }[]>`
        select u.isv_id, (select count(*)::int from opportunities o where o.isv_id = u.isv_id) as n
        from api_keys k join users u on u.id = k.user_id
        where k.key_hash = encode(sha256(convert_to(${key}, 'UTF8')), 'hex')`;
      if (!who) throw new Error('no bench data: run the loader first');
      const call = () => client.query<Summary>(key, 'opportunities.summary');
      const summary = await call();
      // The counters must agree with a scan (the naive query is the recount).
      const [scan] = await naiveSummary(sql, who.isv_id);
      for (const [k, v] of Object.entries({
        active: summary.active,
        expiring: summary.expiringIn30Days,
        expired: summary.byStatus.expired,
        restricted: summary.byStatus.restricted,
        complete: summary.byStatus.complete,
      })) {
        if (Number(scan?.[k]) !== v)
          throw new Error(`${t.name}: summary ${k}=${v}, recount ${scan?.[k]}`);
      }
      const statements = await server.capture(call);
      // In turns, so the figure and its SQL share the same moments of load.
      const { http, raw } = await measureTogether(
        { http: call, raw: () => replay(statements) },
        opts,
      );
      const naive = await measure(() => naiveSummary(sql, who.isv_id), { ...opts, iterations: 50 });
      figures[t.name] = { http, sql: raw, naive, rows: who.n };
      rows.push([
        t.name,
        who.n.toLocaleString('en'),
        fmt(http.p50),
        fmt(http.p95),
        fmt(http.p99),
        fmt(http.rps, 0),
        fmt(raw.p50),
        fmt(raw.p95),
        fmt(naive.p50),
        fmt(naive.p95),
      ]);
      if (t.n === 0) {
        targets.push(
          target({
            area: 'summary',
            name: `${t.name}, against the scan`,
            figure: http.p95,
            figureLabel: 'HTTP p95',
            baseline: naive.p95,
            baselineLabel: 'naive count(*) p95',
            factor: 0.1,
            unit: 'ms',
          }),
        );
      }
      targets.push(
        target({
          area: 'summary',
          name: `${t.name}, against its parts`,
          figure: http.p95,
          figureLabel: 'HTTP p95',
          baseline: raw.p95,
          baselineLabel: 'summary SQL p95',
          factor: 2,
          plus: { value: httpLayer.p95, label: "bench:http's summary p95" },
          unit: 'ms',
        }),
      );
      process.stdout.write(
        `  ${t.name}: http p95 ${fmt(http.p95)} ms, naive p50 ${fmt(naive.p50)} ms\n`,
      );
    }
    const markdown = [
      'HTTP = opportunities.summary through the server (auth included), one request at a time.',
      "SQL = the statements it sent, replayed at once. Naive scan = count(*) FILTER over the tenant's rows (what the counters replace). Every run first checks the counters against that scan. Times in ms.",
      '',
      table(
        [
          'tenant',
          'opportunities',
          'HTTP p50',
          'p95',
          'p99',
          'req/s',
          'SQL p50',
          'p95',
          'naive scan p50',
          'p95',
        ],
        rows,
      ),
      '',
      `bench:http's summary (canned Store, no SQL), this run: p50 ${fmt(httpLayer.p50)} ms, p95 ${fmt(httpLayer.p95)} ms.`,
      '',
      targetsMarkdown(targets),
    ].join('\n');
    const result = {
      title: 'opportunities.summary',
      machine: machine({ postgres: await pgVersion(sql) }),
      figures,
      httpLayer,
      targets,
      markdown,
    };
    writeResult('summary', result);
    process.stdout.write(`\n${markdown}\n`);
    return result;
  } finally {
    client.close();
    await server.close();
    await sql.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runSummary(cliMeasureOptions()).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
