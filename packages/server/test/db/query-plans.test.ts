import type { Principal } from '@resale-kit/core';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rebuildCounters } from '../../src/db/counters.js';
import { createStore } from '../../src/store/index.js';
import type { ListOpportunities, Store } from '../../src/store/types.js';
import { describeEachDb } from '../support/db.js';
import { createTenant, type Tenant } from '../support/fixtures.js';

/**
 * The store's real queries (captured through the Drizzle logger) are EXPLAINed on a few
 * thousand rows per tenant: none may read the opportunities table sequentially, and the
 * summary must not touch it at all.
 */
const captured: { query: string; params: unknown[] }[] = [];
const NOW = new Date('2026-03-01T12:00:00.000Z');
const ROWS_PER_TENANT = 4000;

function inline(query: string, params: unknown[]): string {
  let out = query;
  for (let i = params.length; i >= 1; i--) {
    const v = params[i - 1];
    const literal =
      v === null || v === undefined
        ? 'null'
        : typeof v === 'number' || typeof v === 'boolean'
          ? String(v)
          : `'${String(v instanceof Date ? v.toISOString() : v).replaceAll("'", "''")}'`;
    out = out.replaceAll(`$${i}`, literal);
  }
  return out;
}

async function bulkLoad(orm: Parameters<typeof rebuildCounters>[0], t: Tenant) {
  await orm.execute(sql`
    insert into opportunities (id, isv_id, product_id, product_name, reseller_id, reseller_name, name,
      discount_bps, duration_type, end_at, restricted_at, times_used, created_at, created_by)
    select gen_random_uuid(), ${t.isv.isvId}::uuid,
      (array[${sql.join(
        t.productIds.map((id) => sql`${id}::uuid`),
        sql`,`,
      )}])[1 + g % ${t.productIds.length}],
      'product ' || (g % ${t.productIds.length}),
      (array[${sql.join(
        t.resellers.map((r) => sql`${r.resellerId}::uuid`),
        sql`,`,
      )}])[1 + g % ${t.resellers.length}],
      'reseller ' || (g % ${t.resellers.length}),
      'opportunity ' || g, 100 + g % 5000,
      (array['single-use','specific-duration','no-set-duration'])[1 + g % 3],
      case when g % 3 = 2 then null
           when g % 3 = 0 and g % 2 = 0 then null
           else date_trunc('day', ${NOW.toISOString()}::timestamptz) + ((g % 200) - 100) * interval '1 day' + interval '1 day' - interval '1 millisecond' end,
      case when g % 11 = 0 then ${NOW.toISOString()}::timestamptz - interval '1 day' end,
      case when g % 3 = 0 then g % 2 else g % 7 end,
      ${NOW.toISOString()}::timestamptz - g * interval '1 minute',
      ${t.isv.userId}::uuid
    from generate_series(1, ${ROWS_PER_TENANT}) g`);
}

describeEachDb(
  'query plans',
  (ctx) => {
    let store: Store;
    let a: Tenant;
    beforeAll(async () => {
      store = createStore(ctx.db);
      a = await createTenant(ctx.db, { productCount: 4, resellerCount: 5 });
      const b = await createTenant(ctx.db, { productCount: 4, resellerCount: 5 });
      await bulkLoad(ctx.db.orm, a);
      await bulkLoad(ctx.db.orm, b);
      await rebuildCounters(ctx.db.orm);
      // VACUUM also flushes the GIN pending list, as autovacuum would after a bulk load.
      await ctx.db.orm.execute(sql`vacuum analyze`);
    });

    async function plansOf(run: () => Promise<unknown>) {
      captured.length = 0;
      await run();
      const queries = captured.filter((q) => q.query.includes('"opportunities"'));
      const plans: string[] = [];
      for (const q of queries) {
        const res = await ctx.db.orm.execute(sql.raw(`explain ${inline(q.query, q.params)}`));
        const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as Record<
          string,
          string
        >[];
        plans.push(rows.map((r) => Object.values(r)[0]).join('\n'));
      }
      return { queries, plans };
    }

    const lists: [string, () => Principal, () => Partial<ListOpportunities>][] = [
      ['first page', () => a.isv, () => ({})],
      ['status active', () => a.isv, () => ({ status: ['active'] })],
      ['status expired', () => a.isv, () => ({ status: ['expired'] })],
      ['status restricted', () => a.isv, () => ({ status: ['restricted'] })],
      ['status complete', () => a.isv, () => ({ status: ['complete'] })],
      ['expiring in 30 days', () => a.isv, () => ({ expiringWithinDays: 30 })],
      ['product filter', () => a.isv, () => ({ productId: a.productIds[1] })],
      ['sort by name', () => a.isv, () => ({ sort: { field: 'name', direction: 'asc' } })],
      ['sort by end date', () => a.isv, () => ({ sort: { field: 'endDate', direction: 'asc' } })],
      [
        'sort by end date desc, expiring in 30 days',
        () => a.isv,
        () => ({ sort: { field: 'endDate', direction: 'desc' }, expiringWithinDays: 30 }),
      ],
      ['text search on name', () => a.isv, () => ({ q: 'ty 3217' })],
      ['text search, name or id prefix', () => a.isv, () => ({ q: '3217' })],
      ['reseller principal', () => a.resellers[0] as Principal, () => ({})],
      // Sorted by status: one index walk per status segment, never a scan of the tenant.
      ['sort by status', () => a.isv, () => ({ sort: { field: 'status', direction: 'asc' } })],
      [
        'sort by status desc, two statuses',
        () => a.isv,
        () => ({ sort: { field: 'status', direction: 'desc' }, status: ['expired', 'complete'] }),
      ],
      [
        'sort by status, reseller principal',
        () => a.resellers[0] as Principal,
        () => ({ sort: { field: 'status', direction: 'asc' } }),
      ],
    ];
    for (const [label, principal, input] of lists) {
      it(`list, ${label}: no sequential scan of opportunities`, async () => {
        const { queries, plans } = await plansOf(() =>
          store.listOpportunities(
            principal(),
            { sort: { field: 'createdAt', direction: 'desc' }, limit: 20, ...input() },
            NOW,
          ),
        );
        expect(queries.length).toBeGreaterThan(0);
        if (process.env.SHOW_PLANS) console.log(label, plans.join('\n---\n'));
        for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on opportunities/);
      });
    }

    it('sorted by end date, the page walks opp_isv_end_idx (a range of it when expiring)', async () => {
      for (const extra of [{}, { expiringWithinDays: 30 }]) {
        const { plans } = await plansOf(() =>
          store.listOpportunities(
            a.isv,
            { sort: { field: 'endDate', direction: 'desc' }, limit: 20, ...extra },
            NOW,
          ),
        );
        const page = plans.find((p) => p.includes('Limit'));
        expect(page).toMatch(/opp_isv_end_idx/);
        if ('expiringWithinDays' in extra) expect(page).toMatch(/Index Cond: .*coalesce/i);
      }
    });

    it('summary reads only the counters', async () => {
      const { queries } = await plansOf(() => store.summary(a.isv, NOW));
      expect(queries).toEqual([]);
      expect(captured.some((q) => q.query.includes('isv_open_end_counts'))).toBe(true);
    });
  },
  { logger: { logQuery: (query, params) => captured.push({ query, params }) } },
);
