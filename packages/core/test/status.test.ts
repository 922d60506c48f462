import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, deriveStatus, endDateToInstant, STATUSES, withStatus } from '../src/index.js';
import {
  arbCase,
  arbDurationType,
  arbEndDate,
  arbStatusFields,
  at,
  fields,
  ISV_ID,
  oracleStatus,
  PRODUCT_ID,
  RESELLER_ID,
  RUNS,
} from './fixtures.js';

describe('deriveStatus: properties', () => {
  it('gives exactly one status, the one domain.md describes, for any input', () => {
    fc.assert(
      fc.property(arbCase, ({ o, now }) => {
        const status = deriveStatus(o, now);
        expect(STATUSES).toContain(status);
        expect(status).toBe(oracleStatus(o, now));
        // Deterministic: the same input always gives the same single answer.
        expect(deriveStatus(o, new Date(now.getTime()))).toBe(status);
      }),
      RUNS,
    );
  });

  it('Restricted dominates every other field and every moment', () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        ({ o, now }, restrictedAt) => {
          expect(deriveStatus({ ...o, restrictedAt }, now)).toBe('restricted');
        },
      ),
      RUNS,
    );
  });

  it('Complete only for single use with times used >= 1, and then always (unless Restricted)', () => {
    fc.assert(
      fc.property(arbCase, ({ o, now }) => {
        const status = deriveStatus(o, now);
        const usedSingleUse = o.durationType === 'single-use' && o.timesUsed >= 1;
        expect(status === 'complete').toBe(usedSingleUse && o.restrictedAt === null);
      }),
      RUNS,
    );
  });

  it('multi-use types are never Complete, however often used', () => {
    fc.assert(
      fc.property(
        arbStatusFields.filter((o) => o.durationType !== 'single-use'),
        fc.nat({ max: 1_000_000 }),
        fc.date({ noInvalidDate: true }),
        (o, timesUsed, now) => {
          expect(deriveStatus({ ...o, timesUsed }, now)).not.toBe('complete');
        },
      ),
      RUNS,
    );
  });

  it('with fixed fields, once Expired it stays Expired as time moves forward', () => {
    fc.assert(
      fc.property(arbCase, fc.nat({ max: 400 * DAY_MS }), ({ o, now }, forward) => {
        const later = new Date(now.getTime() + forward);
        if (deriveStatus(o, now) === 'expired') {
          expect(deriveStatus(o, later)).toBe('expired');
        }
        // More generally, moving forward can only turn Active into Expired, nothing else.
        const before = deriveStatus(o, now);
        const after = deriveStatus(o, later);
        if (before !== after) expect([before, after]).toEqual(['active', 'expired']);
      }),
      RUNS,
    );
  });

  it('without an end date nothing expires, at any moment', () => {
    fc.assert(
      fc.property(arbStatusFields, fc.date({ noInvalidDate: true }), (o, now) => {
        expect(deriveStatus({ ...o, endDate: null }, now)).not.toBe('expired');
      }),
      RUNS,
    );
  });

  it('the end date is the end of that day in UTC: its last millisecond is Active, the next Expired', () => {
    fc.assert(
      fc.property(arbDurationType, arbEndDate, (durationType, endDate) => {
        const o = fields({ durationType, endDate, timesUsed: 0 });
        const last = Date.parse(`${endDate}T23:59:59.999Z`);
        expect(deriveStatus(o, new Date(last))).toBe('active');
        expect(deriveStatus(o, new Date(last + 1))).toBe('expired');
        // The whole day itself, from its first millisecond, is still Active.
        expect(deriveStatus(o, new Date(Date.parse(`${endDate}T00:00:00.000Z`)))).toBe('active');
      }),
      RUNS,
    );
  });
});

describe('deriveStatus: the end-of-day boundary, by example', () => {
  const o = fields({ durationType: 'specific-duration', endDate: '2026-03-08', timesUsed: 2 });

  it.each([
    ['2026-03-08T00:00:00.000Z', 'active'],
    ['2026-03-08T23:59:59.999Z', 'active'],
    ['2026-03-09T00:00:00.000Z', 'expired'],
    // The same instants written with offsets: only the instant matters, never a local date.
    ['2026-03-09T13:59:59.999+14:00', 'active'],
    ['2026-03-09T14:00:00.000+14:00', 'expired'],
    ['2026-03-08T13:59:59.999-10:00', 'active'],
    ['2026-03-08T14:00:00.000-10:00', 'expired'],
  ] as const)('at %s it is %s', (iso, status) => {
    expect(deriveStatus(o, at(iso))).toBe(status);
  });

  it('uses the same instant endDateToInstant gives', () => {
    expect(endDateToInstant('2026-03-08').toISOString()).toBe('2026-03-08T23:59:59.999Z');
  });
});

describe('withStatus', () => {
  const wire = {
    id: '7a8b9c0d-1e2f-4a3b-8c4d-6e7f8091a2b3',
    isvId: ISV_ID,
    name: 'Spring promo',
    description: null,
    productId: PRODUCT_ID,
    productName: 'Widget',
    resellerId: RESELLER_ID,
    resellerName: 'Acme',
    discount: { type: 'percentage', percent: 12 },
    durationType: 'specific-duration',
    endDate: '2026-03-08',
    restrictedAt: null,
    timesUsed: 2,
    createdAt: '2026-01-01T00:00:00.000Z',
    clonedFromId: null,
  } as const;

  it('re-derives status on a wire-shaped opportunity and keeps every other field', () => {
    const active = withStatus(wire, at('2026-03-08T23:59:59.999Z'));
    const expired = withStatus(wire, at('2026-03-09T00:00:00.000Z'));
    expect(active.status).toBe('active');
    expect(expired.status).toBe('expired');
    expect({ ...expired, status: undefined }).toEqual({ ...wire, status: undefined });
  });

  it('agrees with deriveStatus for any fields', () => {
    fc.assert(
      fc.property(arbCase, ({ o, now }) => {
        const withIt = withStatus({ ...wire, ...o }, now);
        expect(withIt.status).toBe(deriveStatus(o, now));
      }),
      RUNS,
    );
  });
});
