import { DOMAIN_ERROR_CODES } from '@resale-kit/core';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { describe, expect, test } from 'vitest';
import { StoreError } from '../../src/store/types.js';
import { describeError, fromStoreError } from '../../src/trpc/errors.js';

/** The one mapping from the store's domain codes to tRPC codes and HTTP statuses. */
const EXPECTED: Record<string, [string, number]> = {
  VALIDATION_FAILED: ['BAD_REQUEST', 400],
  INVALID_CURSOR: ['BAD_REQUEST', 400],
  UNAUTHORIZED: ['UNAUTHORIZED', 401],
  FORBIDDEN: ['FORBIDDEN', 403],
  NOT_FOUND: ['NOT_FOUND', 404],
  NOT_TARGETED: ['NOT_FOUND', 404],
  OPPORTUNITY_NOT_ACTIVE: ['CONFLICT', 409],
  IDEMPOTENCY_KEY_REUSED: ['CONFLICT', 409],
  CONFLICT: ['CONFLICT', 409],
  INTERNAL: ['INTERNAL_SERVER_ERROR', 500],
};

describe('StoreError -> tRPC error', () => {
  test.each(DOMAIN_ERROR_CODES)('%s', (code) => {
    const error = fromStoreError(new StoreError(code, `it failed: ${code}`));
    const [trpcCode, status] = EXPECTED[code] as [string, number];
    expect(error.code).toBe(trpcCode);
    expect(getHTTPStatusCodeFromError(error)).toBe(status);
    expect(describeError(error, { production: true })).toMatchObject({
      domainCode: code,
      message: `it failed: ${code}`,
    });
  });

  test('the guard reason and field errors travel with it', () => {
    const notActive = fromStoreError(
      new StoreError('OPPORTUNITY_NOT_ACTIVE', 'Opportunity is Complete', undefined, 'COMPLETE'),
    );
    expect(describeError(notActive, { production: false })).toEqual({
      message: 'Opportunity is Complete',
      domainCode: 'OPPORTUNITY_NOT_ACTIVE',
      fieldErrors: null,
      reason: 'COMPLETE',
    });
    const invalid = fromStoreError(
      new StoreError('VALIDATION_FAILED', 'bad', { 'productIds.0': ['unknown product'] }),
    );
    expect(describeError(invalid, { production: false }).fieldErrors).toEqual({
      'productIds.0': ['unknown product'],
    });
  });
});
