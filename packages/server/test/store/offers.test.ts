import { randomUUID } from 'node:crypto';
import type { DurationType } from '@resale-kit/core';
import { DomainError } from '@resale-kit/core';
import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { offers } from '../../src/db/schema.js';
import { createStore } from '../../src/store/index.js';
import type { ResellerPrincipal, Store } from '../../src/store/types.js';
import { describeEachDb } from '../support/db.js';
import { createTenant, type Tenant } from '../support/fixtures.js';

const NOW = new Date('2026-03-15T12:00:00.000Z');
const LATER = new Date('2026-06-01T12:00:00.000Z');

async function settle<T>(
  p: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: DomainError }> {
  try {
    return { ok: true, value: await p };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, error: e };
    throw e;
  }
}

describeEachDb('createOffer', (ctx) => {
  let store: Store;
  let t: Tenant;
  let other: Tenant;
  let reseller: ResellerPrincipal;
  beforeAll(async () => {
    store = createStore(ctx.db);
    t = await createTenant(ctx.db, { productCount: 1, resellerCount: 2 });
    other = await createTenant(ctx.db, { productCount: 1, resellerCount: 1 });
    reseller = t.resellers[0] as ResellerPrincipal;
  });

  async function opportunity(durationType: DurationType, endDate: string | null = null) {
    const [o] = await store.createOpportunities(
      t.isv,
      {
        name: `${durationType} ${randomUUID().slice(0, 4)}`,
        description: null,
        productIds: [t.productIds[0] as string],
        resellerIds: [reseller.resellerId],
        discount: { type: 'percentage', percent: 10 },
        durationType,
        endDate,
      },
      NOW,
    );
    if (!o) throw new Error('fixture');
    return o;
  }
  const offerCount = async (opportunityId: string) =>
    Number(
      (
        await ctx.db.orm
          .select({ n: count() })
          .from(offers)
          .where(eq(offers.opportunityId, opportunityId))
      )[0]?.n,
    );
  const use = (
    opportunityId: string,
    key: string = randomUUID(),
    p: ResellerPrincipal = reseller,
    now = NOW,
  ) =>
    store.createOffer(
      p,
      { opportunityId, buyerAccountId: '111122223333', idempotencyKey: key },
      now,
    );

  it('records the offer, counts the use and returns both', async () => {
    const o = await opportunity('no-set-duration');
    const r = await use(o.id);
    expect(r.replayed).toBe(false);
    expect(r.offer).toMatchObject({
      opportunityId: o.id,
      resellerId: reseller.resellerId,
      buyerAccountId: '111122223333',
      createdBy: { userId: reseller.userId, name: reseller.name },
      createdAt: NOW.toISOString(),
    });
    expect(r.opportunity.timesUsed).toBe(1);
    const details = await store.getOpportunity(t.isv, o.id, NOW);
    expect(details?.offers).toEqual([r.offer]);
    expect(details?.events.map((e) => e.type)).toEqual(['created', 'used']);
    expect(details?.events[1]?.data).toEqual({
      offerId: r.offer.id,
      buyerAccountId: '111122223333',
    });
  });

  it('64 concurrent requests on a single-use opportunity: exactly one offer', async () => {
    const o = await opportunity('single-use');
    const results = await Promise.all(Array.from({ length: 64 }, () => settle(use(o.id))));
    const wins = results.filter((r) => r.ok);
    const losses = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(63);
    for (const e of losses) {
      expect(e.code).toBe('OPPORTUNITY_NOT_ACTIVE');
      expect(e.reason).toBe('COMPLETE');
    }
    expect(await offerCount(o.id)).toBe(1);
    const after = await store.getOpportunity(t.isv, o.id, NOW);
    expect(after?.opportunity).toMatchObject({ timesUsed: 1, status: 'complete' });
    expect((await store.summary(t.isv, NOW)).byStatus.complete).toBeGreaterThanOrEqual(1);
  });

  it('64 concurrent requests on a multi-use opportunity: every success counted once', async () => {
    const o = await opportunity('specific-duration', '2026-04-01');
    const results = await Promise.all(Array.from({ length: 64 }, () => settle(use(o.id))));
    const wins = results.filter((r) => r.ok).length;
    expect(wins).toBe(64);
    const after = await store.getOpportunity(t.isv, o.id, NOW);
    expect(after?.opportunity.timesUsed).toBe(wins);
    expect(await offerCount(o.id)).toBe(wins);
  });

  it('a repeated key returns the first result and counts nothing, sequentially and racing', async () => {
    const o = await opportunity('no-set-duration');
    const first = await use(o.id, 'key-seq');
    const again = await use(o.id, 'key-seq');
    expect(again.replayed).toBe(true);
    expect(again.offer).toEqual(first.offer);
    expect(again.opportunity.timesUsed).toBe(1);

    const raced = await Promise.all(Array.from({ length: 32 }, () => use(o.id, 'key-race')));
    expect(raced.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(raced.map((r) => r.offer.id)).size).toBe(1);
    expect(await offerCount(o.id)).toBe(2);
    expect((await store.getOpportunity(t.isv, o.id, NOW))?.opportunity.timesUsed).toBe(2);
  });

  it('a single-use replay still returns the first offer after it became Complete', async () => {
    const o = await opportunity('single-use');
    const first = await use(o.id, 'single-key');
    const again = await use(o.id, 'single-key');
    expect(again).toMatchObject({ replayed: true, offer: first.offer });
    expect(again.opportunity.status).toBe('complete');
  });

  it('the same key for another opportunity is IDEMPOTENCY_KEY_REUSED, also racing', async () => {
    const a = await opportunity('no-set-duration');
    const b = await opportunity('no-set-duration');
    await use(a.id, 'shared');
    const err = await settle(use(b.id, 'shared'));
    expect(err.ok ? null : err.error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const racing = await Promise.all([settle(use(a.id, 'race-2')), settle(use(b.id, 'race-2'))]);
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(racing.flatMap((r) => (r.ok ? [] : [r.error.code]))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect((await offerCount(a.id)) + (await offerCount(b.id))).toBe(2);
  });

  it('refuses non-Active opportunities with the guard reason', async () => {
    const expired = await opportunity('specific-duration', '2026-04-01');
    const e1 = await settle(use(expired.id, randomUUID(), reseller, LATER));
    expect(e1.ok ? null : [e1.error.code, e1.error.reason]).toEqual([
      'OPPORTUNITY_NOT_ACTIVE',
      'EXPIRED',
    ]);
    const restricted = await opportunity('no-set-duration');
    await store.deactivate(t.isv, [restricted.id], NOW);
    const e2 = await settle(use(restricted.id));
    expect(e2.ok ? null : [e2.error.code, e2.error.reason]).toEqual([
      'OPPORTUNITY_NOT_ACTIVE',
      'RESTRICTED',
    ]);
  });

  it("another reseller, or another ISV's reseller, gets NOT_FOUND", async () => {
    const o = await opportunity('no-set-duration');
    for (const p of [t.resellers[1], other.resellers[0]] as ResellerPrincipal[]) {
      const r = await settle(use(o.id, randomUUID(), p));
      expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    }
    const missing = await settle(use(randomUUID()));
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    expect(await offerCount(o.id)).toBe(0);
  });

  it('bad input names the field', async () => {
    const o = await opportunity('no-set-duration');
    const r = await settle(
      store.createOffer(
        reseller,
        { opportunityId: o.id, buyerAccountId: '12', idempotencyKey: '' },
        NOW,
      ),
    );
    expect(r.ok ? null : Object.keys(r.error.toData().fieldErrors ?? {}).sort()).toEqual([
      'buyerAccountId',
      'idempotencyKey',
    ]);
  });
});
