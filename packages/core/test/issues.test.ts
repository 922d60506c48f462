import { describe, expect, it } from 'vitest';
import {
  CreateOfferInputSchema,
  DeactivateInputSchema,
  DomainError,
  describeIssue,
  fieldIssue,
  ISSUE_CODES,
  ListOpportunitiesInputSchema,
  toFieldIssues,
  validateCreateOpportunity,
} from '../src/index.js';
import { at, PRODUCT_ID, RESELLER_ID } from './fixtures.js';

const now = at('2026-03-10T12:00:00.000Z');

/** The coded issues of a failed parse, as `field code {params}` lines for readable diffs. */
function issuesOf(result: { success: boolean; error?: { issues: readonly object[] } }) {
  expect(result.success).toBe(false);
  return toFieldIssues(result.error as { issues: [] });
}

describe('validation issues are codes with the bound they broke', () => {
  it('a create reports every bad field at once, each with its code', () => {
    const result = validateCreateOpportunity(
      {
        name: '   ',
        description: 'x'.repeat(256),
        productIds: [PRODUCT_ID, 'not-a-uuid'],
        resellerIds: [],
        discount: { type: 'percentage', percent: 100.5 },
        durationType: 'specific-duration',
        endDate: '2026-03-09',
      },
      now,
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        { field: 'name', code: 'required' },
        { field: 'description', code: 'too_long', params: { maximum: 255 } },
        { field: 'productIds.1', code: 'invalid_format', params: { format: 'uuid' } },
        { field: 'resellerIds', code: 'too_few', params: { minimum: 1 } },
        { field: 'discount.percent', code: 'too_big', params: { maximum: 100, inclusive: 1 } },
        { field: 'endDate', code: 'date_in_past', params: { today: '2026-03-10' } },
      ],
    });
  });

  it('missing fields are `required`, not a type error', () => {
    const result = validateCreateOpportunity({}, now);
    expect(result.ok ? [] : result.issues).toEqual(
      ['name', 'productIds', 'resellerIds', 'discount', 'durationType'].map((field) => ({
        field,
        code: 'required',
      })),
    );
  });

  it('rules zod has no issue for carry their own code and parameters', () => {
    const result = validateCreateOpportunity(
      {
        name: 'x',
        productIds: [PRODUCT_ID, PRODUCT_ID],
        resellerIds: [RESELLER_ID],
        discount: { type: 'percentage', percent: 1.234 },
        durationType: 'no-set-duration',
        endDate: '2026-04-01',
      },
      now,
    );
    expect(result.ok ? [] : result.issues).toEqual([
      { field: 'productIds', code: 'not_unique' },
      { field: 'discount.percent', code: 'too_many_decimals', params: { maximum: 2 } },
      {
        field: 'endDate',
        code: 'end_date_not_allowed',
        params: { durationType: 'no-set-duration' },
      },
    ]);
  });

  it('list, offer and deactivate inputs use the same codes', () => {
    expect(
      issuesOf(
        ListOpportunitiesInputSchema.safeParse({
          status: ['nope'],
          limit: 1000,
          q: 'x'.repeat(201),
          expiringWithinDays: 1.5,
        }),
      ),
    ).toEqual([
      {
        field: 'status.0',
        code: 'invalid_value',
        params: { allowed: 'active|expired|restricted|complete' },
      },
      { field: 'q', code: 'too_long', params: { maximum: 200 } },
      { field: 'expiringWithinDays', code: 'not_integer' },
      { field: 'limit', code: 'too_big', params: { maximum: 100, inclusive: 1 } },
    ]);
    expect(
      issuesOf(
        CreateOfferInputSchema.safeParse({
          opportunityId: PRODUCT_ID,
          buyerAccountId: '1234',
          idempotencyKey: '',
        }),
      ),
    ).toEqual([
      { field: 'buyerAccountId', code: 'invalid_format', params: { format: 'aws_account_id' } },
      { field: 'idempotencyKey', code: 'required' },
    ]);
    expect(issuesOf(DeactivateInputSchema.safeParse({ ids: 'x' }))).toEqual([
      { field: 'ids', code: 'invalid_type', params: { expected: 'array' } },
    ]);
  });

  it('every code has English for the API, naming the field', () => {
    for (const code of ISSUE_CODES) {
      const text = describeIssue(fieldIssue('someField', code, { maximum: 3, minimum: 1 }));
      expect(text.startsWith('someField ')).toBe(true);
      expect(text.length).toBeGreaterThan('someField '.length + 3);
    }
  });

  it('a DomainError carries the issues, their English per field, and a message listing them', () => {
    const error = DomainError.invalid([
      fieldIssue('name', 'required'),
      fieldIssue('endDate', 'date_in_past', { today: '2026-03-10' }),
    ]);
    expect(error.message).toBe(
      'Invalid input: name is required; endDate must not be in the past (today is 2026-03-10 UTC)',
    );
    expect(error.toData()).toEqual({
      domainCode: 'VALIDATION_FAILED',
      issues: [
        { field: 'name', code: 'required' },
        { field: 'endDate', code: 'date_in_past', params: { today: '2026-03-10' } },
      ],
      fieldErrors: {
        name: ['name is required'],
        endDate: ['endDate must not be in the past (today is 2026-03-10 UTC)'],
      },
      reason: null,
    });
    expect(new DomainError('NOT_FOUND', 'gone').toData()).toEqual({
      domainCode: 'NOT_FOUND',
      issues: null,
      fieldErrors: null,
      reason: null,
    });
  });
});
