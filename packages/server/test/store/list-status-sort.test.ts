import {
  deriveStatus,
  isExpiringWithin,
  type Opportunity,
  type SortDirection,
  STATUSES,
  type Status,
} from '@resale-kit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor, filtersDigest, loadCursorKey } from '../../src/store/cursor.js';
import { createStore } from '../../src/store/index.js';
import { segmentsAfter, statusSortOrder } from '../../src/store/status-sort.js';
import type {
  ListOpportunities,
  OpportunityPage,
  ResellerPrincipal,
  Store,
} from '../../src/store/types.js';
import { collectAll } from '../support/collect.js';
import { describeEachDb } from '../support/db.js';
import { createTenant, type Tenant } from '../support/fixtures.js';

/**
 * Sort by status reads the statuses as segments (store/status-sort.ts). The oracle here is
 * core's deriveStatus on every row: the list sorted by status must be every row exactly once,
 * ordered by the status value then id (both in the sort's direction), page after page forward
 * and back, with the cursors present exactly where there is something on their side.
 */

const DAY = 86_400_000;
const NOW = new Date('2026-03-01T12:00:00.000Z');
/** 40 days on: rows ending within that window have gone from Active to Expired. */
const LATER = new Date(NOW.getTime() + 40 * DAY);
const LOW_ID = '00000000-0000-4000-8000-000000000000';
const HIGH_ID = 'ffffffff-ffff-4fff-bfff-ffffffffffff';

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The list's order, from core's rule: status value, then id, both in `direction`. */
function byStatus(rows: Opportunity[], now: Date, direction: SortDirection): Opportunity[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = rows.map((o) => ({ o, s: deriveStatus(o, now) }));
  keyed.sort((a, b) => {
    if (a.s !== b.s) return (a.s < b.s ? -1 : 1) * sign;
    return (a.o.id < b.o.id ? -1 : 1) * sign;
  });
  return keyed.map((k) => k.o);
}

/** Is (status, id) before (status', id') in the list's order? */
function before(a: [Status, string], b: [Status, string], direction: SortDirection): boolean {
  const lt = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const eq = a[0] === b[0] && a[1] === b[1];
  return direction === 'asc' ? lt : !lt && !eq;
}

describe('segmentsAfter', () => {
  it('orders the statuses by their text, reversed for desc', () => {
    expect(statusSortOrder('asc')).toEqual([...STATUSES].sort());
    expect(statusSortOrder('desc')).toEqual([...STATUSES].sort().reverse());
  });

  it("reads the position's segment from its id, the later ones whole, no earlier one", () => {
    const all = [...STATUSES];
    expect(segmentsAfter('asc', all, null)).toEqual(
      statusSortOrder('asc').map((status) => ({ status })),
    );
    expect(segmentsAfter('asc', all, { status: 'complete', id: LOW_ID, inclusive: false })).toEqual(
      [
        { status: 'complete', from: { id: LOW_ID, inclusive: false } },
        { status: 'expired' },
        { status: 'restricted' },
      ],
    );
    expect(segmentsAfter('desc', all, { status: 'complete', id: LOW_ID, inclusive: true })).toEqual(
      [{ status: 'complete', from: { id: LOW_ID, inclusive: true } }, { status: 'active' }],
    );
    // A filtered-out status keeps its place in the order but reads nothing.
    expect(
      segmentsAfter('asc', ['active', 'restricted'], {
        status: 'complete',
        id: LOW_ID,
        inclusive: false,
      }),
    ).toEqual([{ status: 'restricted' }]);
    expect(segmentsAfter('asc', [], null)).toEqual([]);
  });
});

describeEachDb('listOpportunities sorted by status', (ctx) => {
  let store: Store;
  let a: Tenant;
  let b: Tenant;
  /** Every row of a, and of b (which has no Complete row at all). */
  let rowsA: Opportunity[];
  let rowsB: Opportunity[];

  const list = (
    p: Tenant['isv'] | ResellerPrincipal,
    input: Partial<ListOpportunities>,
    now = NOW,
  ) =>
    store.listOpportunities(
      p,
      { sort: { field: 'status', direction: 'asc' }, limit: 5, ...input },
      now,
    );

  /**
   * Tenant rows by kind (i % 6, with product i % 3, so a product filter leaves some statuses
   * empty): 0 no end (Active), 1 ended before NOW (Expired), 2 single use, used (Complete),
   * 3 ends 0-50 days after NOW (Active, some Expired at LATER), 4 single use, unused (Active),
   * 5 deactivated (Restricted). `complete: false` turns kind 2 into an unused single use.
   */
  async function load(t: Tenant, count: number, complete: boolean) {
    const start = NOW.getTime() - 90 * DAY;
    for (let i = 0; i < count; i++) {
      const at = new Date(start + i * 3_600_000);
      const kind = i % 6;
      const durationType =
        kind === 2 || kind === 4
          ? 'single-use'
          : kind === 1 || kind === 3
            ? 'specific-duration'
            : 'no-set-duration';
      const endDate =
        kind === 1
          ? day(NOW.getTime() - (1 + (i % 30)) * DAY)
          : kind === 3
            ? day(NOW.getTime() + ((i * 7) % 51) * DAY)
            : null;
      const created = await store.createOpportunities(
        t.isv,
        {
          name: `opportunity ${i}`,
          description: null,
          productIds: [t.productIds[i % 3] as string],
          resellerIds: t.resellers.slice(0, 1 + (i % 2)).map((r) => r.resellerId),
          discount: { type: 'percentage', percent: 10 },
          durationType,
          endDate,
        },
        at,
      );
      for (const o of created) {
        if (kind === 2 && complete) {
          const reseller = t.resellers.find((r) => r.resellerId === o.resellerId);
          await store.createOffer(
            reseller as ResellerPrincipal,
            { opportunityId: o.id, buyerAccountId: '123412341234', idempotencyKey: o.id },
            new Date(at.getTime() + 60_000),
          );
        }
        if (kind === 5) await store.deactivate(t.isv, [o.id], new Date(at.getTime() + 60_000));
      }
    }
  }

  beforeAll(async () => {
    store = createStore(ctx.db);
    a = await createTenant(ctx.db, { productCount: 3, resellerCount: 2 });
    b = await createTenant(ctx.db, { productCount: 3, resellerCount: 2 });
    await load(a, 30, true);
    await load(b, 12, false);
    rowsA = await collectAll(store, a.isv, NOW);
    rowsB = await collectAll(store, b.isv, NOW);
  }, 120_000);

  it('fixture: every status in a, none Complete in b, and the clock moves rows', () => {
    const count = (rows: Opportunity[], now: Date, s: Status) =>
      rows.filter((o) => deriveStatus(o, now) === s).length;
    for (const s of STATUSES) expect(count(rowsA, NOW, s), s).toBeGreaterThan(1);
    expect(count(rowsB, NOW, 'complete')).toBe(0);
    expect(count(rowsA, LATER, 'expired')).toBeGreaterThan(count(rowsA, NOW, 'expired'));
  });

  /** Pages forward to the end, then back to the start; checks the order and every cursor. */
  async function pageThrough(
    p: Tenant['isv'] | ResellerPrincipal,
    input: Partial<ListOpportunities>,
    now: Date,
    expected: Opportunity[],
    label: string,
  ) {
    const pages: OpportunityPage[] = [];
    let page = await list(p, input, now);
    pages.push(page);
    while (page.nextCursor) {
      page = await list(p, { ...input, cursor: page.nextCursor }, now);
      pages.push(page);
      expect(pages.length, label).toBeLessThan(100);
    }
    const ids = pages.flatMap((pg) => pg.items.map((o) => o.id));
    expect(ids, label).toEqual(expected.map((o) => o.id));
    for (const o of pages.flatMap((pg) => pg.items)) {
      expect(o.status, label).toBe(deriveStatus(o, now));
    }
    pages.forEach((pg, i) => {
      expect(pg.prevCursor === null, `${label}: page ${i} prev`).toBe(i === 0);
      expect(pg.nextCursor === null, `${label}: page ${i} next`).toBe(i === pages.length - 1);
    });
    // Back from the last page: the same pages, and each one's next cursor leads forward again.
    let i = pages.length - 1;
    let back = pages[i] as OpportunityPage;
    while (back.prevCursor) {
      back = await list(p, { ...input, cursor: back.prevCursor }, now);
      i -= 1;
      const same = pages[i] as OpportunityPage;
      expect(
        back.items.map((o) => o.id),
        `${label}: back to page ${i}`,
      ).toEqual(same.items.map((o) => o.id));
      expect(back.prevCursor === null, `${label}: back page ${i} prev`).toBe(i === 0);
      expect(back.nextCursor, `${label}: back page ${i} next`).not.toBeNull();
      const again = await list(p, { ...input, cursor: back.nextCursor as string }, now);
      expect(
        again.items.map((o) => o.id),
        `${label}: forward from back page ${i}`,
      ).toEqual((pages[i + 1] as OpportunityPage).items.map((o) => o.id));
    }
    expect(i, `${label}: back to the first page`).toBe(0);
    return pages;
  }

  it('pages through every row in order, asc and desc, forward then back', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      for (const limit of [4, 7]) {
        for (const now of [NOW, LATER]) {
          const label = `a ${direction} limit ${limit} at ${now.toISOString()}`;
          const pages = await pageThrough(
            a.isv,
            { sort: { field: 'status', direction }, limit },
            now,
            byStatus(rowsA, now, direction),
            label,
          );
          expect(pages[0]?.total, label).toBe(rowsA.length);
        }
      }
    }
  });

  it('pages in a tenant with a status that has no rows, and a page size of 1', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      await pageThrough(
        b.isv,
        { sort: { field: 'status', direction }, limit: 1 },
        NOW,
        byStatus(rowsB, NOW, direction),
        `b ${direction}`,
      );
      const none = await list(b.isv, {
        sort: { field: 'status', direction },
        status: ['complete'],
      });
      expect(none).toEqual({ items: [], nextCursor: null, prevCursor: null, total: 0 });
    }
  });

  it('combines with every filter, and with a reseller principal', async () => {
    const reseller = a.resellers[1] as ResellerPrincipal;
    const cases: [string, Partial<ListOpportunities>, (o: Opportunity) => boolean][] = [
      [
        'status expired, restricted',
        { status: ['expired', 'restricted'] },
        (o) => ['expired', 'restricted'].includes(o.status),
      ],
      ['status complete', { status: ['complete'] }, (o) => o.status === 'complete'],
      // Product 0 holds only kinds 0 and 3: the other segments are empty.
      ['product 0', { productId: a.productIds[0] }, (o) => o.productId === a.productIds[0]],
      ['product 1', { productId: a.productIds[1] }, (o) => o.productId === a.productIds[1]],
      [
        'reseller 1 + status',
        { resellerId: reseller.resellerId, status: ['active', 'complete'] },
        (o) => o.resellerId === reseller.resellerId && ['active', 'complete'].includes(o.status),
      ],
      ['text', { q: 'opportunity 1' }, (o) => o.name.includes('opportunity 1')],
      [
        'created range',
        {
          createdFrom: new Date(NOW.getTime() - 90 * DAY + 5 * 3_600_000).toISOString(),
          createdTo: new Date(NOW.getTime() - 90 * DAY + 20 * 3_600_000).toISOString(),
        },
        (o) =>
          o.createdAt >= new Date(NOW.getTime() - 90 * DAY + 5 * 3_600_000).toISOString() &&
          o.createdAt <= new Date(NOW.getTime() - 90 * DAY + 20 * 3_600_000).toISOString(),
      ],
      ['expiring in 30 days', { expiringWithinDays: 30 }, (o) => isExpiringWithin(o, NOW, 30)],
      ['expiring, status expired', { expiringWithinDays: 30, status: ['expired'] }, () => false],
    ];
    for (const direction of ['asc', 'desc'] as const) {
      for (const [name, filter, keep] of cases) {
        const label = `${name} ${direction}`;
        const expected = byStatus(rowsA.filter(keep), NOW, direction);
        const pages = await pageThrough(
          a.isv,
          { ...filter, sort: { field: 'status', direction }, limit: 3 },
          NOW,
          expected,
          label,
        );
        expect(pages[0]?.total, label).toBe(expected.length);
      }
      const mine = rowsA.filter((o) => o.resellerId === reseller.resellerId);
      await pageThrough(
        reseller,
        { sort: { field: 'status', direction }, limit: 4 },
        NOW,
        byStatus(mine, NOW, direction),
        `reseller ${direction}`,
      );
    }
  });

  it('a cursor at any position, in a filled or an empty segment, pages from there', async () => {
    const limit = 4;
    const cursorKey = await loadCursorKey(ctx.db.orm);
    for (const [rows, t] of [
      [rowsA, a],
      [rowsB, b],
    ] as const) {
      const positions: [Status, string][] = [
        ...STATUSES.flatMap((s): [Status, string][] => [
          [s, LOW_ID],
          [s, HIGH_ID],
        ]),
        ...rows.filter((_, i) => i % 5 === 0).map((o): [Status, string] => [o.status, o.id]),
      ];
      for (const direction of ['asc', 'desc'] as const) {
        const order = byStatus(rows, NOW, direction).map((o): [Status, string] => [o.status, o.id]);
        for (const pos of positions) {
          const label = `${direction} ${pos.join(' ')}`;
          const after = order.filter((r) => before(pos, r, direction));
          const notAfter = order.filter((r) => !before(pos, r, direction));
          const upTo = order.filter((r) => before(r, pos, direction));
          const notBefore = order.filter((r) => !before(r, pos, direction));
          const cursor = (dir: 'next' | 'prev') =>
            encodeCursor(
              {
                dir,
                field: 'status',
                direction,
                filters: filtersDigest({}),
                key: pos[0],
                id: pos[1],
              },
              cursorKey,
            );
          const sort = { field: 'status' as const, direction };

          const next = await list(t.isv, { sort, limit, cursor: cursor('next') });
          expect(
            next.items.map((o) => o.id),
            label,
          ).toEqual(after.slice(0, limit).map((r) => r[1]));
          expect(next.nextCursor !== null, `${label} next.next`).toBe(after.length > limit);
          expect(next.prevCursor !== null, `${label} next.prev`).toBe(
            after.length > 0 && notAfter.length > 0,
          );

          const prev = await list(t.isv, { sort, limit, cursor: cursor('prev') });
          expect(
            prev.items.map((o) => o.id),
            label,
          ).toEqual(upTo.slice(-limit).map((r) => r[1]));
          expect(prev.prevCursor !== null, `${label} prev.prev`).toBe(upTo.length > limit);
          expect(prev.nextCursor !== null, `${label} prev.next`).toBe(
            upTo.length > 0 && notBefore.length > 0,
          );
        }
      }
    }
  });
});
