import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BuyerAccountIdSchema,
  buyerAccountIdIssues,
  createOpportunityIssues,
  DURATION_TYPES,
  type FieldIssue,
  normalizeBuyerAccountId,
  type OpportunityDraftValues,
  toFieldIssues,
  validateCreateOpportunity,
} from '../src/index.js';
import { at, PRODUCT_ID, PRODUCT_ID_2, RESELLER_ID, RUNS } from './fixtures.js';

const now = at('2026-03-10T23:30:00.000Z');

/** The API's input for a draft: the discount as the object the schema takes. */
const asApiInput = (d: OpportunityDraftValues) => ({
  name: d.name,
  description: d.description,
  productIds: d.productIds,
  resellerIds: d.resellerIds,
  discount: d.percent === undefined ? undefined : { type: 'percentage', percent: d.percent },
  durationType: d.durationType,
  endDate: d.endDate,
});

/** Per field, the codes reported. */
const byField = (issues: readonly FieldIssue[]) => {
  const out = new Map<string, Set<string>>();
  for (const i of issues) {
    // 'discount' missing entirely (the API) and 'discount.percent' missing (a form) are one field.
    const field = i.field === 'discount' ? 'discount.percent' : i.field;
    out.set(field, (out.get(field) ?? new Set()).add(i.code));
  }
  return out;
};

const draft = fc.record({
  name: fc.oneof(fc.constant(''), fc.constant('   '), fc.string({ maxLength: 120 })),
  description: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
  productIds: fc.subarray([PRODUCT_ID, PRODUCT_ID_2, PRODUCT_ID]),
  resellerIds: fc.subarray([RESELLER_ID, RESELLER_ID]),
  percent: fc.option(
    fc.oneof(
      fc.double({ min: -10, max: 120, noNaN: true }),
      fc.integer({ min: -5, max: 105 }),
      fc.constantFrom(0, 0.01, 12.5, 12.345, 100, 100.01),
    ),
    { nil: undefined },
  ),
  durationType: fc.constantFrom(...DURATION_TYPES),
  // A form holds no end date as null (the picker never gives '').
  endDate: fc.constantFrom(null, '2026-03-09', '2026-03-10', '2026-02-30', '2027-01-01'),
});

describe('createOpportunityIssues (zod-free, for forms)', () => {
  it('reports the same fields as the API check, with one of its codes each', () => {
    fc.assert(
      fc.property(draft, (d) => {
        const mine = byField(createOpportunityIssues(d, now));
        const api = validateCreateOpportunity(asApiInput(d), now);
        const theirs = byField(api.ok ? [] : api.issues);
        expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
        for (const [field, codes] of mine) {
          expect(codes.size).toBe(1);
          // A malformed date with no set duration: the API names the format, the draft check the
          // forbidden date (both durationIssues' and zod's rule apply; a date input never gives it).
          if (field === 'endDate' && theirs.get(field)?.has('not_calendar_date')) continue;
          const [code] = [...codes];
          expect(theirs.get(field)).toContain(code);
        }
      }),
      RUNS,
    );
  });

  it('reports every bad field of an empty draft at once, in form order', () => {
    const issues = createOpportunityIssues(
      {
        name: ' ',
        productIds: [],
        resellerIds: [],
        percent: undefined,
        durationType: 'specific-duration',
        endDate: null,
      },
      now,
    );
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual([
      'name:required',
      'productIds:too_few',
      'resellerIds:too_few',
      'discount.percent:required',
      'endDate:end_date_required',
    ]);
  });
});

describe('buyer account ids', () => {
  it('accepts spaces and dashes, and stores the 12 digits', () => {
    expect(normalizeBuyerAccountId(' 1234-5678 9012 ')).toBe('123456789012');
    expect(buyerAccountIdIssues('1234-5678 9012')).toEqual([]);
    expect(BuyerAccountIdSchema.parse('1234 5678-9012')).toBe('123456789012');
  });

  it('refuses anything that is not 12 digits, like the API', () => {
    for (const typed of ['12345', '1234-5678-901x', '1234567890123']) {
      expect(buyerAccountIdIssues(typed)).toEqual([
        { field: 'buyerAccountId', code: 'invalid_format', params: { format: 'aws_account_id' } },
      ]);
      const parsed = BuyerAccountIdSchema.safeParse(typed);
      expect(parsed.success).toBe(false);
      if (!parsed.success)
        expect(toFieldIssues(parsed.error)[0]).toMatchObject({ code: 'invalid_format' });
    }
    expect(buyerAccountIdIssues(' - ')).toEqual([{ field: 'buyerAccountId', code: 'required' }]);
  });
});
