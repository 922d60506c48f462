/**
 * What docs/api.md, docs/sdk.md and docs/status-rules.md say about the wire is what the wire
 * does: the domain codes, the guard reasons (core's NOT_TARGETED never leaves the server), the
 * status sort order and that lengths count code points.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DOMAIN_ERROR_CODES, MAX_NAME_LENGTH, validateCreateOpportunity } from '@resale-kit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATUS_SORT_ORDER } from '../../src/store/status-sort.js';
import { type Api, NOW, openApi } from './harness.js';
import { T } from './tenants.js';

const DOCS = resolve(import.meta.dirname, '../../../../docs');
const doc = (name: string) => readFileSync(resolve(DOCS, name), 'utf8');

describe('docs agree with the wire', () => {
  const api = doc('api.md');
  const sdk = doc('sdk.md');

  test("docs/api.md's error table lists exactly core's DOMAIN_ERROR_CODES", () => {
    const section = api.slice(api.indexOf('## Errors'), api.indexOf('## Limits'));
    const codes = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(new Set(codes)).toEqual(new Set(DOMAIN_ERROR_CODES));
    expect(codes).not.toContain('NOT_TARGETED');
  });

  test("docs/sdk.md's domainCode row names every code, and no reason the wire never sends", () => {
    const row = sdk.split('\n').find((l) => l.startsWith('| `domainCode` |')) ?? '';
    for (const code of DOMAIN_ERROR_CODES) expect(row).toContain(`\`${code}\``);
    const reasons = sdk.split('\n').find((l) => l.startsWith('| `reason` |')) ?? '';
    expect(reasons).toMatch(/`RESTRICTED`, `COMPLETE`, `EXPIRED`/);
    expect(reasons).toMatch(/`NOT_TARGETED` never reaches the wire/);
    expect(doc('status-rules.md')).toMatch(/`NOT_TARGETED` is core's guard reason\s+only/);
  });

  test('the status sort order and code-point lengths are documented as they are', () => {
    expect(api).toContain(STATUS_SORT_ORDER.join(' < '));
    expect(api).toMatch(/`name` \| 1\.\.100 Unicode code points/);
    // 100 astral characters (200 UTF-16 units) fit; 15 family emoji (15 visible, 105 code
    // points) do not: the limit counts code points, as the docs say.
    const base = {
      productIds: [T.productA1],
      resellerIds: [T.reseller1],
      discount: { type: 'percentage', percent: 10 },
      durationType: 'no-set-duration',
    };
    expect(validateCreateOpportunity({ ...base, name: '🚀'.repeat(MAX_NAME_LENGTH) }, NOW).ok).toBe(
      true,
    );
    const families = validateCreateOpportunity({ ...base, name: '👩‍👩‍👧‍👦'.repeat(15) }, NOW);
    expect(families.ok ? [] : families.issues).toEqual([
      { field: 'name', code: 'too_long', params: { maximum: MAX_NAME_LENGTH } },
    ]);
  });
});

describe('NOT_TARGETED never reaches the wire [pglite]', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi('pglite');
  });
  afterAll(async () => {
    await api?.close();
  });

  test('an untargeted reseller gets NOT_FOUND and an ISV user FORBIDDEN', async () => {
    const [opp] = await api.must<{ id: string }[]>('isvA', 'opportunities.create', {
      name: 'Only for reseller 1',
      productIds: [T.productA1],
      resellerIds: [T.reseller1],
      discount: { type: 'percentage', percent: 10 },
      durationType: 'no-set-duration',
    });
    const input = { opportunityId: opp?.id, buyerAccountId: '123456789012', idempotencyKey: 'k1' };
    for (const transport of ['caller', 'http'] as const) {
      const other = await api.call(transport, 'reseller2', 'offers.create', input);
      expect(other).toMatchObject({ ok: false, domainCode: 'NOT_FOUND', reason: null });
      const isv = await api.call(transport, 'isvA', 'offers.create', input);
      expect(isv).toMatchObject({ ok: false, domainCode: 'FORBIDDEN', reason: null });
    }
  });
});
