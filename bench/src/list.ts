/**
 * opportunities.list over HTTP vs the same SQL straight through postgres.js.
 *   pnpm --filter @resale-kit/bench bench:list        (needs `pnpm load` first)
 */
import {
  ListOpportunitiesInputSchema,
  type Principal,
  SORT_FIELDS,
  type Status,
} from '@resale-kit/core';
import postgres from 'postgres';
import { cursorBody, sealCursor } from '../../packages/server/src/store/cursor.js';
import { arg, cliMeasureOptions, dbUrl } from './env.js';
import { checkFloor, floorQuery } from './floor.js';
import { benchApiKey } from './generate.js';
import { lightClient, replayer, startServer } from './harness.js';
import { httpLayerBaseline } from './http.js';
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

interface Page {
  items: { id: string; createdAt: string; status: Status }[];
  nextCursor: string | null;
  total: number;
}

const LIMIT = 20;
const DEEP_PAGES = 10_000;

/**
 * The server's own cursor moved to another row: its key and id replaced, the rest (sort, filters
 * digest) kept, signed again with the database's cursor key (packages/server/src/store/cursor.ts).
 */
export function moveCursor(issued: string, k: string | number, i: string, key: Buffer): string {
  const body = cursorBody(issued) as Record<string, unknown>;
  return sealCursor({ ...body, k, i }, key);
}

export async function pgVersion(sql: postgres.Sql) {
  const [row] = await sql`select current_setting('server_version') as v`;
  return `PostgreSQL ${row?.v}`;
}

export async function runList(opts: { maxMs?: number; iterations?: number } = {}) {
  const url = dbUrl(arg('db'));
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const server = await startServer(url);
  const client = lightClient(server.base);
  const replay = replayer(sql);
  try {
    const big = benchApiKey('isv', 0);
    const [isv0] =
      await sql`select u.isv_id, u.id as user_id from api_keys k join users u on u.id = k.user_id
      where k.key_hash = encode(sha256(convert_to(${big}, 'UTF8')), 'hex')`;
    if (!isv0) throw new Error('no bench data: run `pnpm --filter @resale-kit/bench load` first');
    const [{ n: bigRows } = { n: 0 }] = await sql<{ n: number }[]>`
      select count(*)::int as n from opportunities where isv_id = ${isv0.isv_id}`;
    const deepOffset = Math.min(DEEP_PAGES * LIMIT, bigRows) - LIMIT - 1;
    const [deepRow] = await sql<{ created_at: Date; id: string }[]>`
      select created_at, id from opportunities where isv_id = ${isv0.isv_id}
      order by created_at desc, id desc offset ${deepOffset} limit 1`;
    if (!deepRow) throw new Error('deep row not found');
    const deepPage = Math.floor((deepOffset + 1) / LIMIT) + 1;

    // Moving page 1's nextCursor onto its own last row must give it back unchanged: that checks
    // what the key and id are before the cursor is moved to the deep row.
    const first = await client.query<Page>(big, 'opportunities.list', { limit: LIMIT });
    const last = first.items[LIMIT - 1];
    const issued = first.nextCursor;
    const [secret] = await sql<{ value: string }[]>`
      select value from server_secrets where name = 'cursor'`;
    const key = Buffer.from(secret?.value ?? '', 'base64url');
    if (!last || !issued || moveCursor(issued, last.createdAt, last.id, key) !== issued) {
      throw new Error('cursor format changed: update moveCursor');
    }
    const deepCursor = moveCursor(issued, deepRow.created_at.toISOString(), deepRow.id, key);

    const [meta] = await sql<
      { isvs: number }[]
    >`select (value->'preset'->>'isvs')::int as isvs from bench_meta where key = 'load'`;
    const typical = benchApiKey('isv', Math.floor((meta?.isvs ?? 2) / 2));
    // `judged`: the targets apply (text search is reported only).
    const all: { name: string; key: string; input: Record<string, unknown>; judged: boolean }[] = [
      { name: 'first page (createdAt desc)', key: big, input: { limit: LIMIT }, judged: true },
      {
        name: `page ${deepPage.toLocaleString('en')} (cursor)`,
        key: big,
        input: { limit: LIMIT, cursor: deepCursor },
        judged: true,
      },
      {
        name: 'status = active',
        key: big,
        input: { limit: LIMIT, status: ['active'] },
        judged: true,
      },
      {
        name: 'status = expired, complete',
        key: big,
        input: { limit: LIMIT, status: ['expired', 'complete'] },
        judged: true,
      },
      {
        name: 'text search "healthcare pilot"',
        key: big,
        input: { limit: LIMIT, q: 'healthcare pilot' },
        judged: false,
      },
      ...SORT_FIELDS.map((field) => ({
        name: `sort ${field} asc`,
        key: big,
        input: { limit: LIMIT, sort: { field, direction: 'asc' } },
        judged: true,
      })),
      { name: 'typical tenant, first page', key: typical, input: { limit: LIMIT }, judged: true },
    ];
    // --scenarios first,status: only the scenarios whose names contain one of these (quick runs;
    // the first two always run, the deep-page ratio needs them).
    const only = arg('scenarios')?.split(',');
    const scenarios = all.filter((s, i) => i < 2 || !only || only.some((w) => s.name.includes(w)));

    // The floor: a request that touches no database (client + node:http + routing).
    const floor = await measure(() => client.get('/healthz'), opts);
    // bench:http's list p50, measured now: what the HTTP layer costs with a Store that answers
    // at once. The Node side's HTTP target is judged against it.
    const httpLayer = (await httpLayerBaseline(opts)).list;

    const rows: (string | number)[][] = [];
    const targets: Target[] = [];
    const figures: Record<
      string,
      {
        http: Stats;
        store: Stats;
        sql: Stats;
        pageSql: Stats;
        floor: Stats | null;
        statements: number;
      }
    > = {};
    const principals = new Map<string, Principal>();
    const principalOf = async (key: string): Promise<Principal> => {
      const known = principals.get(key);
      if (known) return known;
      const [u] = await sql<{ isv_id: string; user_id: string }[]>`
        select u.isv_id, u.id as user_id from api_keys k join users u on u.id = k.user_id
        where k.key_hash = encode(sha256(convert_to(${key}, 'UTF8')), 'hex')`;
      if (!u) throw new Error(`unknown bench key ${key}`);
      const p: Principal = {
        kind: 'isv',
        isvId: u.isv_id,
        userId: u.user_id,
        name: 'bench',
        role: 'admin',
      };
      principals.set(key, p);
      return p;
    };
    for (const s of scenarios) {
      const call = () => client.query<Page>(s.key, 'opportunities.list', s.input);
      const page = await call();
      if (page.items.length === 0) throw new Error(`${s.name}: empty page`);
      const captured = await server.capture(call);
      // What the Store sends (the key is cached by then: no lookup): page, total, probe.
      const statements = captured.filter((st) => !/"api_keys"/.test(st.text));
      const pageStatement = statements.filter(
        (st) => /order by/i.test(st.text) && /limit/i.test(st.text),
      );
      const principal = await principalOf(s.key);
      const parsed = ListOpportunitiesInputSchema.parse(s.input);
      const first = page.items[0];
      const floor =
        s.judged && first && principal.kind === 'isv'
          ? await floorQuery(
              sql,
              principal.isvId,
              first.id,
              parsed.sort.field,
              parsed.sort.direction,
              parsed.status ?? [],
              first.status,
            )
          : null;
      if (floor) {
        await checkFloor(
          sql,
          floor,
          page.items.map((i) => i.id),
        );
      }
      // In turns: the figures and their baselines under the same moments of load.
      const ops: Record<string, () => Promise<unknown>> = {
        http: call,
        store: () => server.store.listOpportunities(principal, parsed, new Date()),
        sql: () => replay(statements),
        pageSql: () => replay(pageStatement.slice(0, 1)),
      };
      if (floor) {
        ops.floor = () =>
          sql.unsafe(floor.text, floor.params as postgres.ParameterOrJSON<never>[], {
            prepare: false,
          });
      }
      const m = await measureTogether(ops, opts);
      const [http, direct, raw, pageSql] = [m.http, m.store, m.sql, m.pageSql] as [
        Stats,
        Stats,
        Stats,
        Stats,
      ];
      const floorSql: Stats | null = m.floor ?? null;
      figures[s.name] = {
        http,
        store: direct,
        sql: raw,
        pageSql,
        floor: floorSql,
        statements: statements.length,
      };
      const area = 'list';
      if (s.judged) {
        targets.push(
          target({
            area,
            name: `${s.name}: Node side, Store`,
            figure: direct.p50,
            figureLabel: 'Store p50',
            baseline: raw.p50,
            baselineLabel: 'its SQL p50',
            factor: 1.25,
            unit: 'ms',
          }),
          target({
            area,
            name: `${s.name}: Node side, HTTP`,
            figure: http.p50 - direct.p50,
            figureLabel: 'HTTP p50 - Store p50',
            baseline: httpLayer.p50,
            baselineLabel: "bench:http's list p50",
            factor: 1.5,
            unit: 'ms',
          }),
        );
        if (floorSql) {
          targets.push(
            target({
              area,
              name: `${s.name}: SQL side`,
              figure: raw.p50,
              figureLabel: `page+total${statements.length > 2 ? '+probe' : ''} p50`,
              baseline: floorSql.p50,
              baselineLabel: 'minimal keyset page p50',
              factor: 2,
              unit: 'ms',
            }),
          );
        }
      }
      rows.push([
        s.name,
        page.total.toLocaleString('en'),
        statements.length,
        fmt(http.p50),
        fmt(http.p95),
        fmt(http.rps, 0),
        fmt(direct.p50),
        fmt(raw.p50),
        fmt(raw.p95),
        fmt(pageSql.p50),
        floorSql ? fmt(floorSql.p50) : '-',
        fmt(direct.p50 / raw.p50),
        fmt(http.p50 - direct.p50),
        floorSql ? fmt(raw.p50 / floorSql.p50) : '-',
      ]);
      process.stdout.write(
        `  ${s.name}: http p50 ${fmt(http.p50)}, store ${fmt(direct.p50)}, sql ${fmt(raw.p50)}, floor ${floorSql ? fmt(floorSql.p50) : '-'} ms\n`,
      );
    }
    // The deep page against the first page, the two requests in turns (same moments of load).
    const [s0, s1] = scenarios;
    if (!s0 || !s1) throw new Error('the first two scenarios are the first and the deep page');
    const pair = await measureTogether(
      {
        first: () => client.query<Page>(s0.key, 'opportunities.list', s0.input),
        deep: () => client.query<Page>(s1.key, 'opportunities.list', s1.input),
      },
      opts,
    );
    const firstP50 = pair.first.p50;
    const deepP50 = pair.deep.p50;
    const deepRatio = deepP50 / firstP50;
    targets.push(
      target({
        area: 'list',
        name: 'deep page',
        figure: deepP50,
        figureLabel: `page ${deepPage.toLocaleString('en')} HTTP p50`,
        baseline: firstP50,
        baselineLabel: 'first page HTTP p50',
        factor: 1.2,
        unit: 'ms',
      }),
    );
    const markdown = [
      `ISV 0 holds ${bigRows.toLocaleString('en')} opportunities; page size ${LIMIT}; one request at a time. Times in ms.`,
      'The columns of a scenario are measured in turns (one of each per round), so a figure and its baselines share the same moments of load. HTTP = opportunities.list through the server (tRPC over node:http, API-key lookup included; a warm key is cached). Store = the same Store call in-process (no HTTP, tRPC or auth).',
      'SQL = the statements the Store sent (page, total, and on cursor pages the probe), replayed through postgres.js at once, as the Store sends them. Page SQL = the page query alone. Floor = a minimal keyset page query by hand (`select *`, tenant, sort key from the first row, the plain status filter, limit 20), checked to return the same rows.',
      `HTTP floor (GET /healthz, no database, same client): p50 ${fmt(floor.p50)} ms. bench:http's list p50 (canned Store, no SQL), this run: ${fmt(httpLayer.p50)} ms.`,
      '',
      table(
        [
          'scenario',
          'total',
          'stmts',
          'HTTP p50',
          'p95',
          'req/s',
          'Store p50',
          'SQL p50',
          'p95',
          'page SQL p50',
          'floor p50',
          'Store/SQL',
          'HTTP-Store',
          'SQL/floor',
        ],
        rows,
      ),
      '',
      'Text search is reported, not judged: its floor would be the trigram scan itself.',
      '',
      targetsMarkdown(targets),
    ].join('\n');
    const result = {
      title: 'opportunities.list: HTTP vs raw SQL',
      machine: machine({ postgres: await pgVersion(sql) }),
      figures,
      floor,
      httpLayer,
      deepRatio,
      targets,
      markdown,
    };
    writeResult('list', result);
    process.stdout.write(`\n${markdown}\n`);
    return result;
  } finally {
    client.close();
    await server.close();
    await sql.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runList(cliMeasureOptions()).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
