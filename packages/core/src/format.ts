import type { Discount } from './schemas.js';

// Building an Intl.NumberFormat costs far more than using one: a table formats every row.
const formatters = new Map<string, Intl.NumberFormat>();

/** `Percentage (12%)`, `Percentage (12.5%)`: the "Discount type" column. */
export function formatDiscount(discount: Discount, locale = 'en-US'): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    formatters.set(locale, formatter);
  }
  return `Percentage (${formatter.format(discount.percent / 100)})`;
}
