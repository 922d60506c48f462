import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  deriveStatus,
  endDateToInstant,
  expiringWindowEnd,
  isExpiringWithin,
  STATUSES,
  summarize,
} from '../src/index.js';
import { arbCase, arbNowFor, arbStatusFields, at, fields, RUNS } from './fixtures.js';

const specific = (endDate: string) =>
  fields({ durationType: 'specific-duration', endDate, timesUsed: 1 });

describe('isExpiringWithin: the 30-day window at both edges', () => {
  // now + 30 days is exactly the last millisecond of 2026-03-31 (UTC).
  const now = at('2026-03-01T23:59:59.999Z');

  it('the window ends at now + days x 24 h', () => {
    expect(expiringWindowEnd(now, 30).toISOString()).toBe('2026-03-31T23:59:59.999Z');
  });

  it('upper edge: an end instant exactly at now + 30 days is in, 1 ms beyond is out', () => {
    expect(isExpiringWithin(specific('2026-03-31'), now, 30)).toBe(true);
    expect(isExpiringWithin(specific('2026-04-01'), now, 30)).toBe(false);
    // Moving now back by 1 ms puts the 2026-03-31 end instant 1 ms beyond the window.
    expect(isExpiringWithin(specific('2026-03-31'), new Date(now.getTime() - 1), 30)).toBe(false);
  });

  it('lower edge: expiring at its last Active millisecond, not once Expired', () => {
    const o = specific('2026-03-01');
    expect(isExpiringWithin(o, now, 30)).toBe(true);
    expect(deriveStatus(o, new Date(now.getTime() + 1))).toBe('expired');
    expect(isExpiringWithin(o, new Date(now.getTime() + 1), 30)).toBe(false);
  });

  it('counts Active opportunities only, and only those with an end date', () => {
    const inWindow = '2026-03-15';
    expect(isExpiringWithin(specific(inWindow), now, 30)).toBe(true);
    expect(
      isExpiringWithin({ ...specific(inWindow), restrictedAt: '2026-02-01T00:00:00Z' }, now, 30),
    ).toBe(false);
    expect(
      isExpiringWithin(
        fields({ durationType: 'single-use', endDate: inWindow, timesUsed: 1 }),
        now,
        30,
      ),
    ).toBe(false);
    expect(
      isExpiringWithin(
        fields({ durationType: 'single-use', endDate: inWindow, timesUsed: 0 }),
        now,
        30,
      ),
    ).toBe(true);
    expect(isExpiringWithin(fields({ durationType: 'no-set-duration' }), now, 30)).toBe(false);
    expect(isExpiringWithin(specific('2026-02-28'), now, 30)).toBe(false);
  });

  it('with 0 days only the end date of the current day is expiring', () => {
    expect(isExpiringWithin(specific('2026-03-01'), at('2026-03-01T23:59:59.999Z'), 0)).toBe(true);
    expect(isExpiringWithin(specific('2026-03-01'), at('2026-03-01T23:59:59.998Z'), 0)).toBe(false);
  });

  it('is Active with an end instant in [now, now + days x 24 h], for any input', () => {
    fc.assert(
      fc.property(arbCase, fc.nat({ max: 400 }), ({ o, now }, days) => {
        const expected =
          o.endDate !== null &&
          deriveStatus(o, now) === 'active' &&
          endDateToInstant(o.endDate).getTime() - now.getTime() <= days * DAY_MS;
        expect(isExpiringWithin(o, now, days)).toBe(expected);
        if (expected)
          expect(endDateToInstant(o.endDate as string).getTime()).toBeGreaterThanOrEqual(
            now.getTime(),
          );
      }),
      RUNS,
    );
  });

  it('the 30-day window at its edges, for any end date', () => {
    fc.assert(
      fc.property(arbStatusFields, (base) => {
        const o = {
          ...base,
          restrictedAt: null,
          timesUsed: 0,
          endDate: base.endDate ?? '2026-05-05',
        };
        const end = endDateToInstant(o.endDate).getTime();
        const nowAtUpperEdge = new Date(end - 30 * DAY_MS);
        expect(isExpiringWithin(o, nowAtUpperEdge, 30)).toBe(true);
        expect(isExpiringWithin(o, new Date(nowAtUpperEdge.getTime() - 1), 30)).toBe(false);
        expect(isExpiringWithin(o, new Date(end), 30)).toBe(true);
        expect(isExpiringWithin(o, new Date(end + 1), 30)).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('summarize', () => {
  it('counts nothing in an empty list', () => {
    expect(summarize([], at('2026-01-01T00:00:00Z'))).toEqual({
      active: 0,
      expiringIn30Days: 0,
      byStatus: { active: 0, expired: 0, restricted: 0, complete: 0 },
    });
  });

  it('counts the cards for a known mix', () => {
    const now = at('2026-03-01T12:00:00.000Z');
    const list = [
      specific('2026-03-10'), // active, expiring
      specific('2026-03-31'), // active, not expiring: its end instant is ~30.5 days ahead
      specific('2026-03-30'), // active, expiring: ~29.5 days ahead
      specific('2026-02-28'), // expired
      fields({ durationType: 'no-set-duration', timesUsed: 3 }), // active, no end date
      fields({ durationType: 'single-use', timesUsed: 1, endDate: '2026-03-05' }), // complete
      fields({ restrictedAt: '2026-02-01T00:00:00Z', timesUsed: 3 }), // restricted
      { ...specific('2026-03-05'), restrictedAt: '2026-02-01T00:00:00Z' }, // restricted
    ];
    expect(summarize(list, now)).toEqual({
      active: 4,
      expiringIn30Days: 2,
      byStatus: { active: 4, expired: 1, restricted: 2, complete: 1 },
    });
  });

  it('equals the per-row deriveStatus and isExpiringWithin counts, for any list', () => {
    const arbListAndNow = fc
      .array(arbStatusFields, { minLength: 1, maxLength: 40 })
      .chain((rows) =>
        fc
          .nat({ max: rows.length - 1 })
          .chain((i) => arbNowFor(rows[i] ?? fields()).map((now) => ({ rows, now }) as const)),
      );
    fc.assert(
      fc.property(arbListAndNow, ({ rows, now }) => {
        const summary = summarize(rows, now);
        for (const s of STATUSES) {
          expect(summary.byStatus[s]).toBe(rows.filter((o) => deriveStatus(o, now) === s).length);
        }
        expect(summary.active).toBe(summary.byStatus.active);
        expect(summary.expiringIn30Days).toBe(
          rows.filter((o) => isExpiringWithin(o, now, 30)).length,
        );
        expect(summary.expiringIn30Days).toBeLessThanOrEqual(summary.active);
        const total = Object.values(summary.byStatus).reduce((a, b) => a + b, 0);
        expect(total).toBe(rows.length);
      }),
      RUNS,
    );
  });
});
