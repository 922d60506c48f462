import type { Discount } from './schemas.js';

/** `Percentage (12%)`, `Percentage (12.5%)`: the "Discount type" column. */
export function formatDiscount(discount: Discount, locale = 'en-US'): string {
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 2,
  }).format(discount.percent / 100);
  return `Percentage (${percent})`;
}
