import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SORT,
  EXPIRING_WINDOW_DAYS,
  FIRST_PAGE_VIEW,
  formatListView,
  isFiltering,
  type ListFilters,
  ListFiltersSchema,
  type ListView,
  listInputOf,
  normalizeListFilters,
  parseListView,
  SORT_FIELDS,
  STATUSES,
  summaryCardFilters,
  summaryCardOf,
} from '../src/index.js';
import { PRODUCT_ID, RESELLER_ID, RUNS } from './fixtures.js';

describe('normalizeListFilters: one form for filters that select the same rows', () => {
  it('orders statuses, drops repeats, and treats all four as none', () => {
    expect(normalizeListFilters({ status: ['expired', 'active', 'expired'] })).toEqual({
      status: ['active', 'expired'],
    });
    expect(normalizeListFilters({ status: [...STATUSES].reverse() })).toEqual({});
    expect(normalizeListFilters({ status: [] })).toEqual({});
  });

  it('trims text, lower-cases ids, writes instants in UTC, and drops empty values', () => {
    expect(
      normalizeListFilters({
        q: '  acme ',
        productId: PRODUCT_ID.toUpperCase(),
        resellerId: undefined,
        createdFrom: '2026-03-10T14:00:00+02:00',
        expiringWithinDays: 0,
      }),
    ).toEqual({
      q: 'acme',
      productId: PRODUCT_ID,
      createdFrom: '2026-03-10T12:00:00.000Z',
      expiringWithinDays: 0,
    });
    expect(normalizeListFilters({ q: '   ' })).toEqual({});
    expect(isFiltering({ q: ' ' })).toBe(false);
    expect(isFiltering({ expiringWithinDays: 0 })).toBe(true);
  });

  it('is idempotent, for any filters the API accepts', () => {
    const filters = fc.record(
      {
        status: fc.subarray([...STATUSES]),
        productId: fc.constantFrom(PRODUCT_ID, PRODUCT_ID.toUpperCase()),
        resellerId: fc.constant(RESELLER_ID),
        q: fc.string({ maxLength: 20 }),
        expiringWithinDays: fc.integer({ min: 0, max: 3650 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(filters, (f) => {
        expect(ListFiltersSchema.safeParse(f).success).toBe(true);
        const once = normalizeListFilters(f);
        expect(normalizeListFilters(once)).toEqual(once);
      }),
      RUNS,
    );
  });
});

describe('summary cards and the filters they apply', () => {
  it('"Expiring in 30 days" is Active within the window; a status card is that status', () => {
    expect(summaryCardFilters('expiring')).toEqual({
      status: ['active'],
      expiringWithinDays: EXPIRING_WINDOW_DAYS,
    });
    expect(summaryCardFilters('complete')).toEqual({ status: ['complete'] });
  });

  it('a card is pressed only while its filters, and nothing else, are applied', () => {
    expect(summaryCardOf({ status: ['active'], expiringWithinDays: 30, q: ' ' })).toBe('expiring');
    expect(summaryCardOf({ status: ['active'] })).toBe('active');
    expect(summaryCardOf({ status: ['active'], q: 'x' })).toBeNull();
    expect(summaryCardOf({ status: ['active'], expiringWithinDays: 7 })).toBeNull();
    expect(summaryCardOf({})).toBeNull();
  });
});

describe('the URL codec', () => {
  const view: ListView = {
    filters: {
      status: ['active', 'expired'],
      productId: PRODUCT_ID,
      resellerId: RESELLER_ID,
      q: 'spring promo',
      createdFrom: '2026-01-01T00:00:00.000Z',
      createdTo: '2026-02-01T00:00:00.000Z',
      expiringWithinDays: 30,
    },
    sort: { field: 'name', direction: 'asc' },
    cursor: 'eyJkIjoibiJ9',
    page: 3,
  };

  it('round-trips a view through URL parameters, leaving defaults out', () => {
    const params = formatListView(view);
    expect(params.toString()).toBe(
      'status=active%2Cexpired&product=3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f' +
        '&reseller=1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d&q=spring+promo' +
        '&from=2026-01-01T00%3A00%3A00.000Z&to=2026-02-01T00%3A00%3A00.000Z&expiring=30' +
        '&sort=name&dir=asc&cursor=eyJkIjoibiJ9&page=3',
    );
    expect(parseListView(params)).toEqual(view);
    expect(formatListView(FIRST_PAGE_VIEW).toString()).toBe('');
    expect(parseListView(new URLSearchParams())).toEqual(FIRST_PAGE_VIEW);
  });

  it('round-trips any sort', () => {
    for (const field of SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        const v = { ...FIRST_PAGE_VIEW, sort: { field, direction } };
        expect(parseListView(formatListView(v))).toEqual(v);
      }
    }
  });

  it('a hand-edited link falls back to defaults instead of failing', () => {
    const parsed = parseListView(
      new URLSearchParams(
        'status=active,bogus&product=nope&q=' +
          'x'.repeat(300) +
          '&from=yesterday&expiring=-3&sort=size&dir=up&page=7',
      ),
    );
    expect(parsed).toEqual({
      filters: { status: ['active'] },
      sort: DEFAULT_SORT,
      cursor: null,
      page: 1,
    });
  });

  it('gives the API input of a view', () => {
    const filters: ListFilters = { status: ['complete', 'active'], q: ' a ' };
    expect(listInputOf({ ...FIRST_PAGE_VIEW, filters }, 10)).toEqual({
      status: ['active', 'complete'],
      q: 'a',
      sort: DEFAULT_SORT,
      limit: 10,
    });
  });
});
