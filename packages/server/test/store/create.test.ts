import { randomUUID } from 'node:crypto';
import type { CreateOpportunityInput } from '@resale-kit/core';
import { CreateOpportunityInputSchema, DomainError } from '@resale-kit/core';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, opportunities } from '../../src/db/schema.js';
import { createStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { describeEachDb } from '../support/db.js';
import { createTenant, type Tenant } from '../support/fixtures.js';

const NOW = new Date('2026-03-15T12:00:00.000Z');

const input = (t: Tenant, over: Partial<CreateOpportunityInput> = {}) =>
  CreateOpportunityInputSchema.parse({
    name: '  Spring push  ',
    productIds: t.productIds,
    resellerIds: t.resellers.map((r) => r.resellerId),
    discount: { type: 'percentage', percent: 12.5 },
    durationType: 'specific-duration',
    endDate: '2026-04-30',
    ...over,
  });

async function storeError(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describeEachDb('createOpportunities', (ctx) => {
  let store: Store;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    store = createStore(ctx.db);
    a = await createTenant(ctx.db, { productCount: 2, resellerCount: 3 });
    b = await createTenant(ctx.db);
  });
  const countOf = async (isvId: string) =>
    (await ctx.db.orm.select().from(opportunities).where(eq(opportunities.isvId, isvId))).length;

  it('creates one per product x reseller pair, in the wire shape, with events', async () => {
    const created = await store.createOpportunities(a.isv, input(a), NOW);
    expect(created).toHaveLength(6);
    const pairs = new Set(created.map((o) => `${o.productId}/${o.resellerId}`));
    expect(pairs.size).toBe(6);
    for (const o of created) {
      expect(o).toMatchObject({
        isvId: a.isv.isvId,
        name: 'Spring push',
        description: null,
        discount: { type: 'percentage', percent: 12.5 },
        durationType: 'specific-duration',
        endDate: '2026-04-30',
        restrictedAt: null,
        timesUsed: 0,
        createdAt: NOW.toISOString(),
        clonedFromId: null,
        status: 'active',
      });
      expect(o.productName).toMatch(/product/);
      expect(o.resellerName).toMatch(/reseller/);
      const ev = await ctx.db.orm.select().from(events).where(eq(events.opportunityId, o.id));
      expect(ev.map((e) => e.type)).toEqual(['created']);
    }
    expect((await store.summary(a.isv, NOW)).byStatus.active).toBe(6);
  });

  it("another tenant's product or reseller is a field error and nothing is written", async () => {
    const before = await countOf(a.isv.isvId);
    const err = await storeError(
      store.createOpportunities(
        a.isv,
        input(a, {
          productIds: [a.productIds[0] as string, b.productIds[0] as string],
          resellerIds: [a.resellers[0]?.resellerId as string, randomUUID()],
        }),
        NOW,
      ),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(err.toData().fieldErrors ?? {}).sort()).toEqual([
      'productIds.1',
      'resellerIds.1',
    ]);
    expect(await countOf(a.isv.isvId)).toBe(before);
  });

  it('applies the clock rules from core: end date not in the past, required/forbidden by type', async () => {
    const past = await storeError(
      store.createOpportunities(a.isv, input(a, { endDate: '2026-03-14' }), NOW),
    );
    expect(past.code).toBe('VALIDATION_FAILED');
    expect(past.toData().fieldErrors?.endDate?.[0]).toMatch(/past/);
    const missing = await storeError(
      store.createOpportunities(a.isv, input(a, { endDate: null }), NOW),
    );
    expect(missing.toData().fieldErrors?.endDate).toBeDefined();
    const forbidden = await storeError(
      store.createOpportunities(
        a.isv,
        input(a, { durationType: 'no-set-duration', endDate: '2026-05-01' }),
        NOW,
      ),
    );
    expect(forbidden.toData().fieldErrors?.endDate).toBeDefined();
    // Today is still allowed: the end date is the end of that day.
    const today = await store.createOpportunities(
      a.isv,
      input(a, { endDate: '2026-03-15', productIds: [a.productIds[0] as string] }),
      NOW,
    );
    expect(today.every((o) => o.status === 'active')).toBe(true);
  });

  it('rejects bad static input with a field name', async () => {
    const err = await storeError(
      store.createOpportunities(
        a.isv,
        { ...input(a), name: ' ', discount: { type: 'percentage', percent: 0 } },
        NOW,
      ),
    );
    expect(err.toData().fieldErrors?.name).toBeDefined();
    expect(err.toData().fieldErrors?.['discount.percent']).toBeDefined();
  });

  describe('catalog', () => {
    it('lists products and resellers by tenant', async () => {
      expect((await store.listProducts(a.isv)).map((p) => p.id).sort()).toEqual(
        [...a.productIds].sort(),
      );
      expect(await store.listResellers(a.isv)).toHaveLength(3);
      const r = a.resellers[0];
      if (!r) throw new Error('fixture');
      expect(await store.listResellers(r)).toEqual([
        { id: r.resellerId, name: expect.any(String) },
      ]);
      const visible = await store.listProducts(r);
      expect(visible.every((p) => p.isvId === a.isv.isvId)).toBe(true);
      expect(await store.listProducts(b.resellers[0] as never)).toEqual([]);
    });
  });
});
