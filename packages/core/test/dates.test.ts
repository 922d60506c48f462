import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  DAY_MS,
  endDateToInstant,
  instantToEndDate,
  isCalendarDate,
  todayUtc,
} from '../src/index.js';
import { arbAnyCalendarDate, at, RUNS } from './fixtures.js';

describe('end dates: the end of the day in UTC', () => {
  it.each([
    ['2026-01-31', '2026-01-31T23:59:59.999Z'],
    ['2024-02-29', '2024-02-29T23:59:59.999Z'],
    ['2026-03-08', '2026-03-08T23:59:59.999Z'], // a DST change day in America/Adak
    ['2026-12-31', '2026-12-31T23:59:59.999Z'],
    ['0050-06-01', '0050-06-01T23:59:59.999Z'],
  ])('endDateToInstant(%s) is %s', (date, iso) => {
    expect(endDateToInstant(date).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-01-31T00:00:00.000Z', '2026-01-31'],
    ['2026-01-31T23:59:59.999Z', '2026-01-31'],
    ['2026-02-01T00:00:00.000Z', '2026-02-01'],
    ['2026-01-31T23:30:00.000-10:00', '2026-02-01'],
    ['2026-02-01T08:00:00.000+14:00', '2026-01-31'],
  ])('instantToEndDate(%s) is %s', (iso, date) => {
    expect(instantToEndDate(at(iso))).toBe(date);
  });

  it('date -> instant -> date round-trips for every calendar date 0000-9999', () => {
    fc.assert(
      fc.property(arbAnyCalendarDate, (date) => {
        expect(isCalendarDate(date)).toBe(true);
        const instant = endDateToInstant(date);
        expect(instant.toISOString()).toBe(`${date}T23:59:59.999Z`);
        expect(instantToEndDate(instant)).toBe(date);
      }),
      RUNS,
    );
  });

  it('instant -> date -> instant gives the last millisecond of the same UTC day', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00.000Z'),
          max: new Date('9999-12-31T23:59:59.999Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          const end = endDateToInstant(instantToEndDate(instant)).getTime();
          expect(end).toBeGreaterThanOrEqual(instant.getTime());
          expect(end - instant.getTime()).toBeLessThan(DAY_MS);
          expect(Math.abs((end + 1) % DAY_MS)).toBe(0); // the next instant starts a UTC day
        },
      ),
      RUNS,
    );
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '2026-1-01',
    '26-01-01',
    '2026/01/01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '',
  ])('rejects %j as a calendar date', (value) => {
    expect(isCalendarDate(value)).toBe(false);
    expect(() => endDateToInstant(value)).toThrow(RangeError);
  });

  it.each(['2024-02-29', '2000-02-29', '2026-02-28', '0000-01-01', '0099-12-31', '9999-12-31'])(
    'accepts %s',
    (value) => {
      expect(isCalendarDate(value)).toBe(true);
    },
  );

  it('todayUtc is the UTC date, whatever the local date is', () => {
    // Local date in Kiritimati (+14) is already 2026-03-11; in Adak (-10) still 2026-03-10.
    expect(todayUtc(at('2026-03-10T23:30:00.000Z'))).toBe('2026-03-10');
    expect(todayUtc(at('2026-03-10T00:30:00.000Z'))).toBe('2026-03-10');
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-07', 2, '2026-03-09'], // across Adak's DST change
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-15', 0, '2026-01-15'],
  ] as const)('addDays(%s, %i) is %s', (date, days, result) => {
    expect(addDays(date, days)).toBe(result);
  });

  it('addDays(d, n) then addDays(-n) round-trips and moves the end instant by n x 24 h', () => {
    fc.assert(
      fc.property(
        arbAnyCalendarDate.filter((d) => d >= '0100-01-01' && d <= '9899-12-31'),
        fc.integer({ min: -36_500, max: 36_500 }),
        (date, n) => {
          const moved = addDays(date, n);
          expect(isCalendarDate(moved)).toBe(true);
          expect(addDays(moved, -n)).toBe(date);
          expect(endDateToInstant(moved).getTime() - endDateToInstant(date).getTime()).toBe(
            n * DAY_MS,
          );
        },
      ),
      RUNS,
    );
  });
});
