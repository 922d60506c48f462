import type { Opportunity } from '@resale-kit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Api, describeEachDriver, openApi } from './harness.js';
import { T } from './tenants.js';

const good = {
  name: 'Valid',
  productIds: [T.productA1],
  resellerIds: [T.reseller1],
  discount: { type: 'percentage', percent: 10 },
  durationType: 'specific-duration',
  endDate: '2026-06-30',
};

describeEachDriver('validation', (driver) => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi(driver);
  });
  afterAll(() => api?.close());

  const countA = async () => {
    const out = await api.call('caller', 'isvA', 'opportunities.list', { limit: 1 });
    if (!out.ok) throw new Error(out.message);
    return (out.value as { total: number }).total;
  };

  describe.each(['caller', 'http'] as const)('through %s', (t) => {
    test('each bad field of a create gets its own message, and nothing is written', async () => {
      const before = await countA();
      const out = await api.call(t, 'isvA', 'opportunities.create', {
        name: '   ',
        description: 'x'.repeat(256),
        productIds: [T.productA1, 'not-a-uuid'],
        resellerIds: [],
        discount: { type: 'percentage', percent: 100.5 },
        durationType: 'specific-duration',
        endDate: '2026-03-09', // yesterday by the test clock
      });
      expect(out).toMatchObject({
        ok: false,
        code: 'BAD_REQUEST',
        domainCode: 'VALIDATION_FAILED',
      });
      if (out.ok) return;
      expect(out.issues).toEqual([
        { field: 'name', code: 'required' },
        { field: 'description', code: 'too_long', params: { maximum: 255 } },
        { field: 'productIds.1', code: 'invalid_format', params: { format: 'uuid' } },
        { field: 'resellerIds', code: 'too_few', params: { minimum: 1 } },
        { field: 'discount.percent', code: 'too_big', params: { maximum: 100, inclusive: 1 } },
        { field: 'endDate', code: 'date_in_past', params: { today: '2026-03-10' } },
      ]);
      expect(out.fieldErrors).toEqual({
        name: ['name is required'],
        description: ['description must be at most 255 characters'],
        'productIds.1': ['productIds.1 is not a valid UUID'],
        resellerIds: ['resellerIds must name at least 1'],
        'discount.percent': ['discount.percent must be at most 100'],
        endDate: ['endDate must not be in the past (today is 2026-03-10 UTC)'],
      });
      expect(out.message).toContain('Invalid input: name is required;');
      expect(await countA()).toBe(before);
    });

    test('the end date rule follows the context clock and the duration type', async () => {
      const required = await api.call(t, 'isvA', 'opportunities.create', {
        ...good,
        endDate: undefined,
      });
      expect(required).toMatchObject({
        ok: false,
        fieldErrors: { endDate: ['endDate is required for a specific time duration'] },
      });
      const forbidden = await api.call(t, 'isvA', 'opportunities.create', {
        ...good,
        durationType: 'no-set-duration',
      });
      expect(forbidden).toMatchObject({
        ok: false,
        fieldErrors: { endDate: ['endDate must be empty for no set time duration'] },
      });
      const today = await api.call(t, 'isvA', 'opportunities.create', {
        ...good,
        endDate: '2026-03-10',
      });
      expect(today).toMatchObject({ ok: true });
    });

    test('a create with one bad pair (a product of another ISV) creates nothing', async () => {
      const before = await countA();
      const out = await api.call(t, 'isvA', 'opportunities.create', {
        ...good,
        productIds: [T.productA1, T.productB1],
        resellerIds: [T.reseller1, T.reseller2],
      });
      expect(out).toMatchObject({
        ok: false,
        code: 'BAD_REQUEST',
        domainCode: 'VALIDATION_FAILED',
      });
      if (!out.ok) expect(Object.keys(out.fieldErrors ?? {})).toEqual(['productIds.1']);
      expect(await countA()).toBe(before);
    });

    test('a reseller ISV A does not work with is named on its field', async () => {
      const out = await api.call(t, 'isvA', 'opportunities.create', {
        ...good,
        resellerIds: [T.reseller1, T.reseller3],
      });
      expect(out).toMatchObject({ ok: false, domainCode: 'VALIDATION_FAILED' });
      if (!out.ok) expect(Object.keys(out.fieldErrors ?? {})).toEqual(['resellerIds.1']);
    });

    test('clone: an end date already past must be replaced', async () => {
      const [source] = (await api.must<Opportunity[]>('isvA', 'opportunities.create', {
        ...good,
        endDate: '2026-03-10',
      })) as [Opportunity];
      // Two days later the source is Expired: cloning it as is would copy a past end date.
      const later = new Date('2026-03-12T00:00:00Z');
      const keep = await api.callAt(later, 'isvA', 'opportunities.clone', { id: source.id });
      expect(keep).toMatchObject({
        ok: false,
        domainCode: 'VALIDATION_FAILED',
        fieldErrors: { endDate: [expect.stringContaining('must not be in the past')] },
      });
      const past = await api.call(t, 'isvA', 'opportunities.clone', {
        id: source.id,
        endDate: '2026-03-01',
      });
      expect(past).toMatchObject({ ok: false, fieldErrors: { endDate: [expect.any(String)] } });
      const renewed = await api.callAt(later, 'isvA', 'opportunities.clone', {
        id: source.id,
        endDate: '2026-09-30',
      });
      expect(renewed).toMatchObject({
        ok: true,
        value: { endDate: '2026-09-30', clonedFromId: source.id, status: 'active' },
      });
    });

    test('list, get, deactivate and offers reject bad input field by field', async () => {
      const list = await api.call(t, 'isvA', 'opportunities.list', {
        limit: 0,
        sort: { field: 'nope', direction: 'up' },
        expiringWithinDays: -1,
      });
      expect(list).toMatchObject({
        ok: false,
        code: 'BAD_REQUEST',
        domainCode: 'VALIDATION_FAILED',
      });
      if (!list.ok) {
        expect(Object.keys(list.fieldErrors ?? {}).sort()).toEqual(
          ['expiringWithinDays', 'limit', 'sort.direction', 'sort.field'].sort(),
        );
      }
      const get = await api.call(t, 'isvA', 'opportunities.get', { id: 'abc' });
      expect(get).toMatchObject({
        ok: false,
        domainCode: 'VALIDATION_FAILED',
        issues: [{ field: 'id', code: 'invalid_format', params: { format: 'uuid' } }],
        fieldErrors: { id: ['id is not a valid UUID'] },
      });
      const deactivate = await api.call(t, 'isvA', 'opportunities.deactivate', { ids: [] });
      expect(deactivate).toMatchObject({
        ok: false,
        issues: [{ field: 'ids', code: 'too_few', params: { minimum: 1 } }],
      });
      const offer = await api.call(t, 'reseller1', 'offers.create', {
        opportunityId: T.productA1,
        buyerAccountId: '12345',
        idempotencyKey: '',
      });
      expect(offer).toMatchObject({
        ok: false,
        domainCode: 'VALIDATION_FAILED',
        issues: [
          { field: 'buyerAccountId', code: 'invalid_format', params: { format: 'aws_account_id' } },
          { field: 'idempotencyKey', code: 'required' },
        ],
        fieldErrors: {
          buyerAccountId: ['buyerAccountId is not a valid 12-digit AWS account id'],
          idempotencyKey: ['idempotencyKey is required'],
        },
      });
      const noInput = await api.call(t, 'isvA', 'opportunities.get', undefined);
      expect(noInput).toMatchObject({
        ok: false,
        code: 'BAD_REQUEST',
        domainCode: 'VALIDATION_FAILED',
      });
    });

    test('a cursor the API did not issue is INVALID_CURSOR, not a 500', async () => {
      const out = await api.call(t, 'isvA', 'opportunities.list', { cursor: 'garbage!!' });
      expect(out).toMatchObject({ ok: false, code: 'BAD_REQUEST', domainCode: 'INVALID_CURSOR' });
    });

    test('a cursor used with other filters is INVALID_CURSOR, and says so', async () => {
      const first = await api.call(t, 'isvA', 'opportunities.list', { limit: 1 });
      if (!first.ok) throw new Error(first.message);
      const cursor = (first.value as { nextCursor: string | null }).nextCursor;
      expect(cursor).toBeTruthy();
      const same = await api.call(t, 'isvA', 'opportunities.list', { limit: 2, q: ' ', cursor });
      expect(same.ok).toBe(true);
      const out = await api.call(t, 'isvA', 'opportunities.list', { q: 'x', cursor });
      expect(out).toMatchObject({ ok: false, code: 'BAD_REQUEST', domainCode: 'INVALID_CURSOR' });
      if (out.ok) return;
      expect(out.message).toContain('issued for different filters');
    });
  });
});
