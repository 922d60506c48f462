import { randomUUID } from 'node:crypto';
import type { DurationType, Opportunity } from '@resale-kit/core';
import { DomainError } from '@resale-kit/core';
import { beforeAll, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import type { ResellerPrincipal, Store } from '../../src/store/types.js';
import { describeEachDb } from '../support/db.js';
import { createTenant, type Tenant } from '../support/fixtures.js';

const NOW = new Date('2026-03-15T12:00:00.000Z');
const LATER = new Date('2026-05-01T12:00:00.000Z');

describeEachDb('deactivate and clone', (ctx) => {
  let store: Store;
  let t: Tenant;
  let other: Tenant;
  beforeAll(async () => {
    store = createStore(ctx.db);
    t = await createTenant(ctx.db, { productCount: 1, resellerCount: 1 });
    other = await createTenant(ctx.db, { productCount: 1, resellerCount: 1 });
  });
  const make = async (durationType: DurationType, endDate: string | null, tenant = t) => {
    const [o] = await store.createOpportunities(
      tenant.isv,
      {
        name: 'original',
        description: 'first',
        productIds: tenant.productIds,
        resellerIds: [tenant.resellers[0]?.resellerId as string],
        discount: { type: 'percentage', percent: 15 },
        durationType,
        endDate,
      },
      NOW,
    );
    return o as Opportunity;
  };

  it('changes only Active ones and reports why for every other id', async () => {
    const active = await make('no-set-duration', null);
    const restricted = await make('no-set-duration', null);
    await store.deactivate(t.isv, [restricted.id], NOW);
    const complete = await make('single-use', null);
    await store.createOffer(
      t.resellers[0] as ResellerPrincipal,
      { opportunityId: complete.id, buyerAccountId: '999988887777', idempotencyKey: randomUUID() },
      NOW,
    );
    const expired = await make('specific-duration', '2026-04-01');
    const foreign = await make('no-set-duration', null, other);
    const before = await store.summary(t.isv, LATER);

    const ids = [
      active.id,
      restricted.id,
      complete.id,
      expired.id,
      foreign.id,
      randomUUID(),
      'junk',
    ];
    const results = await store.deactivate(t.isv, ids, LATER);
    expect(results.map((r) => (r.ok ? 'OK' : r.reason))).toEqual([
      'OK',
      'RESTRICTED',
      'COMPLETE',
      'EXPIRED',
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
    ]);
    const ok = results[0];
    expect(ok?.ok && ok.opportunity).toMatchObject({
      status: 'restricted',
      restrictedAt: LATER.toISOString(),
    });
    const after = await store.summary(t.isv, LATER);
    expect(after.byStatus.restricted).toBe(before.byStatus.restricted + 1);
    expect(after.active).toBe(before.active - 1);
    const details = await store.getOpportunity(t.isv, active.id, LATER);
    expect(details?.events.map((e) => [e.type, e.actor.userId])).toEqual([
      ['created', t.isv.userId],
      ['deactivated', t.isv.userId],
    ]);
    // The foreign one is untouched.
    expect((await store.getOpportunity(other.isv, foreign.id, LATER))?.opportunity.status).toBe(
      'active',
    );
  });

  it('a second deactivation of the same rows changes nothing (irreversible, reported)', async () => {
    const o = await make('no-set-duration', null);
    const [a, b] = await Promise.all([
      store.deactivate(t.isv, [o.id], NOW),
      store.deactivate(t.isv, [o.id], NOW),
    ]);
    const outcomes = [a?.[0], b?.[0]].map((r) => (r?.ok ? 'OK' : r?.reason)).sort();
    expect(outcomes).toEqual(['OK', 'RESTRICTED']);
  });

  it('clones with times used 0, a new id and clonedFrom, keeping product, reseller and type', async () => {
    const src = await make('specific-duration', '2026-04-01');
    const clone = await store.cloneOpportunity(t.isv, { id: src.id, name: 'renewed' }, NOW);
    expect(clone).toMatchObject({
      name: 'renewed',
      description: 'first',
      productId: src.productId,
      resellerId: src.resellerId,
      discount: src.discount,
      durationType: 'specific-duration',
      endDate: '2026-04-01',
      timesUsed: 0,
      clonedFromId: src.id,
      status: 'active',
    });
    expect(clone.id).not.toBe(src.id);
    const details = await store.getOpportunity(t.isv, clone.id, NOW);
    expect(details?.events).toMatchObject([{ type: 'cloned', data: { fromId: src.id } }]);
  });

  it('a past end date must be replaced; other tenants get NOT_FOUND', async () => {
    const src = await make('specific-duration', '2026-04-01');
    const err = await store.cloneOpportunity(t.isv, { id: src.id }, LATER).catch((e: unknown) => e);
    expect((err as DomainError).code).toBe('VALIDATION_FAILED');
    expect((err as DomainError).toData().fieldErrors?.endDate).toBeDefined();
    const renewed = await store.cloneOpportunity(
      t.isv,
      { id: src.id, endDate: '2026-06-30', discount: { type: 'percentage', percent: 30 } },
      LATER,
    );
    expect(renewed).toMatchObject({
      endDate: '2026-06-30',
      discount: { percent: 30 },
      status: 'active',
    });
    const foreign = await store
      .cloneOpportunity(other.isv, { id: src.id, endDate: '2026-06-30' }, LATER)
      .catch((e: unknown) => e);
    expect(foreign).toBeInstanceOf(DomainError);
    expect((foreign as DomainError).code).toBe('NOT_FOUND');
    const bad = await store.cloneOpportunity(t.isv, { id: 'nope' }, LATER).catch((e: unknown) => e);
    expect((bad as DomainError).toData().fieldErrors?.id).toBeDefined();
  });
});
