import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CreateOpportunityInput,
  DURATION_TYPES,
  durationIssues,
  fieldErrors,
  ISSUE_CODES,
  validateCreateOpportunity,
} from '../src/index.js';
import { at, PRODUCT_ID, PRODUCT_ID_2, RESELLER_ID, RUNS } from './fixtures.js';

// Late in the UTC day: the local date is already 2026-03-11 in Kiritimati (+14).
const now = at('2026-03-10T23:30:00.000Z');
const TODAY = '2026-03-10';
const YESTERDAY = '2026-03-09';

const valid: CreateOpportunityInput = {
  name: 'Spring promo',
  description: 'For the spring campaign',
  productIds: [PRODUCT_ID, PRODUCT_ID_2],
  resellerIds: [RESELLER_ID],
  discount: { type: 'percentage', percent: 12.5 },
  durationType: 'specific-duration',
  endDate: '2026-06-30',
};

const withInput = (patch: Record<string, unknown>) => ({ ...valid, ...patch });

/** The input is rejected, and every issue names the given field. */
function expectRejectedOn(input: unknown, field: string, at: Date = now) {
  const result = validateCreateOpportunity(input, at);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  expect(result.issues.map((i) => i.field)).toEqual(result.issues.map(() => field));
  for (const issue of result.issues) expect(ISSUE_CODES).toContain(issue.code);
}

function expectAccepted(input: unknown, at: Date = now) {
  const result = validateCreateOpportunity(input, at);
  expect(result.ok ? [] : result.issues).toEqual([]);
  return result.ok ? result.value : undefined;
}

describe('validateCreateOpportunity: valid input', () => {
  it('accepts a complete input and normalizes it', () => {
    expect(expectAccepted(withInput({ name: '  Spring promo  ' }))).toEqual({
      ...valid,
      name: 'Spring promo',
    });
  });

  it('description is optional: missing or empty becomes null', () => {
    expect(expectAccepted(withInput({ description: undefined }))?.description).toBeNull();
    expect(expectAccepted(withInput({ description: '' }))?.description).toBeNull();
    expect(expectAccepted(withInput({ description: null }))?.description).toBeNull();
  });

  it.each([
    ['100 characters', 'x'.repeat(100)],
    ['100 emoji (200 UTF-16 units, 100 code points)', '😀'.repeat(100)],
    ['100 characters with surrounding spaces', `  ${'y'.repeat(100)}  `],
    ['1 character', 'a'],
  ])('accepts a name of %s', (_label, name) => {
    expect(expectAccepted(withInput({ name }))?.name).toBe(name.trim());
  });

  it('accepts a description of 255 characters', () => {
    expectAccepted(withInput({ description: 'd'.repeat(255) }));
  });

  it.each([100, 0.01, 12.5, 0.29, 33.33, 99.99, 1])('accepts percent %s', (percent) => {
    expectAccepted(withInput({ discount: { type: 'percentage', percent } }));
  });

  it('end date: optional for single use', () => {
    expectAccepted(withInput({ durationType: 'single-use', endDate: undefined }));
    expectAccepted(withInput({ durationType: 'single-use', endDate: null }));
    expectAccepted(withInput({ durationType: 'single-use', endDate: '2026-04-01' }));
  });

  it('end date: none for no set duration', () => {
    expect(
      expectAccepted(withInput({ durationType: 'no-set-duration', endDate: null }))?.endDate,
    ).toBeNull();
    expectAccepted(withInput({ durationType: 'no-set-duration', endDate: undefined }));
  });

  it('end date: today (UTC) is accepted, even where the local date is already tomorrow', () => {
    expectAccepted(withInput({ endDate: TODAY }));
    expectAccepted(withInput({ durationType: 'single-use', endDate: TODAY }));
    // And at the very first millisecond of the UTC day.
    expectAccepted(withInput({ endDate: TODAY }), at('2026-03-10T00:00:00.000Z'));
  });
});

describe('validateCreateOpportunity: every invalid input is rejected, naming its field', () => {
  const cases: [label: string, patch: Record<string, unknown>, field: string][] = [
    ['name missing', { name: undefined }, 'name'],
    ['name empty', { name: '' }, 'name'],
    ['name only whitespace', { name: ' \t\n ' }, 'name'],
    ['name of 101 characters', { name: 'x'.repeat(101) }, 'name'],
    ['name of 101 emoji', { name: '😀'.repeat(101) }, 'name'],
    ['name not text', { name: 42 }, 'name'],
    ['description of 256 characters', { description: 'd'.repeat(256) }, 'description'],
    ['description not text', { description: 7 }, 'description'],
    ['percent 0', { discount: { type: 'percentage', percent: 0 } }, 'discount.percent'],
    ['percent -1', { discount: { type: 'percentage', percent: -1 } }, 'discount.percent'],
    ['percent 100.001', { discount: { type: 'percentage', percent: 100.001 } }, 'discount.percent'],
    ['percent 100.01', { discount: { type: 'percentage', percent: 100.01 } }, 'discount.percent'],
    ['percent 12.345', { discount: { type: 'percentage', percent: 12.345 } }, 'discount.percent'],
    ['percent NaN', { discount: { type: 'percentage', percent: Number.NaN } }, 'discount.percent'],
    [
      'percent Infinity',
      { discount: { type: 'percentage', percent: Number.POSITIVE_INFINITY } },
      'discount.percent',
    ],
    ['percent as text', { discount: { type: 'percentage', percent: '12' } }, 'discount.percent'],
    [
      'discount type other than percentage',
      { discount: { type: 'flat', percent: 12 } },
      'discount.type',
    ],
    ['discount missing', { discount: undefined }, 'discount'],
    ['duplicate productIds', { productIds: [PRODUCT_ID, PRODUCT_ID] }, 'productIds'],
    ['duplicate resellerIds', { resellerIds: [RESELLER_ID, RESELLER_ID] }, 'resellerIds'],
    ['no productIds', { productIds: [] }, 'productIds'],
    ['no resellerIds', { resellerIds: [] }, 'resellerIds'],
    ['a non-uuid productId', { productIds: [PRODUCT_ID, 'product-2'] }, 'productIds.1'],
    ['a non-uuid resellerId', { resellerIds: ['not-a-uuid'] }, 'resellerIds.0'],
    ['productIds not a list', { productIds: PRODUCT_ID }, 'productIds'],
    ['unknown duration type', { durationType: 'forever' }, 'durationType'],
    [
      'end date missing for specific duration',
      { durationType: 'specific-duration', endDate: undefined },
      'endDate',
    ],
    [
      'end date null for specific duration',
      { durationType: 'specific-duration', endDate: null },
      'endDate',
    ],
    [
      'end date empty for specific duration',
      { durationType: 'specific-duration', endDate: '' },
      'endDate',
    ],
    [
      'end date given for no set duration',
      { durationType: 'no-set-duration', endDate: '2026-06-30' },
      'endDate',
    ],
    ['end date not a calendar date', { endDate: '2026-02-30' }, 'endDate'],
    ['end date not YYYY-MM-DD', { endDate: '30/06/2026' }, 'endDate'],
    ['end date an instant', { endDate: '2026-06-30T00:00:00Z' }, 'endDate'],
    ['end date yesterday (UTC), specific duration', { endDate: YESTERDAY }, 'endDate'],
    [
      'end date yesterday (UTC), single use',
      { durationType: 'single-use', endDate: YESTERDAY },
      'endDate',
    ],
  ];

  it.each(cases.map(([label, patch, field]) => ({ label, patch, field })))(
    '$label -> $field',
    ({ patch, field }) => {
      expectRejectedOn(withInput(patch), field);
    },
  );

  it('yesterday UTC is rejected even where it is still today locally', () => {
    // Early in the UTC day: the local date in Adak (-10) is still 2026-03-09.
    expectRejectedOn(withInput({ endDate: '2026-03-09' }), 'endDate', at('2026-03-10T00:30:00Z'));
    expectAccepted(withInput({ endDate: '2026-03-10' }), at('2026-03-10T00:30:00Z'));
  });

  it('reports every bad field at once, the clock-dependent ones too', () => {
    const result = validateCreateOpportunity(
      withInput({ name: '', discount: { type: 'percentage', percent: 0 }, endDate: YESTERDAY }),
      now,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(fieldErrors(result.issues)).sort()).toEqual([
      'discount.percent',
      'endDate',
      'name',
    ]);
  });

  it('a missing end date is reported next to other static issues', () => {
    const result = validateCreateOpportunity(withInput({ name: '', endDate: undefined }), now);
    expect(result.ok ? [] : result.issues.map((i) => i.field).sort()).toEqual(['endDate', 'name']);
  });

  it.each([{ input: null }, { input: undefined }, { input: 'x' }, { input: 42 }, { input: [] }])(
    'rejects a non-object input ($input) without throwing',
    ({ input }) => {
      const result = validateCreateOpportunity(input, now);
      expect(result.ok).toBe(false);
    },
  );
});

describe('validateCreateOpportunity: properties', () => {
  it('a name is valid iff it has 1 to 100 code points after trimming', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (name) => {
        const length = [...name.trim()].length;
        const result = validateCreateOpportunity(withInput({ name }), now);
        const expected = length >= 1 && length <= 100;
        expect(result.ok).toBe(expected);
        if (!result.ok)
          expect(new Set(result.issues.map((i) => i.field))).toEqual(new Set(['name']));
      }),
      RUNS,
    );
  });

  it('a percent is valid iff it is in (0, 100] with at most 2 decimals', () => {
    // Thousandths of a percent: 12345 -> 12.345 (3 decimals), 12340 -> 12.34.
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 102_000 }), (thousandths) => {
        const percent = thousandths / 1000;
        const result = validateCreateOpportunity(
          withInput({ discount: { type: 'percentage', percent } }),
          now,
        );
        const expected = thousandths > 0 && thousandths <= 100_000 && thousandths % 10 === 0;
        expect(result.ok).toBe(expected);
        if (!result.ok)
          expect(new Set(result.issues.map((i) => i.field))).toEqual(new Set(['discount.percent']));
      }),
      RUNS,
    );
  });

  it('the end date rule per duration type, at any moment', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DURATION_TYPES),
        fc.option(fc.integer({ min: -400, max: 400 })),
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (durationType, offset, t) => {
          const when = new Date(t);
          const today = when.toISOString().slice(0, 10);
          const endDate =
            offset === null
              ? null
              : new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000)
                  .toISOString()
                  .slice(0, 10);
          const expected =
            durationType === 'specific-duration'
              ? endDate !== null && offset !== null && offset >= 0
              : durationType === 'single-use'
                ? endDate === null || (offset !== null && offset >= 0)
                : endDate === null;
          const result = validateCreateOpportunity(withInput({ durationType, endDate }), when);
          expect(result.ok).toBe(expected);
          if (!result.ok)
            expect(new Set(result.issues.map((i) => i.field))).toEqual(new Set(['endDate']));
          // The picker's rule (durationIssues) is the same rule.
          expect(durationIssues({ durationType, endDate }, when).length === 0).toBe(expected);
        },
      ),
      RUNS,
    );
  });
});
