import { DomainError, type ListFilters, type Opportunity, STATUSES } from '@resale-kit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cursorBody, filtersDigest, loadCursorKey, sealCursor } from '../../src/store/cursor.js';
import { createStore } from '../../src/store/index.js';
import type { ListOpportunities, OpportunityPage, Store } from '../../src/store/types.js';
import { collectAll } from '../support/collect.js';
import { describeEachDb } from '../support/db.js';
import { createTenant, type Tenant } from '../support/fixtures.js';

/** A list cursor belongs to the filters it was issued for (store/cursor.ts filtersDigest). */

const HOUR = 3_600_000;
const START = Date.parse('2026-01-01T10:00:00.000Z');
const NOW = new Date('2026-03-01T12:00:00.000Z');
const ID = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
const AT = '2026-01-02T00:00:00.000Z';

describe('filtersDigest', () => {
  it('is the same for equivalent filters and differs for any other', () => {
    const none = filtersDigest({});
    expect(none).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const sameAsNone: ListFilters[] = [
      { status: [] },
      { status: [...STATUSES].reverse() },
      { q: '   ' },
      { q: undefined, productId: undefined, expiringWithinDays: undefined },
    ];
    for (const f of sameAsNone) expect(filtersDigest(f), JSON.stringify(f)).toBe(none);
    expect(filtersDigest({ status: ['expired', 'active', 'expired'], q: ' a ' })).toBe(
      filtersDigest({ status: ['active', 'expired'], q: 'a' }),
    );
    expect(filtersDigest({ createdFrom: '2026-01-02T01:00:00+01:00' })).toBe(
      filtersDigest({ createdFrom: AT }),
    );
    expect(filtersDigest({ productId: ID.toUpperCase() })).toBe(filtersDigest({ productId: ID }));

    const others: ListFilters[] = [
      { status: ['active'] },
      { status: ['expired'] },
      { status: ['active', 'expired'] },
      { productId: ID },
      { resellerId: ID },
      { q: 'a' },
      { q: 'A' },
      { createdFrom: AT },
      { createdTo: AT },
      { expiringWithinDays: 0 },
      { expiringWithinDays: 1 },
    ];
    const digests = [none, ...others.map(filtersDigest)];
    expect(new Set(digests).size).toBe(digests.length);
  });
});

describeEachDb('list cursors and filters', (ctx) => {
  let store: Store;
  let t: Tenant;
  /** Filters A: 10 rows (alpha, Active or Restricted), so 4 pages of 3. */
  const A: Partial<ListOpportunities> = { status: ['active', 'restricted'], q: 'alpha' };
  let inA: string[];
  const list = (input: Partial<ListOpportunities>) =>
    store.listOpportunities(
      t.isv,
      { sort: { field: 'createdAt', direction: 'desc' }, limit: 3, ...input },
      NOW,
    );
  const ids = (page: OpportunityPage) => page.items.map((o) => o.id);
  const failure = (input: Partial<ListOpportunities>) =>
    list(input).then(
      () => null,
      (e: unknown) => e,
    );

  beforeAll(async () => {
    store = createStore(ctx.db);
    t = await createTenant(ctx.db, { productCount: 2, resellerCount: 2 });
    // 12 creates x 2 resellers: alpha on even i; i % 4 === 0 restricted, other i % 3 === 2 expired.
    for (let i = 0; i < 12; i++) {
      const at = new Date(START + i * HOUR);
      const expiring = i % 3 === 2;
      const created = await store.createOpportunities(
        t.isv,
        {
          name: `${i % 2 ? 'bravo' : 'alpha'} ${i}`,
          description: null,
          productIds: [t.productIds[(i >> 1) % 2] as string],
          resellerIds: t.resellers.map((r) => r.resellerId),
          discount: { type: 'percentage', percent: 10 },
          durationType: expiring ? 'specific-duration' : 'no-set-duration',
          endDate: expiring ? '2026-01-20' : null,
        },
        at,
      );
      if (i % 4 === 0) {
        await store.deactivate(
          t.isv,
          created.map((o: Opportunity) => o.id),
          at,
        );
      }
    }
    inA = (await collectAll(store, t.isv, NOW, A)).map((o) => o.id);
  });

  it('fixture: filters A span four pages', () => {
    expect(inA).toHaveLength(10);
  });

  it('a cursor from filters A used with other filters is INVALID_CURSOR, saying why', async () => {
    const first = await list(A);
    const second = await list({ ...A, cursor: first.nextCursor as string });
    expect(ids(second)).toEqual(inA.slice(3, 6));
    const cursors = { next: first.nextCursor as string, prev: second.prevCursor as string };
    expect(cursors.prev).toBeTruthy();
    const others: Partial<ListOpportunities>[] = [
      {},
      { q: 'alpha' },
      { ...A, status: ['active'] },
      { ...A, q: 'alph' },
      { ...A, q: undefined },
      { ...A, productId: t.productIds[0] },
      { ...A, resellerId: t.resellers[0]?.resellerId },
      { ...A, createdFrom: new Date(START).toISOString() },
      { ...A, createdTo: NOW.toISOString() },
      { ...A, expiringWithinDays: 3650 },
    ];
    for (const filters of others) {
      for (const [which, cursor] of Object.entries(cursors)) {
        const label = `${which} ${JSON.stringify(filters)}`;
        const err = await failure({ ...filters, cursor });
        expect(err, label).toBeInstanceOf(DomainError);
        expect((err as DomainError).code, label).toBe('INVALID_CURSOR');
        expect((err as DomainError).message, label).toMatch(/issued for different filters/);
      }
    }
  });

  it('the same filters written differently accept the cursors and give the same pages', async () => {
    const first = await list(A);
    const second = await list({ ...A, cursor: first.nextCursor as string });
    const back = await list({ ...A, cursor: second.prevCursor as string });
    expect(ids(back)).toEqual(inA.slice(0, 3));
    const variants: Partial<ListOpportunities>[] = [
      { status: ['restricted', 'active'], q: 'alpha' },
      { status: ['active', 'restricted', 'active'], q: '  alpha ' },
      { ...A, productId: undefined, expiringWithinDays: undefined },
    ];
    for (const filters of variants) {
      const label = JSON.stringify(filters);
      // Same items, total and cursors: a variant's cursors are A's.
      expect(await list(filters), label).toEqual(first);
      expect(await list({ ...filters, cursor: first.nextCursor as string }), label).toEqual(second);
      expect(await list({ ...filters, cursor: second.prevCursor as string }), label).toEqual(back);
    }
  });

  it('a cursor keeps working when only the page size changes', async () => {
    const first = await list(A);
    const bigger = await list({ ...A, limit: 4, cursor: first.nextCursor as string });
    expect(ids(bigger)).toEqual(inA.slice(3, 7));
    const smaller = await list({ ...A, limit: 2, cursor: bigger.prevCursor as string });
    expect(ids(smaller)).toEqual(inA.slice(1, 3));
  });

  it('a cursor without a filters digest (issued before digests) is INVALID_CURSOR', async () => {
    const first = await list({});
    const body = cursorBody(first.nextCursor as string) as Record<string, unknown>;
    // Signed with the database's key: only the missing digest is wrong.
    const key = await loadCursorKey(ctx.db.orm);
    const encode = (b: unknown) => sealCursor(b, key);
    expect(body.h).toBe(filtersDigest({}));
    const { h: _, ...old } = body;
    const err = await failure({ cursor: encode(old) });
    expect((err as DomainError).code).toBe('INVALID_CURSOR');
    expect((err as DomainError).message).toMatch(/issued for different filters/);
    // Re-encoded with its digest, the same body is accepted: only the digest was missing.
    expect(ids(await list({ cursor: encode(body) }))).toEqual(
      ids(await list({ cursor: first.nextCursor as string })),
    );
  });
});
