/** Locale-aware formatting through `Intl`, shared by every component. Formatters are cached. */

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

const cache = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat>();

/** One formatter per kind and locale: creating them is far costlier than using them. */
function cached<T extends Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat>(
  key: string,
  create: () => T,
): T {
  let f = cache.get(key);
  if (!f) {
    f = create();
    cache.set(key, f);
  }
  return f as T;
}

/** "3 months ago", "in 2 days", "now": the largest unit that fits, relative to `now`. */
export function formatRelativeTime(instant: Date, now: Date, locale: string): string {
  const seconds = (instant.getTime() - now.getTime()) / 1000;
  const abs = Math.abs(seconds);
  const rtf = cached(`r${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'second') {
      return rtf.format(Math.round(seconds / size), unit);
    }
  }
  return rtf.format(0, 'second');
}

/** The exact date and time, with its time zone, for a tooltip. */
export function formatDateTime(instant: Date, locale: string): string {
  return cached(
    `d${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long' }),
  ).format(instant);
}

/** A calendar date ('2026-07-31', read as UTC) in the locale's medium style: "Jul 31, 2026". */
export function formatCalendarDate(date: string, locale: string): string {
  return cached(
    `c${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(new Date(`${date}T00:00:00Z`));
}

/** A whole number in the locale's digits and grouping. */
export function formatNumber(value: number, locale: string): string {
  return cached(`n${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A percent (12 -> "12%") in the locale's style, with at most two decimals. */
export function formatPercent(percent: number, locale: string): string {
  return cached(
    `p${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }),
  ).format(percent / 100);
}
