import type { Opportunity } from '@resale-kit/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { appRouter } from '../../src/trpc/routers/_app.js';
import {
  type Api,
  describeEachDriver,
  isMutation,
  type Outcome,
  openApi,
  type Transport,
} from './harness.js';
import { type Role, T } from './tenants.js';

/**
 * The role x organization x procedure matrix: ISV A (admin, member, viewer), ISV B (admin),
 * the reseller ISV A's opportunity targets (admin, member, viewer), another reseller (admin),
 * and no key, against every procedure of the router, through both transports. The fixture is
 * ISV A's opportunity `opp` targeting reseller 1. A test below fails when a procedure of the
 * router has no row here, so a new procedure enters the matrix the day it is written.
 */
type Expect = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'VALIDATION_FAILED';

/** Who a matrix role is: its organization and its role there. */
interface Who {
  kind: 'isv' | 'reseller';
  org: 'A' | 'B' | 'r1' | 'r2';
  role: 'admin' | 'member' | 'viewer';
}
const WHO: Record<Exclude<Role, 'none'>, Who> = {
  isvA: { kind: 'isv', org: 'A', role: 'admin' },
  isvAMember: { kind: 'isv', org: 'A', role: 'member' },
  isvAViewer: { kind: 'isv', org: 'A', role: 'viewer' },
  isvB: { kind: 'isv', org: 'B', role: 'admin' },
  reseller1: { kind: 'reseller', org: 'r1', role: 'admin' },
  reseller1Member: { kind: 'reseller', org: 'r1', role: 'member' },
  reseller1Viewer: { kind: 'reseller', org: 'r1', role: 'viewer' },
  reseller2: { kind: 'reseller', org: 'r2', role: 'admin' },
};

interface Fixture {
  opp: Opportunity;
  /** A new active opportunity of ISV A targeting reseller 1. */
  fresh: () => Promise<Opportunity>;
  api: Api;
}
type Row = {
  path: string;
  input: (f: Fixture) => Promise<unknown> | unknown;
  /** The outcome for a signed-in caller; no key is always UNAUTHORIZED. */
  expect: (w: Who) => Expect;
};

const everyone = (): Expect => 'ok';
/** Only roles in `roles` of organizations of `kind` may; others get FORBIDDEN. */
const only =
  (kind: Who['kind'], roles: Who['role'][], then: (w: Who) => Expect = () => 'ok') =>
  (w: Who): Expect =>
    w.kind === kind && roles.includes(w.role) ? then(w) : 'FORBIDDEN';
const ALL_ROLES: Who['role'][] = ['admin', 'member', 'viewer'];
const WRITERS: Who['role'][] = ['admin', 'member'];
/** Records of ISV A / reseller 1: another organization's are NOT_FOUND. */
const ownA = (w: Who): Expect => (w.org === 'A' ? 'ok' : 'NOT_FOUND');
/** The organization's own users and keys: any admin may manage its own. */
const admins =
  (then: (w: Who) => Expect = () => 'ok') =>
  (w: Who): Expect =>
    w.role === 'admin' ? then(w) : 'FORBIDDEN';

/** A new member user of ISV A (a target that no other test depends on). */
const freshUserA = async ({ api }: Fixture) =>
  (
    await api.must<{ id: string }>('isvA', 'admin.users.create', {
      name: 'Matrix target',
      role: 'member',
    })
  ).id;
const freshKeyA = async ({ api }: Fixture) =>
  (await api.must<{ key: { id: string } }>('isvA', 'admin.apiKeys.create', { label: 'target' })).key
    .id;
const freshProductA = async ({ api }: Fixture) =>
  (await api.must<{ id: string }>('isvA', 'admin.products.create', { name: 'Matrix product' })).id;

const ROWS: Row[] = [
  { path: 'me', input: () => undefined, expect: everyone },
  { path: 'products.list', input: () => undefined, expect: everyone },
  { path: 'resellers.list', input: () => undefined, expect: everyone },
  { path: 'opportunities.list', input: () => ({}), expect: everyone },
  {
    path: 'opportunities.get',
    input: ({ opp }) => ({ id: opp.id }),
    expect: (w) => (w.org === 'A' || w.org === 'r1' ? 'ok' : 'NOT_FOUND'),
  },
  { path: 'opportunities.summary', input: () => undefined, expect: only('isv', ALL_ROLES) },
  {
    path: 'opportunities.create',
    input: () => ({
      name: 'Matrix create',
      productIds: [T.productA1],
      resellerIds: [T.reseller1],
      discount: { type: 'percentage', percent: 5 },
      durationType: 'no-set-duration',
    }),
    // ISV B may create, but not with ISV A's product: reported on the field, nothing created.
    expect: only('isv', WRITERS, (w) => (w.org === 'A' ? 'ok' : 'VALIDATION_FAILED')),
  },
  {
    path: 'opportunities.clone',
    input: ({ opp }) => ({ id: opp.id }),
    expect: only('isv', WRITERS, ownA),
  },
  {
    path: 'opportunities.deactivate',
    input: async ({ fresh }) => ({ ids: [(await fresh()).id] }),
    expect: only('isv', WRITERS),
  },
  {
    path: 'offers.create',
    input: ({ opp }) => ({
      opportunityId: opp.id,
      buyerAccountId: '210987654321',
      idempotencyKey: crypto.randomUUID(),
    }),
    expect: only('reseller', WRITERS, (w) => (w.org === 'r1' ? 'ok' : 'NOT_FOUND')),
  },
  // The admin router: products and partners (ISV), users, keys and audit (any organization).
  { path: 'admin.products.list', input: () => ({}), expect: only('isv', ALL_ROLES) },
  {
    path: 'admin.products.create',
    input: () => ({ name: 'Matrix new product' }),
    expect: only('isv', ['admin']),
  },
  {
    path: 'admin.products.rename',
    input: async (f) => ({ id: await freshProductA(f), name: 'Renamed' }),
    expect: only('isv', ['admin'], ownA),
  },
  {
    path: 'admin.products.archive',
    input: async (f) => ({ id: await freshProductA(f) }),
    expect: only('isv', ['admin'], ownA),
  },
  {
    path: 'admin.products.upsert',
    input: () => ({ externalId: 'prod-matrix', name: 'Synced' }),
    expect: only('isv', ['admin']),
  },
  { path: 'admin.partners.list', input: () => undefined, expect: only('isv', ALL_ROLES) },
  {
    path: 'admin.partners.link',
    input: () => ({ resellerId: T.reseller4 }),
    expect: only('isv', ['admin']),
  },
  {
    path: 'admin.partners.unlink',
    input: async ({ api }) => {
      // Linked to both ISVs first: each admin unlinks its own link.
      await api.must('isvA', 'admin.partners.link', { resellerId: T.reseller4 });
      await api.must('isvB', 'admin.partners.link', { resellerId: T.reseller4 });
      return { resellerId: T.reseller4 };
    },
    expect: only('isv', ['admin']),
  },
  {
    path: 'admin.partners.createInvitation',
    input: () => ({}),
    expect: only('isv', ['admin']),
  },
  {
    path: 'admin.partners.redeem',
    input: async ({ api }) => ({
      code: (await api.must<{ code: string }>('isvA', 'admin.partners.createInvitation', {})).code,
    }),
    expect: only('reseller', ['admin']),
  },
  { path: 'admin.users.list', input: () => undefined, expect: admins() },
  {
    path: 'admin.users.create',
    input: () => ({ name: 'Matrix user', role: 'viewer' }),
    expect: admins(),
  },
  {
    path: 'admin.users.changeRole',
    input: async (f) => ({ userId: await freshUserA(f), role: 'viewer' }),
    expect: admins(ownA),
  },
  {
    path: 'admin.users.remove',
    input: async (f) => ({ userId: await freshUserA(f) }),
    expect: admins(ownA),
  },
  { path: 'admin.apiKeys.list', input: () => undefined, expect: admins() },
  {
    path: 'admin.apiKeys.create',
    input: () => ({ label: 'matrix' }),
    expect: admins(),
  },
  {
    path: 'admin.apiKeys.revoke',
    input: async (f) => ({ id: await freshKeyA(f) }),
    expect: admins(ownA),
  },
  {
    path: 'admin.apiKeys.rotate',
    input: async (f) => ({ id: await freshKeyA(f) }),
    expect: admins(ownA),
  },
  { path: 'admin.audit', input: () => ({}), expect: admins() },
];

const ROLES: Role[] = [...(Object.keys(WHO) as Role[]), 'none'];
const TRANSPORTS: Transport[] = ['caller', 'http'];

describeEachDriver('role x tenant matrix', (driver) => {
  let api: Api;
  let opp: Opportunity;
  const fresh = async () => {
    const [o] = await api.must<Opportunity[]>('isvA', 'opportunities.create', {
      name: 'Matrix fresh',
      productIds: [T.productA2],
      resellerIds: [T.reseller1],
      discount: { type: 'percentage', percent: 3 },
      durationType: 'no-set-duration',
    });
    return o as Opportunity;
  };

  beforeAll(async () => {
    api = await openApi(driver);
    opp = await fresh();
  });
  afterAll(() => api?.close());

  const cases = TRANSPORTS.flatMap((transport) =>
    ROWS.flatMap((row) =>
      ROLES.map((role) => ({
        transport,
        role,
        row,
        expected: role === 'none' ? 'UNAUTHORIZED' : row.expect(WHO[role]),
      })),
    ),
  );

  test('every procedure of the router has a row', () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(ROWS.map((r) => r.path).sort()).toEqual(procedures);
  });

  test.each(cases)(
    '$transport: $row.path as $role -> $expected',
    async ({ transport, role, row, expected }) => {
      const input = await row.input({ opp, fresh, api });
      const out: Outcome = await api.call(transport, role, row.path, input);
      if (expected === 'ok') {
        expect(out, out.ok ? '' : `${out.domainCode}: ${out.message}`).toMatchObject({ ok: true });
      } else {
        expect(out).toMatchObject({ ok: false, domainCode: expected });
      }
    },
  );

  test("ISV B deactivating ISV A's opportunity changes nothing and reports NOT_FOUND", async () => {
    const mine = await fresh();
    const out = await api.call('http', 'isvB', 'opportunities.deactivate', { ids: [mine.id] });
    expect(out).toEqual({ ok: true, value: [{ id: mine.id, ok: false, reason: 'NOT_FOUND' }] });
    const after = await api.call('caller', 'isvA', 'opportunities.get', { id: mine.id });
    expect(after).toMatchObject({ ok: true, value: { opportunity: { status: 'active' } } });
  });

  test("lists never leak another tenant's rows", async () => {
    const b = await api.call('caller', 'isvB', 'opportunities.list', { limit: 100 });
    const r2 = await api.call('http', 'reseller2', 'opportunities.list', { limit: 100 });
    const r2products = await api.call('http', 'reseller2', 'products.list');
    expect(b).toMatchObject({ ok: true, value: { total: 0, items: [] } });
    expect(r2).toMatchObject({ ok: true, value: { total: 0, items: [] } });
    expect(r2products).toEqual({ ok: true, value: [] });
  });

  test('a viewer gets FORBIDDEN on every mutation, ISV and reseller alike', async () => {
    const mutations = ROWS.filter((r) => isMutation(r.path));
    expect(mutations.length).toBeGreaterThan(15);
    for (const role of ['isvAViewer', 'reseller1Viewer'] as const) {
      for (const row of mutations) {
        const out = await api.call('http', role, row.path, await row.input({ opp, fresh, api }));
        expect(out, `${row.path} as ${role}`).toMatchObject({ ok: false, domainCode: 'FORBIDDEN' });
      }
    }
  });

  test("an admin of ISV B cannot reach ISV A's users, keys or products by id", async () => {
    const f = { opp, fresh, api };
    const userId = await freshUserA(f);
    const keyId = await freshKeyA(f);
    const productId = await freshProductA(f);
    const key = await api.call('http', 'isvB', 'admin.apiKeys.create', { label: 'x', userId });
    expect(key).toMatchObject({ ok: false, issues: [{ field: 'userId', code: 'not_found' }] });
    for (const [path, input] of [
      ['admin.users.remove', { userId }],
      ['admin.users.changeRole', { userId, role: 'admin' }],
      ['admin.apiKeys.revoke', { id: keyId }],
      ['admin.products.archive', { id: productId }],
    ] as const) {
      expect(await api.call('http', 'isvB', path, input), path).toMatchObject({
        ok: false,
        domainCode: 'NOT_FOUND',
      });
    }
    // Nothing changed on ISV A's side.
    const keys = await api.must<{ id: string; revokedAt: string | null }[]>(
      'isvA',
      'admin.apiKeys.list',
    );
    expect(keys.find((k) => k.id === keyId)?.revokedAt).toBeNull();
    const users = await api.must<{ id: string; role: string }[]>('isvA', 'admin.users.list');
    expect(users.find((u) => u.id === userId)?.role).toBe('member');
  });

  test('the last admin of an organization can be neither demoted nor removed', async () => {
    // Reseller 2 has one user, its admin.
    const out1 = await api.call('http', 'reseller2', 'admin.users.changeRole', {
      userId: T.userReseller2,
      role: 'member',
    });
    expect(out1).toMatchObject({ ok: false, issues: [{ field: 'role', code: 'last_admin' }] });
    const out2 = await api.call('caller', 'reseller2', 'admin.users.remove', {
      userId: T.userReseller2,
    });
    expect(out2).toMatchObject({ ok: false, issues: [{ field: 'userId', code: 'last_admin' }] });
    expect(await api.call('http', 'reseller2', 'me')).toMatchObject({
      ok: true,
      value: { principal: { role: 'admin' } },
    });
    // With a second admin, the first may step down; then the second is the last one.
    const second = await api.must<{ id: string }>('reseller2', 'admin.users.create', {
      name: 'Second admin',
      role: 'admin',
    });
    expect(
      await api.call('http', 'reseller2', 'admin.users.changeRole', {
        userId: second.id,
        role: 'member',
      }),
    ).toMatchObject({ ok: true, value: { role: 'member' } });
    expect(
      await api.call('http', 'reseller2', 'admin.users.changeRole', {
        userId: T.userReseller2,
        role: 'viewer',
      }),
    ).toMatchObject({ ok: false, issues: [{ code: 'last_admin' }] });
  });

  test('a member manages neither users nor keys, even its own', async () => {
    for (const [path, input] of [
      ['admin.users.create', { name: 'x', role: 'admin' }],
      ['admin.users.changeRole', { userId: T.userIsvAMember, role: 'admin' }],
      ['admin.apiKeys.create', { label: 'mine' }],
      ['admin.apiKeys.list', undefined],
    ] as const) {
      expect(await api.call('http', 'isvAMember', path, input), path).toMatchObject({
        ok: false,
        domainCode: 'FORBIDDEN',
      });
    }
  });

  test.each(TRANSPORTS)('%s: a wrong key is UNAUTHORIZED everywhere', async (transport) => {
    for (const row of ROWS) {
      const out = await api.call(
        transport,
        { key: 'rk_not_a_real_key' },
        row.path,
        await row.input({ opp, fresh, api }),
      );
      expect(out, row.path).toMatchObject({
        ok: false,
        code: 'UNAUTHORIZED',
        domainCode: 'UNAUTHORIZED',
      });
    }
  });
});
