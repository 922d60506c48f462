import type { ListFilters } from './inputs.js';
import {
  EXPIRING_WINDOW_DAYS,
  type SortDirection,
  type SortField,
  STATUSES,
  type Status,
} from './vocabulary.js';

// Free of zod, like vocabulary.ts: components use these without pulling the schemas in.

export interface ListSort {
  field: SortField;
  direction: SortDirection;
}
export const DEFAULT_SORT: ListSort = { field: 'createdAt', direction: 'desc' };

/**
 * The canonical form of filters that select the same rows: statuses in STATUSES order without
 * repeats (all four = none), text trimmed, ids lower-case, instants in UTC, empty values
 * dropped. Two filters select the same rows when their canonical forms are equal.
 */
export function normalizeListFilters(f: ListFilters): ListFilters {
  const status = STATUSES.filter((s) => f.status?.includes(s));
  const q = f.q?.trim();
  const instant = (t: string | undefined) => {
    const ms = t ? Date.parse(t) : Number.NaN;
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  };
  const out: ListFilters = {
    status: status.length > 0 && status.length < STATUSES.length ? status : undefined,
    productId: f.productId?.toLowerCase() || undefined,
    resellerId: f.resellerId?.toLowerCase() || undefined,
    q: q || undefined,
    createdFrom: instant(f.createdFrom),
    createdTo: instant(f.createdTo),
    expiringWithinDays: f.expiringWithinDays ?? undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** True when the filters narrow the list (a table then says "No matches", not "No opportunities"). */
export const isFiltering = (f: ListFilters): boolean =>
  Object.keys(normalizeListFilters(f)).length > 0;

/** A summary card: "Expiring in 30 days", or one per status. */
export type SummaryCardId = 'expiring' | Status;

/** The filters a summary card applies when clicked. */
export function summaryCardFilters(card: SummaryCardId): ListFilters {
  return card === 'expiring'
    ? { status: ['active'], expiringWithinDays: EXPIRING_WINDOW_DAYS }
    : { status: [card] };
}

/** The card whose filters are exactly these (to mark it pressed), or null. */
export function summaryCardOf(f: ListFilters): SummaryCardId | null {
  const key = JSON.stringify(normalizeListFilters(f));
  const cards: SummaryCardId[] = ['expiring', ...STATUSES];
  return (
    cards.find((c) => JSON.stringify(normalizeListFilters(summaryCardFilters(c))) === key) ?? null
  );
}
