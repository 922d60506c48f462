import type { Opportunity } from '@resale-kit/core';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CreateOfferResult } from '../../src/store/types.js';
import type { AppRouter } from '../../src/trpc/routers/_app.js';
import { type Api, describeEachDriver, openApi } from './harness.js';
import { KEYS, T } from './tenants.js';

describeEachDriver('offers.create', (driver) => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi(driver);
  });
  afterAll(() => api?.close());

  const create = async (durationType: string, endDate?: string) => {
    const [o] = await api.must<Opportunity[]>('isvA', 'opportunities.create', {
      name: `Offers ${durationType}`,
      productIds: [T.productA1],
      resellerIds: [T.reseller1],
      discount: { type: 'percentage', percent: 20 },
      durationType,
      endDate,
    });
    return o as Opportunity;
  };

  /** One HTTP request per call (no batching), so the server really sees them concurrently. */
  const unbatched = () =>
    createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: `${api.url}/trpc`,
          headers: { authorization: `Bearer ${KEYS.reseller1}` },
        }),
      ],
    });

  const offer = (opportunityId: string, idempotencyKey: string) => ({
    opportunityId,
    buyerAccountId: '123456789012',
    idempotencyKey,
  });

  test('a repeated idempotency key returns the first result and counts nothing again', async () => {
    const o = await create('no-set-duration');
    const first = await api.call('http', 'reseller1', 'offers.create', offer(o.id, 'idem-1'));
    const again = await api.call('caller', 'reseller1', 'offers.create', offer(o.id, 'idem-1'));
    expect(first).toMatchObject({ ok: true, value: { replayed: false } });
    expect(again).toMatchObject({ ok: true, value: { replayed: true } });
    const a = (first as { value: CreateOfferResult }).value;
    const b = (again as { value: CreateOfferResult }).value;
    expect(b.offer).toEqual(a.offer);
    const details = await api.must<{ opportunity: Opportunity; offers: unknown[] }>(
      'isvA',
      'opportunities.get',
      { id: o.id },
    );
    expect(details.opportunity.timesUsed).toBe(1);
    expect(details.offers).toHaveLength(1);
  });

  test('the same key for another opportunity is a conflict, not a second offer', async () => {
    const [o1, o2] = [await create('no-set-duration'), await create('no-set-duration')];
    await api.must('reseller1', 'offers.create', offer(o1.id, 'idem-2'));
    const out = await api.call('http', 'reseller1', 'offers.create', offer(o2.id, 'idem-2'));
    expect(out).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      domainCode: 'IDEMPOTENCY_KEY_REUSED',
    });
    const d2 = await api.must<{ opportunity: Opportunity }>('isvA', 'opportunities.get', {
      id: o2.id,
    });
    expect(d2.opportunity.timesUsed).toBe(0);
  });

  test('only Active opportunities can be used; the error says why', async () => {
    const single = await create('single-use');
    await api.must('reseller1', 'offers.create', offer(single.id, 'use-single'));
    const complete = await api.call(
      'http',
      'reseller1',
      'offers.create',
      offer(single.id, 'use-single-2'),
    );
    expect(complete).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      domainCode: 'OPPORTUNITY_NOT_ACTIVE',
      reason: 'COMPLETE',
    });

    const restricted = await create('no-set-duration');
    await api.must('isvA', 'opportunities.deactivate', { ids: [restricted.id] });
    const r = await api.call(
      'caller',
      'reseller1',
      'offers.create',
      offer(restricted.id, 'use-restricted'),
    );
    expect(r).toMatchObject({
      ok: false,
      domainCode: 'OPPORTUNITY_NOT_ACTIVE',
      reason: 'RESTRICTED',
    });

    const dated = await create('specific-duration', '2026-03-10');
    const expired = await api.callAt(
      new Date('2026-03-11T00:00:00Z'),
      'reseller1',
      'offers.create',
      offer(dated.id, 'use-expired'),
    );
    expect(expired).toMatchObject({
      ok: false,
      domainCode: 'OPPORTUNITY_NOT_ACTIVE',
      reason: 'EXPIRED',
    });
  });

  test('64 concurrent HTTP requests on a single-use opportunity: exactly one offer', async () => {
    const o = await create('single-use');
    const client = unbatched();
    const results = await Promise.allSettled(
      Array.from({ length: 64 }, (_, i) =>
        client.offers.create.mutate(offer(o.id, `race-single-${i}`)),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(63);
    for (const err of failed) {
      expect(err).toBeInstanceOf(TRPCClientError);
      expect(err.data).toMatchObject({
        code: 'CONFLICT',
        httpStatus: 409,
        domainCode: 'OPPORTUNITY_NOT_ACTIVE',
        reason: 'COMPLETE',
      });
    }
    const details = await api.must<{ opportunity: Opportunity; offers: unknown[] }>(
      'isvA',
      'opportunities.get',
      { id: o.id },
    );
    expect(details.opportunity).toMatchObject({ timesUsed: 1, status: 'complete' });
    expect(details.offers).toHaveLength(1);
  });

  test('64 concurrent HTTP requests on a multi-use opportunity: every success counted once', async () => {
    const o = await create('no-set-duration');
    const client = unbatched();
    const results = await Promise.allSettled(
      Array.from({ length: 64 }, (_, i) =>
        client.offers.create.mutate(offer(o.id, `race-multi-${i}`)),
      ),
    );
    const successes = results.filter((r) => r.status === 'fulfilled').length;
    expect(successes).toBe(64);
    const details = await api.must<{ opportunity: Opportunity; offers: unknown[] }>(
      'isvA',
      'opportunities.get',
      { id: o.id },
    );
    expect(details.opportunity.timesUsed).toBe(successes);
    expect(details.offers).toHaveLength(successes);
  });

  test('16 concurrent requests with one idempotency key: one offer, counted once', async () => {
    const o = await create('no-set-duration');
    const client = unbatched();
    const results = await Promise.allSettled(
      Array.from({ length: 16 }, () => client.offers.create.mutate(offer(o.id, 'race-same-key'))),
    );
    const values = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(values).toHaveLength(16);
    expect(new Set(values.map((v) => v.offer.id)).size).toBe(1);
    expect(values.filter((v) => !v.replayed)).toHaveLength(1);
    const details = await api.must<{ opportunity: Opportunity }>('isvA', 'opportunities.get', {
      id: o.id,
    });
    expect(details.opportunity.timesUsed).toBe(1);
  });
});
