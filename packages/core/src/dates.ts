/**
 * End dates are calendar dates ('YYYY-MM-DD') that mean the end of that day in UTC.
 * Everything here works on UTC fields only, so the process time zone never matters.
 */

export const DAY_MS = 86_400_000;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a real calendar date written as 'YYYY-MM-DD' (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  // Date.parse rolls '2026-02-30' over to March 2 (and Date.UTC maps years 0-99 to 1900-1999),
  // so a date is real only when it survives the round trip unchanged.
  const t = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

/** The last millisecond of the given day in UTC: '2026-01-31' -> 2026-01-31T23:59:59.999Z. */
export function endDateToInstant(endDate: string): Date {
  if (!isCalendarDate(endDate)) throw new RangeError(`endDate: not a calendar date: ${endDate}`);
  return new Date(Date.parse(`${endDate}T00:00:00.000Z`) + DAY_MS - 1);
}

/** The UTC calendar date an instant falls on: the inverse of `endDateToInstant`. */
export function instantToEndDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Today's date in UTC, the earliest end date a new opportunity may have. */
export function todayUtc(now: Date): string {
  return instantToEndDate(now);
}

/** Adds whole days to a calendar date. */
export function addDays(date: string, days: number): string {
  return instantToEndDate(new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS));
}
