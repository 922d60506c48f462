import {
  type Offer,
  type Opportunity,
  OpportunitySchema,
  type Principal,
  type Product,
  type Reseller,
  type Summary,
} from '@resale-kit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  CreateOfferResult,
  DeactivateResult,
  OpportunityDetails,
  OpportunityPage,
} from '../../src/store/types.js';
import { type Api, describeEachDriver, NOW, openApi, type Transport } from './harness.js';
import { T } from './tenants.js';

// Every procedure, its happy path, through createCaller and through real HTTP (@trpc/client).
describeEachDriver('every procedure', (driver) => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi(driver);
  });
  afterAll(() => api?.close());

  const value = async <V>(
    t: Transport,
    role: Parameters<Api['call']>[1],
    path: string,
    input?: unknown,
  ) => {
    const out = await api.call(t, role, path, input);
    if (!out.ok) throw new Error(`${path}: ${out.domainCode} ${out.message}`);
    return out.value as V;
  };

  describe.each(['caller', 'http'] as const)('through %s', (t) => {
    let created: Opportunity[];

    test('me: the principal and the pinned clock', async () => {
      const me = await value<{ principal: Principal; clock: { now: string; fixed: boolean } }>(
        t,
        'isvA',
        'me',
      );
      expect(me.principal).toEqual({
        kind: 'isv',
        userId: T.userIsvA,
        name: 'Alice (ISV A)',
        role: 'admin',
        isvId: T.isvA,
      });
      expect(me.clock).toEqual({ now: NOW.toISOString(), fixed: true });
      const r = await value<{ principal: Principal }>(t, 'reseller1', 'me');
      expect(r.principal).toMatchObject({ kind: 'reseller', resellerId: T.reseller1 });
    });

    test('products.list and resellers.list', async () => {
      const products = await value<Product[]>(t, 'isvA', 'products.list');
      expect(products.map((p) => p.id)).toEqual([T.productA1, T.productA2]);
      const resellers = await value<Reseller[]>(t, 'isvA', 'resellers.list');
      expect(resellers.map((r) => r.id).sort()).toEqual([T.reseller1, T.reseller2].sort());
      expect(await value<Reseller[]>(t, 'reseller2', 'resellers.list')).toEqual([
        { id: T.reseller2, name: 'Reseller Two' },
      ]);
    });

    test('opportunities.create: one per product x reseller pair, in the wire shape', async () => {
      created = await value<Opportunity[]>(t, 'isvA', 'opportunities.create', {
        name: `  Spring promo ${t}  `,
        description: 'Q2 push',
        productIds: [T.productA1, T.productA2],
        resellerIds: [T.reseller1, T.reseller2],
        discount: { type: 'percentage', percent: 12.5 },
        durationType: 'specific-duration',
        endDate: '2026-04-30',
      });
      expect(created).toHaveLength(4);
      for (const o of created) {
        expect(OpportunitySchema.parse(o)).toEqual(o);
        expect(o).toMatchObject({
          isvId: T.isvA,
          name: `Spring promo ${t}`,
          status: 'active',
          timesUsed: 0,
          createdAt: NOW.toISOString(),
          endDate: '2026-04-30',
          discount: { type: 'percentage', percent: 12.5 },
        });
      }
      const pairs = created.map((o) => `${o.productId}/${o.resellerId}`).sort();
      expect(pairs).toEqual(
        [
          `${T.productA1}/${T.reseller1}`,
          `${T.productA1}/${T.reseller2}`,
          `${T.productA2}/${T.reseller1}`,
          `${T.productA2}/${T.reseller2}`,
        ].sort(),
      );
    });

    test('opportunities.list: filters, total and cursors', async () => {
      const page = await value<OpportunityPage>(t, 'isvA', 'opportunities.list', {
        q: `Spring promo ${t}`,
        sort: { field: 'productName', direction: 'asc' },
        limit: 3,
      });
      expect(page.total).toBe(4);
      expect(page.items).toHaveLength(3);
      expect(page.prevCursor).toBeNull();
      expect(page.nextCursor).toEqual(expect.any(String));
      const next = await value<OpportunityPage>(t, 'isvA', 'opportunities.list', {
        q: `Spring promo ${t}`,
        sort: { field: 'productName', direction: 'asc' },
        limit: 3,
        cursor: page.nextCursor,
      });
      expect(next.items).toHaveLength(1);
      const seen = [...page.items, ...next.items].map((o) => o.id).sort();
      expect(seen).toEqual(created.map((o) => o.id).sort());
      // A reseller sees only what targets it.
      const r1 = await value<OpportunityPage>(t, 'reseller1', 'opportunities.list', {
        q: `Spring promo ${t}`,
      });
      expect(r1.total).toBe(2);
      expect(r1.items.every((o) => o.resellerId === T.reseller1)).toBe(true);
    });

    test('offers.create, then opportunities.get shows the offer and the history', async () => {
      const target = created.find((o) => o.resellerId === T.reseller1) as Opportunity;
      const result = await value<CreateOfferResult>(t, 'reseller1', 'offers.create', {
        opportunityId: target.id,
        buyerAccountId: '123456789012',
        idempotencyKey: `first-${t}`,
      });
      expect(result.replayed).toBe(false);
      expect(result.offer).toMatchObject({
        opportunityId: target.id,
        resellerId: T.reseller1,
        buyerAccountId: '123456789012',
        createdAt: NOW.toISOString(),
      });
      expect(result.opportunity.timesUsed).toBe(1);
      const details = await value<OpportunityDetails>(t, 'isvA', 'opportunities.get', {
        id: target.id,
      });
      expect(details.opportunity).toMatchObject({ id: target.id, timesUsed: 1, status: 'active' });
      expect(details.offers.map((o: Offer) => o.id)).toEqual([result.offer.id]);
      expect(details.events.map((e) => e.type).sort()).toEqual(['created', 'used']);
    });

    test('opportunities.clone: a fresh copy pointing at its source', async () => {
      const source = created[0] as Opportunity;
      const clone = await value<Opportunity>(t, 'isvA', 'opportunities.clone', {
        id: source.id,
        name: 'Renewed',
        endDate: '2026-12-31',
      });
      expect(clone).toMatchObject({
        name: 'Renewed',
        productId: source.productId,
        resellerId: source.resellerId,
        discount: source.discount,
        durationType: source.durationType,
        endDate: '2026-12-31',
        timesUsed: 0,
        clonedFromId: source.id,
        status: 'active',
      });
      expect(clone.id).not.toBe(source.id);
    });

    test('opportunities.deactivate: Active ones change, the rest say why', async () => {
      const [a, b] = created as [Opportunity, Opportunity];
      const first = await value<DeactivateResult[]>(t, 'isvA', 'opportunities.deactivate', {
        ids: [a.id],
      });
      expect(first).toEqual([
        { id: a.id, ok: true, opportunity: expect.objectContaining({ status: 'restricted' }) },
      ]);
      const second = await value<DeactivateResult[]>(t, 'isvA', 'opportunities.deactivate', {
        ids: [a.id, b.id],
      });
      expect(second).toEqual([
        { id: a.id, ok: false, reason: 'RESTRICTED' },
        { id: b.id, ok: true, opportunity: expect.objectContaining({ status: 'restricted' }) },
      ]);
    });

    test('opportunities.summary counts by status', async () => {
      const summary = await value<Summary>(t, 'isvA', 'opportunities.summary');
      const listed = await value<OpportunityPage>(t, 'isvA', 'opportunities.list', { limit: 100 });
      const byStatus = { active: 0, expired: 0, restricted: 0, complete: 0 };
      for (const o of listed.items) byStatus[o.status] += 1;
      expect(summary.byStatus).toEqual(byStatus);
      expect(summary.active).toBe(byStatus.active);
      expect(summary.expiringIn30Days).toBe(0);
    });
  });
});
