import {
  addDays,
  DAY_MS,
  DomainError,
  DURATION_TYPES,
  summarize,
  todayUtc,
} from '@resale-kit/core';
import { asc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { rebuildCounters } from '../../src/db/counters.js';
import { isvCounters, isvOpenEndCounts } from '../../src/db/schema.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { collectAll } from '../support/collect.js';
import { describeEachDb } from '../support/db.js';
import { createTenant, type Tenant } from '../support/fixtures.js';

const T0 = Date.parse('2026-02-01T08:00:00.000Z');

const opArb = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    durationType: fc.constantFrom(...DURATION_TYPES),
    endInDays: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    products: fc.integer({ min: 1, max: 2 }),
    resellers: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('use' as const),
    pick: fc.nat(),
    times: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('deactivate' as const),
    picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('clone' as const),
    pick: fc.nat(),
    endInDays: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 12 * DAY_MS }) }),
);

/** Swallows the domain refusals random operations run into (not active, past end date...). */
async function domain<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof DomainError) return null;
    throw e;
  }
}

describeEachDb('summary counters equal a full recount', (ctx) => {
  let store: Store;
  beforeAll(() => {
    store = createStore(ctx.db);
  });

  async function countersSnapshot(isvId: string) {
    const [c] = await ctx.db.orm.select().from(isvCounters).where(eq(isvCounters.isvId, isvId));
    const ends = await ctx.db.orm
      .select({ endAt: isvOpenEndCounts.endAt, n: isvOpenEndCounts.n })
      .from(isvOpenEndCounts)
      .where(eq(isvOpenEndCounts.isvId, isvId))
      .orderBy(asc(isvOpenEndCounts.endAt));
    const zero = { isvId, total: 0, restricted: 0, complete: 0, openNoEnd: 0 };
    return {
      c: c ?? zero,
      ends: ends.filter((e) => e.n !== 0).map((e) => [e.endAt.toISOString(), e.n]),
    };
  }

  it('after random creates, uses, deactivations and clones, at many instants', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 5, maxLength: 25 }),
        fc.array(fc.integer({ min: -5, max: 60 }), { minLength: 3, maxLength: 6 }),
        async (ops, probeDays) => {
          const t: Tenant = await createTenant(ctx.db, { productCount: 2, resellerCount: 3 });
          let now = new Date(T0);
          const ids: { id: string; resellerIndex: number }[] = [];
          for (const op of ops) {
            if (op.kind === 'wait') now = new Date(now.getTime() + op.ms);
            if (op.kind === 'create') {
              const endDate =
                op.durationType === 'no-set-duration' ||
                (op.durationType === 'single-use' && op.endInDays === null)
                  ? null
                  : addDays(todayUtc(now), op.endInDays ?? 7);
              const created = await store.createOpportunities(
                t.isv,
                {
                  name: 'random',
                  description: null,
                  productIds: t.productIds.slice(0, op.products),
                  resellerIds: t.resellers.slice(0, op.resellers).map((r) => r.resellerId),
                  discount: { type: 'percentage', percent: 10 },
                  durationType: op.durationType,
                  endDate,
                },
                now,
              );
              for (const o of created) {
                ids.push({
                  id: o.id,
                  resellerIndex: t.resellers.findIndex((r) => r.resellerId === o.resellerId),
                });
              }
            }
            if (ids.length === 0) continue;
            const pick = (n: number) => ids[n % ids.length] as (typeof ids)[number];
            if (op.kind === 'use') {
              const target = pick(op.pick);
              for (let k = 0; k < op.times; k++) {
                await domain(
                  store.createOffer(
                    t.resellers[target.resellerIndex] as never,
                    {
                      opportunityId: target.id,
                      buyerAccountId: '123456789012',
                      idempotencyKey: `${target.id}-${now.getTime()}-${k}`,
                    },
                    now,
                  ),
                );
              }
            }
            if (op.kind === 'deactivate')
              await store.deactivate(
                t.isv,
                op.picks.map((n) => pick(n).id),
                now,
              );
            if (op.kind === 'clone') {
              const created = await domain(
                store.cloneOpportunity(
                  t.isv,
                  { id: pick(op.pick).id, endDate: addDays(todayUtc(now), op.endInDays) },
                  now,
                ),
              );
              if (created)
                ids.push({
                  id: created.id,
                  resellerIndex: t.resellers.findIndex((r) => r.resellerId === created.resellerId),
                });
            }
          }
          const all = await collectAll(store, t.isv, now);
          expect(all).toHaveLength(ids.length);
          for (const d of [0, ...probeDays]) {
            const at = new Date(now.getTime() + d * DAY_MS + (d % 3) * 3_600_000);
            expect(await store.summary(t.isv, at)).toEqual(summarize(all, at));
          }
          // The incremental counters are exactly what a rebuild from the rows gives.
          const incremental = await countersSnapshot(t.isv.isvId);
          await rebuildCounters(ctx.db.orm);
          expect(await countersSnapshot(t.isv.isvId)).toEqual(incremental);
        },
      ),
      { numRuns: ctx.driver === 'pglite' ? 12 : 20 },
    );
  });
});
