import type { Opportunity } from '@resale-kit/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Api, describeEachDriver, type Outcome, openApi, type Transport } from './harness.js';
import { type Role, T } from './tenants.js';

/**
 * The role x tenant matrix: ISV A, ISV B, the reseller ISV A's opportunity targets, another
 * reseller, and no key, against every procedure, through both transports. The fixture is ISV
 * A's opportunity `opp` targeting reseller 1.
 */
type Expect = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'VALIDATION_FAILED';
type Row = {
  path: string;
  input: (opp: Opportunity, fresh: () => Promise<Opportunity>) => Promise<unknown> | unknown;
  expect: Record<Role, Expect>;
};

const everyone = (e: Expect): Record<Role, Expect> => ({
  isvA: e,
  isvB: e,
  reseller1: e,
  reseller2: e,
  none: 'UNAUTHORIZED',
});

const ROWS: Row[] = [
  { path: 'me', input: () => undefined, expect: everyone('ok') },
  { path: 'products.list', input: () => undefined, expect: everyone('ok') },
  { path: 'resellers.list', input: () => undefined, expect: everyone('ok') },
  { path: 'opportunities.list', input: () => ({}), expect: everyone('ok') },
  {
    path: 'opportunities.get',
    input: (opp) => ({ id: opp.id }),
    expect: {
      isvA: 'ok',
      isvB: 'NOT_FOUND',
      reseller1: 'ok',
      reseller2: 'NOT_FOUND',
      none: 'UNAUTHORIZED',
    },
  },
  {
    path: 'opportunities.summary',
    input: () => undefined,
    expect: {
      isvA: 'ok',
      isvB: 'ok',
      reseller1: 'FORBIDDEN',
      reseller2: 'FORBIDDEN',
      none: 'UNAUTHORIZED',
    },
  },
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
    expect: {
      isvA: 'ok',
      isvB: 'VALIDATION_FAILED',
      reseller1: 'FORBIDDEN',
      reseller2: 'FORBIDDEN',
      none: 'UNAUTHORIZED',
    },
  },
  {
    path: 'opportunities.clone',
    input: (opp) => ({ id: opp.id }),
    expect: {
      isvA: 'ok',
      isvB: 'NOT_FOUND',
      reseller1: 'FORBIDDEN',
      reseller2: 'FORBIDDEN',
      none: 'UNAUTHORIZED',
    },
  },
  {
    path: 'opportunities.deactivate',
    input: async (_opp, fresh) => ({ ids: [(await fresh()).id] }),
    expect: {
      isvA: 'ok',
      isvB: 'ok',
      reseller1: 'FORBIDDEN',
      reseller2: 'FORBIDDEN',
      none: 'UNAUTHORIZED',
    },
  },
  {
    path: 'offers.create',
    input: (opp) => ({
      opportunityId: opp.id,
      buyerAccountId: '210987654321',
      idempotencyKey: crypto.randomUUID(),
    }),
    expect: {
      isvA: 'FORBIDDEN',
      isvB: 'FORBIDDEN',
      reseller1: 'ok',
      reseller2: 'NOT_FOUND',
      none: 'UNAUTHORIZED',
    },
  },
];

const ROLES: Role[] = ['isvA', 'isvB', 'reseller1', 'reseller2', 'none'];
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
      ROLES.map((role) => ({ transport, role, row, expected: row.expect[role] })),
    ),
  );

  test.each(cases)(
    '$transport: $row.path as $role -> $expected',
    async ({ transport, role, row, expected }) => {
      const input = await row.input(opp, fresh);
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

  test.each(TRANSPORTS)('%s: a wrong key is UNAUTHORIZED everywhere', async (transport) => {
    for (const row of ROWS) {
      const out = await api.call(
        transport,
        { key: 'rk_not_a_real_key' },
        row.path,
        await row.input(opp, fresh),
      );
      expect(out, row.path).toMatchObject({
        ok: false,
        code: 'UNAUTHORIZED',
        domainCode: 'UNAUTHORIZED',
      });
    }
  });
});
