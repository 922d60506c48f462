/**
 * opportunities.list over HTTP vs the same SQL straight through postgres.js.
 *   pnpm --filter @resale-kit/bench bench:list        (needs `pnpm load` first)
 */
import { ListOpportunitiesInputSchema, type Principal, SORT_FIELDS } from '@resale-kit/core';
import postgres from 'postgres';
import { cursorBody, sealCursor } from '../../packages/server/src/store/cursor.js';
import { arg, cliMeasureOptions, dbUrl } from './env.js';
import { benchApiKey } from './generate.js';
import { lightClient, phasedReplayer, phases, replayer, startServer } from './harness.js';
import { fmt, machine, measure, type Stats, table, verdict, writeResult } from './report.js';

interface Page {
  items: { id: string; createdAt: string }[];
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
  const replayPhased = phasedReplayer(sql);
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
    const scenarios: { name: string; key: string; input: Record<string, unknown> }[] = [
      { name: 'first page (createdAt desc)', key: big, input: { limit: LIMIT } },
      {
        name: `page ${deepPage.toLocaleString('en')} (cursor)`,
        key: big,
        input: { limit: LIMIT, cursor: deepCursor },
      },
      { name: 'status = active', key: big, input: { limit: LIMIT, status: ['active'] } },
      {
        name: 'status = expired, complete',
        key: big,
        input: { limit: LIMIT, status: ['expired', 'complete'] },
      },
      {
        name: 'text search "healthcare pilot"',
        key: big,
        input: { limit: LIMIT, q: 'healthcare pilot' },
      },
      ...SORT_FIELDS.map((field) => ({
        name: `sort ${field} asc`,
        key: big,
        input: { limit: LIMIT, sort: { field, direction: 'asc' } },
      })),
      { name: 'typical tenant, first page', key: typical, input: { limit: LIMIT } },
    ];

    // The floor: a request that touches no database (client + node:http + routing).
    const floor = await measure(() => client.get('/healthz'), opts);

    const rows: (string | number)[][] = [];
    const figures: Record<
      string,
      {
        http: Stats;
        store: Stats;
        sql: Stats;
        sqlParallel: Stats;
        pageSql: Stats;
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
      const p: Principal = { kind: 'isv', isvId: u.isv_id, userId: u.user_id, name: 'bench' };
      principals.set(key, p);
      return p;
    };
    for (const s of scenarios) {
      const call = () => client.query<Page>(s.key, 'opportunities.list', s.input);
      const page = await call();
      if (page.items.length === 0) throw new Error(`${s.name}: empty page`);
      const statements = await server.capture(call);
      const pageStatement = statements.filter(
        (st) => /order by/i.test(st.text) && /limit/i.test(st.text),
      );
      const principal = await principalOf(s.key);
      const parsed = ListOpportunitiesInputSchema.parse(s.input);
      const groups = phases(statements);
      const http = await measure(call, opts);
      const direct = await measure(
        () => server.store.listOpportunities(principal, parsed, new Date()),
        opts,
      );
      const raw = await measure(() => replayPhased(groups), opts);
      const parallel = await measure(() => replay(statements), opts);
      const pageSql = await measure(() => replay(pageStatement.slice(0, 1)), opts);
      figures[s.name] = {
        http,
        store: direct,
        sql: raw,
        sqlParallel: parallel,
        pageSql,
        statements: statements.length,
      };
      const ratio = http.p50 / raw.p50;
      rows.push([
        s.name,
        page.total.toLocaleString('en'),
        `${statements.length} (${groups.length})`,
        fmt(http.p50),
        fmt(http.p95),
        fmt(http.p99),
        fmt(http.rps, 0),
        fmt(direct.p50),
        fmt(raw.p50),
        fmt(raw.p95),
        fmt(raw.p99),
        fmt(parallel.p50),
        fmt(pageSql.p50),
        `${fmt(ratio)}x`,
        verdict(ratio <= 1.3),
      ]);
      process.stdout.write(
        `  ${s.name}: http p50 ${fmt(http.p50)} ms, sql p50 ${fmt(raw.p50)} ms\n`,
      );
    }
    const firstP50 = figures[scenarios[0]?.name ?? '']?.http.p50 ?? Number.NaN;
    const deepP50 = figures[scenarios[1]?.name ?? '']?.http.p50 ?? Number.NaN;
    const deepRatio = deepP50 / firstP50;
    const markdown = [
      `ISV 0 holds ${bigRows.toLocaleString('en')} opportunities; page size ${LIMIT}; one request at a time.`,
      'HTTP = opportunities.list through the server (tRPC over node:http, API-key lookup included). Store = the same Store call in-process (no HTTP, tRPC or auth).',
      'SQL = every statement that request sent (key lookup, page, total, cursor probes), replayed through postgres.js in the same phases (stmts (phases)): key lookup, then page + total (+ cursor probe) at once; the HTTP/SQL ratio and its target use this column.',
      'All-at-once = the same statements fired together (a lower bound). Page SQL = the page query alone. Times in ms.',
      `HTTP floor (GET /healthz, no database, same client): p50 ${fmt(floor.p50)} ms, p95 ${fmt(floor.p95)} ms.`,
      '',
      table(
        [
          'scenario',
          'total',
          'stmts (phases)',
          'HTTP p50',
          'p95',
          'p99',
          'req/s',
          'Store p50',
          'SQL p50',
          'p95',
          'p99',
          'all-at-once p50',
          'page SQL p50',
          'HTTP/SQL p50',
          'target <= 1.3x',
        ],
        rows,
      ),
      '',
      `Deep page vs first page (HTTP p50): ${fmt(deepP50)} / ${fmt(firstP50)} = ${fmt(deepRatio)}x, target <= 1.2x: ${verdict(deepRatio <= 1.2)}`,
    ].join('\n');
    const result = {
      title: 'opportunities.list: HTTP vs raw SQL',
      machine: machine({ postgres: await pgVersion(sql) }),
      figures,
      floor,
      deepRatio,
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
