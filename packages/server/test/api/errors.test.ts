import { DOMAIN_ERROR_CODES, DomainError, fieldIssue } from '@resale-kit/core';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { describeError, toTRPCError } from '../../src/trpc/errors.js';

/** The one mapping from domain codes to tRPC codes and HTTP statuses. */
const EXPECTED: Record<string, [string, number]> = {
  VALIDATION_FAILED: ['BAD_REQUEST', 400],
  INVALID_CURSOR: ['BAD_REQUEST', 400],
  UNAUTHORIZED: ['UNAUTHORIZED', 401],
  FORBIDDEN: ['FORBIDDEN', 403],
  NOT_FOUND: ['NOT_FOUND', 404],
  OPPORTUNITY_NOT_ACTIVE: ['CONFLICT', 409],
  IDEMPOTENCY_KEY_REUSED: ['CONFLICT', 409],
  CONFLICT: ['CONFLICT', 409],
  BATCH_TOO_LARGE: ['BAD_REQUEST', 400],
  RATE_LIMITED: ['TOO_MANY_REQUESTS', 429],
  METHOD_NOT_ALLOWED: ['METHOD_NOT_SUPPORTED', 405],
  INTERNAL: ['INTERNAL_SERVER_ERROR', 500],
};

describe('DomainError -> tRPC error', () => {
  test('every domain code has an expected status', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...DOMAIN_ERROR_CODES].sort());
  });

  test.each(DOMAIN_ERROR_CODES)('%s', (code) => {
    const error = toTRPCError(new DomainError(code, `it failed: ${code}`));
    const [trpcCode, status] = EXPECTED[code] as [string, number];
    expect(error.code).toBe(trpcCode);
    expect(getHTTPStatusCodeFromError(error)).toBe(status);
    expect(describeError(error)).toMatchObject({ domainCode: code, message: `it failed: ${code}` });
  });

  test('the guard reason and the coded issues travel with it', () => {
    const notActive = toTRPCError(
      new DomainError('OPPORTUNITY_NOT_ACTIVE', 'Opportunity is Complete', { reason: 'COMPLETE' }),
    );
    expect(describeError(notActive)).toEqual({
      message: 'Opportunity is Complete',
      domainCode: 'OPPORTUNITY_NOT_ACTIVE',
      issues: null,
      fieldErrors: null,
      reason: 'COMPLETE',
    });
    const invalid = toTRPCError(DomainError.invalid([fieldIssue('productIds.0', 'not_found')]));
    expect(describeError(invalid)).toMatchObject({
      message: 'Invalid input: productIds.0 names a record that does not exist',
      issues: [{ field: 'productIds.0', code: 'not_found' }],
      fieldErrors: { 'productIds.0': ['productIds.0 names a record that does not exist'] },
    });
  });

  test("tRPC's own input errors become coded issues", () => {
    const parsed = z.object({ id: z.uuid() }).safeParse({ id: 'nope' });
    const error = new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
    expect(describeError(error)).toMatchObject({
      domainCode: 'VALIDATION_FAILED',
      issues: [{ field: 'id', code: 'invalid_format', params: { format: 'uuid' } }],
    });
  });

  test('anything else is INTERNAL, and its message (it may hold SQL) is not sent', () => {
    const error = new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      cause: new Error('Failed query: select * from api_keys where key_hash = $1'),
    });
    expect(describeError(error)).toEqual({
      message: 'Internal server error',
      domainCode: 'INTERNAL',
      issues: null,
      fieldErrors: null,
      reason: null,
    });
  });
});
