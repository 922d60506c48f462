/**
 * CI check on the query plans of the hot queries: at a size where the planner prefers indexes
 * (60,000 opportunities, one ISV holding 12,000, ANALYZEd), the SQL the Store actually sends for
 * the list (first page, status filters, a deep cursor page, a product filter, sort by status)
 * and the summary must not sequentially scan the opportunities table, and sorting by status
 * must not sort the tenant. Runs on Postgres only (EXPLAIN of real plans); skipped loudly
 * without DATABASE_URL.
 */
import type { Principal } from '@resale-kit/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rebuildCounters } from '../../src/db/index.js';
import { opportunities } from '../../src/db/schema.js';
import { statusCaseSql } from '../../src/db/status-sql.js';
import { encodeCursor, filtersDigest, loadCursorKey } from '../../src/store/cursor.js';
import { createStore } from '../../src/store/index.js';
import type { ListOpportunities } from '../../src/store/types.js';
import { capturingDatabase, describePostgres, freshPostgres, type Statement } from './pg.js';

const ROWS = 60_000;
const ISVS = 60;
const BIG = 12_000;
const NOW = new Date('2026-06-15T12:00:00.000Z');
/** An id in the middle of the uuid order: a deep cursor position in any segment. */
const MID_ID = '80000000-0000-4000-8000-000000000000';

/** Loads the rows with INSERT ... SELECT (deterministic: setseed before each random() use). */
const LOAD = [
  `select setseed(0.42)`,
  `insert into isvs (id, name) select gen_random_uuid(), 'ISV ' || lpad(i::text, 3, '0') from generate_series(0, ${ISVS - 1}) i`,
  `insert into users (id, name, isv_id) select gen_random_uuid(), 'admin ' || name, id from isvs`,
  `insert into resellers (id, name) select gen_random_uuid(), 'Reseller ' || r from generate_series(0, 29) r`,
  `insert into users (id, name, reseller_id) select gen_random_uuid(), 'seller ' || name, id from resellers`,
  `insert into isv_resellers (isv_id, reseller_id) select i.id, r.id from isvs i cross join resellers r`,
  `insert into products (id, isv_id, name) select gen_random_uuid(), i.id, 'Product ' || k || ' of ' || i.name
     from isvs i cross join generate_series(0, 4) k`,
  `create temp table gen as
     select n, case when n < ${BIG} then 0 else 1 + (n - ${BIG}) % ${ISVS - 1} end as isv_n,
            random() as r1, random() as r2, random() as r3, random() as r4, random() as r5
     from generate_series(0, ${ROWS - 1}) n`,
  `create temp table isv_n as select id, row_number() over (order by name) - 1 as n from isvs`,
  `create temp table product_n as
     select p.id, p.name, i.n as isv_n, row_number() over (partition by p.isv_id order by p.name) - 1 as k
     from products p join isv_n i on i.id = p.isv_id`,
  `create temp table reseller_n as select id, name, row_number() over (order by name) - 1 as k from resellers`,
  `insert into opportunities (id, isv_id, product_id, product_name, reseller_id, reseller_name, name,
       discount_bps, duration_type, end_at, restricted_at, times_used, created_at, created_by)
   select gen_random_uuid(), i.id, p.id, p.name, r.id, r.name,
          'Opportunity ' || g.n, 1 + (g.r1 * 9999)::int, g.t,
          case when g.t = 'specific-duration' or (g.t = 'single-use' and g.r2 < 0.5)
               then timestamptz '2026-06-15T23:59:59.999Z' + ((g.r3 * 400)::int - 200) * interval '1 day' end,
          case when g.r4 < 0.1 then timestamptz '2026-01-01T00:00:00Z' end,
          case when g.t = 'single-use' then (g.r5 < 0.4 and g.r4 >= 0.1)::int else (g.r5 * 6)::int end,
          timestamptz '2026-06-15T00:00:00Z' - (g.r2 * 700) * interval '1 day', u.id
   from (select *, (array['single-use', 'specific-duration', 'no-set-duration'])[1 + n % 3] as t from gen) g
   join isv_n i on i.n = g.isv_n
   join users u on u.isv_id = i.id
   join product_n p on p.isv_n = g.isv_n and p.k = g.n % 5
   join reseller_n r on r.k = g.n % 30`,
  `analyze`,
];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describePostgres('query plans of the hot queries use indexes', () => {
  let handle: Awaited<ReturnType<typeof freshPostgres>>;
  let cap: ReturnType<typeof capturingDatabase>;
  let big: Principal;
  let productId: string;

  beforeAll(async () => {
    handle = await freshPostgres('rk_test_plans');
    cap = capturingDatabase(handle.url);
    await cap.client.begin(async (tx) => {
      for (const stmt of LOAD) await tx.unsafe(stmt);
    });
    await rebuildCounters(cap.db.orm);
    await cap.client.unsafe('vacuum analyze');
    const [row] = await cap.client<{ isv_id: string; user_id: string; product_id: string }[]>`
      select i.id as isv_id, u.id as user_id, (select id from products p where p.isv_id = i.id limit 1) as product_id
      from isvs i join users u on u.isv_id = i.id where i.name = 'ISV 000'`;
    if (!row) throw new Error('load failed');
    big = { kind: 'isv', userId: row.user_id, name: 'admin', role: 'admin', isvId: row.isv_id };
    productId = row.product_id;
  }, 120_000);

  afterAll(async () => {
    await cap?.db.close();
    await handle?.drop();
  });

  async function explainAll(statements: Statement[]) {
    const out: { sql: string; scans: PlanNode[] }[] = [];
    for (const s of statements) {
      const [row] = await cap.client.unsafe(`explain (format json) ${s.text}`, s.params as never[]);
      const plan = ((row?.['QUERY PLAN'] ?? []) as { Plan: PlanNode }[])[0]?.Plan;
      if (!plan) throw new Error(`no plan for ${s.text}`);
      out.push({ sql: s.text, scans: nodes(plan) });
    }
    return out;
  }

  const listInput = (over: Partial<ListOpportunities>): ListOpportunities => ({
    sort: { field: 'createdAt', direction: 'desc' },
    limit: 20,
    ...over,
  });

  const cases: [string, () => Partial<ListOpportunities> | 'summary'][] = [
    ['list: first page of the big tenant', () => ({})],
    ['list: status active', () => ({ status: ['active'] })],
    ['list: status expired', () => ({ status: ['expired'] })],
    ['list: status restricted', () => ({ status: ['restricted'] })],
    ['list: status complete', () => ({ status: ['complete'] })],
    ['list: sorted by name', () => ({ sort: { field: 'name', direction: 'asc' } })],
    ['list: sorted by end date', () => ({ sort: { field: 'endDate', direction: 'asc' } })],
    ['list: product filter (counted total)', () => ({ productId })],
    ['list: sorted by status', () => ({ sort: { field: 'status', direction: 'asc' } })],
    [
      'list: sorted by status desc, two statuses',
      () => ({ sort: { field: 'status', direction: 'desc' }, status: ['active', 'restricted'] }),
    ],
    ['summary', () => 'summary'],
  ];

  it('the check itself sees a sequential scan when there is one', async () => {
    const plans = await explainAll([
      { text: `select id from opportunities where description like $1`, params: ['%x%'] },
    ]);
    expect(plans[0]?.scans.some((n) => n['Node Type'] === 'Seq Scan')).toBe(true);
  });

  for (const [title, input] of cases) {
    it(`${title}: no sequential scan of opportunities`, async () => {
      const store = createStore(cap.db);
      const which = input();
      const statements = await cap.capture(async () => {
        if (which === 'summary') {
          if (big.kind !== 'isv') throw new Error('isv principal expected');
          await store.summary(big, NOW);
        } else {
          const page = await store.listOpportunities(big, listInput(which), NOW);
          expect(page.items.length).toBeGreaterThan(0);
          if (page.nextCursor) {
            // The second page too: the keyset predicate and the prev-cursor probe.
            await store.listOpportunities(
              big,
              listInput({ ...which, cursor: page.nextCursor }),
              NOW,
            );
          }
        }
      });
      expect(statements.length).toBeGreaterThan(0);
      const plans = await explainAll(statements);
      const seqScans = plans.flatMap((p) =>
        p.scans
          .filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'opportunities')
          .map(() => p.sql),
      );
      expect(seqScans, `sequential scans of opportunities in:\n${seqScans.join('\n')}`).toEqual([]);
      if (which !== 'summary') {
        const touched = plans.some((p) =>
          p.scans.some((n) => n['Relation Name'] === 'opportunities'),
        );
        expect(touched).toBe(true);
      }
    });
  }

  /** The rows each Sort node of an EXPLAIN ANALYZE sorted (its input, over all loops). */
  async function sortedRows(statements: Statement[]) {
    const out: { sql: string; sorted: number; seqScan: boolean }[] = [];
    for (const s of statements) {
      const [row] = await cap.client.unsafe(
        `explain (analyze, format json) ${s.text}`,
        s.params as never[],
      );
      const plan = ((row?.['QUERY PLAN'] ?? []) as { Plan: PlanNode }[])[0]?.Plan;
      if (!plan) throw new Error(`no plan for ${s.text}`);
      const all = nodes(plan);
      const sorted = all
        .filter((n) => n['Node Type'].endsWith('Sort'))
        .flatMap((n) => n.Plans ?? [])
        .reduce((sum, c) => sum + (c['Actual Rows'] ?? 0) * (c['Actual Loops'] ?? 1), 0);
      const seqScan = all.some(
        (n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'opportunities',
      );
      out.push({ sql: s.text, sorted, seqScan });
    }
    return out;
  }

  it('the sort check itself sees the tenant sorted by the status expression', async () => {
    const query = cap.db.orm
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(eq(opportunities.isvId, big.kind === 'isv' ? big.isvId : ''))
      .orderBy(statusCaseSql(opportunities, NOW), opportunities.id)
      .limit(21)
      .toSQL();
    const [plan] = await sortedRows([{ text: query.sql, params: query.params }]);
    expect(plan?.sorted).toBeGreaterThanOrEqual(BIG);
  });

  it('sorted by status: every page sorts at most a page per status segment', async () => {
    const store = createStore(cap.db);
    const limit = 20;
    // At most limit + 1 rows from each of the four segments reach the outer sort.
    const bound = 4 * (limit + 1);
    for (const direction of ['asc', 'desc'] as const) {
      const sort = { field: 'status' as const, direction };
      const statements = await cap.capture(async () => {
        const first = await store.listOpportunities(big, listInput({ sort, limit }), NOW);
        const second = await store.listOpportunities(
          big,
          listInput({ sort, limit, cursor: first.nextCursor as string }),
          NOW,
        );
        await store.listOpportunities(
          big,
          listInput({ sort, limit, cursor: second.prevCursor as string }),
          NOW,
        );
        // Deep pages: the middle of each segment, forward and back.
        const cursorKey = await loadCursorKey(cap.db.orm);
        for (const key of ['active', 'complete', 'expired', 'restricted'] as const) {
          for (const dir of ['next', 'prev'] as const) {
            const cursor = encodeCursor(
              {
                dir,
                field: 'status',
                direction,
                filters: filtersDigest({}),
                key,
                id: MID_ID,
              },
              cursorKey,
            );
            const page = await store.listOpportunities(
              big,
              listInput({ sort, limit, cursor }),
              NOW,
            );
            expect(page.items.length, `${direction} ${key} ${dir}`).toBe(limit);
          }
        }
      });
      const plans = await sortedRows(statements);
      const pageQueries = plans.filter((p) => p.sql.includes('union all'));
      expect(pageQueries.length, direction).toBeGreaterThanOrEqual(10);
      for (const p of plans) {
        expect(p.seqScan, p.sql).toBe(false);
        expect(p.sorted, p.sql).toBeLessThanOrEqual(bound);
      }
    }
  });
});
