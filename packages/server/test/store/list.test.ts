import {
  DomainError,
  deriveStatus,
  isExpiringWithin,
  MAX_CURSOR_LENGTH,
  type Opportunity,
  SORT_FIELDS,
  type SortField,
  STATUSES,
} from '@resale-kit/core';
import { beforeAll, expect, it } from 'vitest';
import { cursorBody, filtersDigest, loadCursorKey, sealCursor } from '../../src/store/cursor.js';
import { createStore } from '../../src/store/index.js';
import type { ListOpportunities, ResellerPrincipal, Store } from '../../src/store/types.js';
import { collectAll } from '../support/collect.js';
import { describeEachDb } from '../support/db.js';
import { createTenant, type Tenant } from '../support/fixtures.js';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T10:00:00.000Z');
const NOW = new Date('2026-03-01T12:00:00.000Z');
// Lower-case letters only: every collation orders these like JavaScript does.
const NAMES = ['delta', 'alpha', 'charlie', 'bravo', 'alpha', 'echo', 'foxtrot', 'golf'];

function keyOf(o: Opportunity, field: SortField): string | number {
  if (field === 'discount') return o.discount.percent;
  // No end date sorts after every date (the server's 'infinity').
  if (field === 'endDate') return o.endDate ?? '~';
  return o[field];
}

function sorted(items: Opportunity[], field: SortField, dir: 'asc' | 'desc'): Opportunity[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...items].sort((a, b) => {
    const ka = keyOf(a, field);
    const kb = keyOf(b, field);
    if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
    return (a.id < b.id ? -1 : 1) * sign;
  });
}

describeEachDb('listOpportunities', (ctx) => {
  let store: Store;
  let t: Tenant;
  let other: Tenant;
  let all: Opportunity[];
  const list = (
    input: Partial<ListOpportunities>,
    p = t.isv as Tenant['isv'] | ResellerPrincipal,
  ) =>
    store.listOpportunities(
      p,
      { sort: { field: 'createdAt', direction: 'desc' }, limit: 20, ...input },
      NOW,
    );

  beforeAll(async () => {
    store = createStore(ctx.db);
    t = await createTenant(ctx.db, { productCount: 3, resellerCount: 3 });
    other = await createTenant(ctx.db, { productCount: 1, resellerCount: 1 });
    // 24 creates x (1 product x 1-2 resellers), at different instants, then uses and deactivations.
    for (let i = 0; i < 24; i++) {
      const at = new Date(START + i * 2 * DAY + (i % 5) * 3_600_000);
      const durationType =
        (['single-use', 'specific-duration', 'no-set-duration'] as const)[i % 3] ?? 'single-use';
      const endDate =
        durationType === 'no-set-duration'
          ? null
          : new Date(at.getTime() + (5 + ((i * 13) % 70)) * DAY).toISOString().slice(0, 10);
      const created = await store.createOpportunities(
        t.isv,
        {
          name: `${NAMES[i % NAMES.length]}${i % 7 === 0 ? '%' : ''}`,
          description: null,
          productIds: [t.productIds[i % 3] as string],
          resellerIds: t.resellers.slice(0, 1 + (i % 2)).map((r) => r.resellerId),
          discount: { type: 'percentage', percent: [5, 12.5, 20, 5][i % 4] as number },
          durationType,
          endDate: durationType === 'single-use' && i % 2 ? null : endDate,
        },
        at,
      );
      for (const [n, o] of created.entries()) {
        const reseller = t.resellers.find(
          (r) => r.resellerId === o.resellerId,
        ) as ResellerPrincipal;
        for (let u = 0; u < (i + n) % 4; u++) {
          await store
            .createOffer(
              reseller,
              {
                opportunityId: o.id,
                buyerAccountId: '123412341234',
                idempotencyKey: `${o.id}:${u}`,
              },
              at,
            )
            .catch((e) => {
              if (!(e instanceof DomainError)) throw e;
            });
        }
        if ((i + n) % 6 === 5) await store.deactivate(t.isv, [o.id], new Date(at.getTime() + DAY));
      }
    }
    await store.createOpportunities(
      other.isv,
      {
        name: 'alpha',
        description: null,
        productIds: other.productIds,
        resellerIds: [other.resellers[0]?.resellerId as string],
        discount: { type: 'percentage', percent: 5 },
        durationType: 'no-set-duration',
        endDate: null,
      },
      NOW,
    );
    all = await collectAll(store, t.isv, NOW);
  });

  it('fixture covers every status', () => {
    expect(all.length).toBeGreaterThan(30);
    for (const s of STATUSES) expect(all.some((o) => o.status === s)).toBe(true);
    for (const o of all) expect(o.status).toBe(deriveStatus(o, NOW));
  });

  it('sorts by every column both ways, id breaking ties, and pages forward and back', async () => {
    for (const field of SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        const expected = sorted(all, field, direction).map((o) => o.id);
        const sort = { field, direction };
        const pages: string[][] = [];
        const first = await list({ sort, limit: 7 });
        expect(first.prevCursor).toBeNull();
        expect(first.total).toBe(all.length);
        let page = first;
        pages.push(page.items.map((o) => o.id));
        const nexts: string[] = [];
        while (page.nextCursor) {
          nexts.push(page.nextCursor);
          page = await list({ sort, limit: 7, cursor: page.nextCursor });
          pages.push(page.items.map((o) => o.id));
        }
        expect(pages.flat(), `${field} ${direction}`).toEqual(expected);
        // Back from the last page with prev cursors: the same pages in reverse.
        const back: string[][] = [pages[pages.length - 1] as string[]];
        while (page.prevCursor) {
          page = await list({ sort, limit: 7, cursor: page.prevCursor });
          back.unshift(page.items.map((o) => o.id));
        }
        expect(back).toEqual(pages);
      }
    }
  });

  it('filters by status, product, reseller, text, creation range and expiring window', async () => {
    const cases: [Partial<ListOpportunities>, (o: Opportunity) => boolean][] = [
      [{ status: ['active'] }, (o) => o.status === 'active'],
      [
        { status: ['expired', 'complete'] },
        (o) => o.status === 'expired' || o.status === 'complete',
      ],
      [{ status: ['restricted'] }, (o) => o.status === 'restricted'],
      [{ status: [...STATUSES] }, () => true],
      [{ productId: t.productIds[1] }, (o) => o.productId === t.productIds[1]],
      [
        { resellerId: t.resellers[1]?.resellerId, status: ['active'] },
        (o) => o.resellerId === t.resellers[1]?.resellerId && o.status === 'active',
      ],
      [{ q: 'ALP' }, (o) => o.name.includes('alp')],
      [{ q: '%' }, (o) => o.name.includes('%')],
      [{ q: '_' }, () => false],
      [
        { q: all[3]?.id.slice(0, 6) },
        (o) =>
          o.id.startsWith(all[3]?.id.slice(0, 6) as string) ||
          o.name.includes(all[3]?.id.slice(0, 6) as string),
      ],
      [
        {
          createdFrom: new Date(START + 10 * DAY).toISOString(),
          createdTo: new Date(START + 20 * DAY).toISOString(),
        },
        (o) =>
          o.createdAt >= new Date(START + 10 * DAY).toISOString() &&
          o.createdAt <= new Date(START + 20 * DAY).toISOString(),
      ],
      [{ expiringWithinDays: 30 }, (o) => isExpiringWithin(o, NOW, 30)],
      [{ expiringWithinDays: 0 }, (o) => isExpiringWithin(o, NOW, 0)],
    ];
    for (const [filter, predicate] of cases) {
      const expected = all
        .filter(predicate)
        .map((o) => o.id)
        .sort();
      const got = await collectAll(store, t.isv, NOW, filter);
      expect(got.map((o) => o.id).sort(), JSON.stringify(filter)).toEqual(expected);
      expect((await list({ ...filter, limit: 5 })).total, JSON.stringify(filter)).toBe(
        expected.length,
      );
    }
    expect(all.some((o) => isExpiringWithin(o, NOW, 30))).toBe(true);
  });

  it('a reseller sees only what targets it; other tenants see nothing of it', async () => {
    const r = t.resellers[2] as ResellerPrincipal;
    const mine = await collectAll(store, r, NOW);
    expect(mine.map((o) => o.id).sort()).toEqual(
      all
        .filter((o) => o.resellerId === r.resellerId)
        .map((o) => o.id)
        .sort(),
    );
    expect((await list({}, r)).total).toBe(mine.length);
    const theirs = await collectAll(store, other.isv, NOW);
    expect(theirs).toHaveLength(1);
    expect(
      (await collectAll(store, other.resellers[0] as ResellerPrincipal, NOW)).every(
        (o) => o.isvId === other.isv.isvId,
      ),
    ).toBe(true);
    const first = all[0] as Opportunity;
    expect(await store.getOpportunity(other.isv, first.id, NOW)).toBeNull();
    expect(
      await store.getOpportunity(other.resellers[0] as ResellerPrincipal, first.id, NOW),
    ).toBeNull();
    expect(await store.getOpportunity(t.isv, 'not-a-uuid', NOW)).toBeNull();
  });

  it('forged, garbled or mismatched cursors are INVALID_CURSOR', async () => {
    const page = await list({ limit: 3 });
    const good = page.nextCursor as string;
    const forged = (body: unknown) => Buffer.from(JSON.stringify(body)).toString('base64url');
    const bad = [
      'not a cursor!',
      'AAAA',
      good.slice(0, -3),
      forged({
        d: 'n',
        f: 'createdAt',
        o: 'desc',
        k: "'; drop table opportunities; --",
        i: all[0]?.id,
      }),
      forged({ d: 'n', f: 'createdAt', o: 'desc', k: '2026-01-01T00:00:00Z', i: 'nope' }),
      forged({ d: 'x', f: 'createdAt', o: 'desc', k: '2026-01-01T00:00:00Z', i: all[0]?.id }),
      forged([1, 2, 3]),
      forged(null),
    ];
    for (const cursor of bad) {
      const err = await list({ cursor }).catch((e: unknown) => e);
      expect(err, cursor).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('INVALID_CURSOR');
    }
    const otherSort = await list({
      cursor: good,
      sort: { field: 'name', direction: 'desc' },
    }).catch((e: unknown) => e);
    expect((otherSort as DomainError).code).toBe('INVALID_CURSOR');
    const timesUsedKey = forged({ d: 'n', f: 'timesUsed', o: 'asc', k: 'abc', i: all[0]?.id });
    const typed = await list({
      cursor: timesUsedKey,
      sort: { field: 'timesUsed', direction: 'asc' },
    }).catch((e: unknown) => e);
    expect((typed as DomainError).code).toBe('INVALID_CURSOR');
  });

  it('a cursor decoded, edited and re-encoded is INVALID_CURSOR (cursors are signed)', async () => {
    const page = await list({ limit: 3 });
    const good = page.nextCursor as string;
    const [payload, mac] = good.split('.');
    const body = cursorBody(good) as Record<string, unknown>;
    // Skip ahead by editing the id: the payload changes, the signature does not match.
    const edited = Buffer.from(JSON.stringify({ ...body, i: all[5]?.id })).toString('base64url');
    for (const cursor of [
      `${edited}.${mac}`,
      payload as string,
      `${payload}.`,
      `${payload}.${'A'.repeat(22)}`,
    ]) {
      const err = await list({ cursor }).catch((e: unknown) => e);
      expect((err as DomainError).code, cursor).toBe('INVALID_CURSOR');
    }
    // Signed by another database's key: refused the same way.
    const foreign = sealCursor(body, Buffer.alloc(32, 7));
    expect(((await list({ cursor: foreign }).catch((e: unknown) => e)) as DomainError).code).toBe(
      'INVALID_CURSOR',
    );
    // Longer than MAX_CURSOR_LENGTH: INVALID_CURSOR, not a validation failure.
    const long = (await list({ cursor: `${good}${'A'.repeat(MAX_CURSOR_LENGTH)}` }).catch(
      (e: unknown) => e,
    )) as DomainError;
    expect(long.code).toBe('INVALID_CURSOR');
    expect(long.message).toMatch(/longer than 1024/);
  });

  it('a signed cursor whose key Postgres would refuse is INVALID_CURSOR, never a 500', async () => {
    const key = await loadCursorKey(ctx.db.orm);
    const id = all[0]?.id;
    const h = filtersDigest({});
    const cases: [Record<string, unknown>, ListOpportunities['sort'] | undefined][] = [
      [{ d: 'n', f: 'createdAt', o: 'desc', h, k: '0000-01-01T00:00:00Z', i: id }, undefined],
      [
        { d: 'n', f: 'name', o: 'asc', h, k: 'a\u0000b', i: id },
        { field: 'name', direction: 'asc' },
      ],
      [
        { d: 'n', f: 'name', o: 'asc', h, k: 'x\uD800', i: id },
        { field: 'name', direction: 'asc' },
      ],
      [
        { d: 'n', f: 'timesUsed', o: 'asc', h, k: 1e300, i: id },
        { field: 'timesUsed', direction: 'asc' },
      ],
    ];
    for (const [body, sort] of cases) {
      const err = await list({ cursor: sealCursor(body, key), ...(sort ? { sort } : {}) }).catch(
        (e: unknown) => e,
      );
      expect(err, JSON.stringify(body)).toBeInstanceOf(DomainError);
      expect((err as DomainError).code, JSON.stringify(body)).toBe('INVALID_CURSOR');
    }
  });
});
