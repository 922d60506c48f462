/**
 * Core's schemas refuse what Postgres would refuse, so every layer (API, forms, SDK users
 * validating early) gets the same field error instead of a database failure: NUL, unpaired
 * surrogates, years outside 1..9999, percents that are not whole hundredths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarDateSchema,
  CreateOfferInputSchema,
  type CreateOpportunityInput,
  DiscountSchema,
  IsoInstantSchema,
  ListOpportunitiesInputSchema,
  MAX_YEAR,
  MIN_YEAR,
  toFieldIssues,
  validateCreateOpportunity,
} from '../src/index.js';
import { at, PRODUCT_ID, RESELLER_ID, RUNS } from './fixtures.js';

const now = at('2026-03-10T12:00:00.000Z');
const valid: CreateOpportunityInput = {
  name: 'Spring promo',
  description: 'For the spring campaign',
  productIds: [PRODUCT_ID],
  resellerIds: [RESELLER_ID],
  discount: { type: 'percentage', percent: 12.5 },
  durationType: 'no-set-duration',
};

/** The field and code of each issue a create input gets. */
function createIssues(patch: Record<string, unknown>) {
  const result = validateCreateOpportunity({ ...valid, ...patch }, now);
  return result.ok ? [] : result.issues.map((i) => `${i.field}:${i.code}`);
}

function issuesOf(schema: { safeParse(v: unknown): unknown }, value: unknown): string[] {
  const r = schema.safeParse(value) as { success: boolean; error?: { issues: [] } };
  return r.success
    ? []
    : toFieldIssues(r.error as { issues: [] }).map((i) => `${i.field}:${i.code}`);
}

const NUL = '\u0000';
const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDFFF';
/** One UTF-16 unit or code point, biased to the ones that matter here. */
const oddChar = fc.oneof(
  fc.constantFrom(NUL, LONE_HIGH, LONE_LOW, '🚀', 'a'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('text Postgres cannot store is refused as invalid_characters', () => {
  it.each([
    ['NUL', `Spring${NUL}promo`],
    ['NUL alone', NUL],
    ['an unpaired high surrogate', `Spring ${LONE_HIGH}`],
    ['an unpaired low surrogate', `${LONE_LOW} promo`],
    ['surrogates in the wrong order', `${LONE_LOW}${LONE_HIGH}`],
  ])('name and description with %s', (_what, text) => {
    expect(createIssues({ name: text })).toEqual(['name:invalid_characters']);
    expect(createIssues({ description: text })).toEqual(['description:invalid_characters']);
  });

  it('a surrogate pair (one astral character) is text like any other', () => {
    expect(createIssues({ name: 'Launch 🚀 👩‍👩‍👧' })).toEqual([]);
  });

  it('the list filter q and an offer idempotency key', () => {
    expect(issuesOf(ListOpportunitiesInputSchema, { q: `a${NUL}b` })).toEqual([
      'q:invalid_characters',
    ]);
    expect(issuesOf(ListOpportunitiesInputSchema, { q: LONE_HIGH })).toEqual([
      'q:invalid_characters',
    ]);
    const offer = { opportunityId: PRODUCT_ID, buyerAccountId: '123456789012' };
    expect(issuesOf(CreateOfferInputSchema, { ...offer, idempotencyKey: `k${NUL}` })).toEqual([
      'idempotencyKey:invalid_characters',
    ]);
    expect(issuesOf(CreateOfferInputSchema, { ...offer, idempotencyKey: 'k-1' })).toEqual([]);
  });

  it('any string: refused exactly when it holds NUL or is not well-formed UTF-16', () => {
    const wellFormed = (s: string) => {
      // encodeURIComponent throws URIError on an unpaired surrogate: an independent oracle.
      try {
        encodeURIComponent(s);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.string({ unit: oddChar, maxLength: 12 }), (s) => {
        const refused = issuesOf(ListOpportunitiesInputSchema, { q: s }).includes(
          'q:invalid_characters',
        );
        expect(refused).toBe(s.includes(NUL) || !wellFormed(s));
      }),
      RUNS,
    );
  });

  it('a list cursor is not judged by length here (the server answers INVALID_CURSOR)', () => {
    expect(issuesOf(ListOpportunitiesInputSchema, { cursor: 'x'.repeat(5000) })).toEqual([]);
  });
});

describe(`years outside ${MIN_YEAR}..${MAX_YEAR} are refused as year_out_of_range`, () => {
  it.each([
    '0000-01-01T00:00:00Z',
    '0000-12-31T23:59:59.999Z',
    // Year 1 in its own offset, but year 0 in UTC, which is what gets stored.
    '0001-01-01T00:30:00+01:00',
  ])('instant %s', (instant) => {
    expect(issuesOf(IsoInstantSchema, instant)).toEqual(['(input):year_out_of_range']);
    expect(issuesOf(ListOpportunitiesInputSchema, { createdFrom: instant })).toEqual([
      'createdFrom:year_out_of_range',
    ]);
    expect(issuesOf(ListOpportunitiesInputSchema, { createdTo: instant })).toEqual([
      'createdTo:year_out_of_range',
    ]);
  });

  it('the first and last instants of years 1 and 9999 are accepted', () => {
    expect(issuesOf(IsoInstantSchema, '0001-01-01T00:00:00Z')).toEqual([]);
    expect(issuesOf(IsoInstantSchema, '9999-12-31T23:59:59.999Z')).toEqual([]);
  });

  it('a late-9999 instant with a negative offset lands in year 10000 and is refused', () => {
    expect(issuesOf(IsoInstantSchema, '9999-12-31T23:00:00-02:00')).toEqual([
      '(input):year_out_of_range',
    ]);
  });

  it('calendar dates', () => {
    expect(issuesOf(CalendarDateSchema, '0000-06-01')).toEqual(['(input):year_out_of_range']);
    expect(issuesOf(CalendarDateSchema, '9999-12-31')).toEqual([]);
    // A malformed value gets only its format's issue.
    expect(issuesOf(CalendarDateSchema, 'soon')).toEqual(['(input):not_calendar_date']);
    expect(issuesOf(IsoInstantSchema, 'soon')).toEqual(['(input):invalid_format']);
  });
});

describe('a percent is a whole number of basis points from 1 to 10000', () => {
  it.each([[1e-12], [0.001], [0.005], [99.999999999999], [12.345], [50.000000001]])(
    '%d is refused',
    (percent) => {
      expect(issuesOf(DiscountSchema, { type: 'percentage', percent })).toEqual([
        'percent:too_many_decimals',
      ]);
    },
  );

  it('every k/100 for k in 1..10000 is accepted and is k basis points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (k) => {
        const percent = k / 100;
        expect(issuesOf(DiscountSchema, { type: 'percentage', percent })).toEqual([]);
        expect(Math.round(percent * 100)).toBe(k);
      }),
      RUNS,
    );
    // Typed literals too, as JSON brings them.
    for (const text of ['0.01', '0.07', '12.34', '33.33', '99.99', '100']) {
      expect(issuesOf(DiscountSchema, { type: 'percentage', percent: Number(text) })).toEqual([]);
    }
  });

  it('0 and above 100 keep their bound issues', () => {
    expect(issuesOf(DiscountSchema, { type: 'percentage', percent: 0 })).toEqual([
      'percent:too_small',
    ]);
    expect(issuesOf(DiscountSchema, { type: 'percentage', percent: 100.01 })).toEqual([
      'percent:too_big',
    ]);
  });
});
