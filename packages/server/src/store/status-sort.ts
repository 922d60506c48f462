import { type SortDirection, STATUSES, type Status } from '@resale-kit/core';

/**
 * Sorting by status, as segments. The list sorted by status is ordered by the status value
 * (the text the cursor carries as its key), then by id in the same direction. Status is
 * derived, so no index holds that order; but each status, taken alone, is a set of rows an
 * index can walk in id order. So the list is the statuses' segments one after the other, each
 * in id order: a page reads at most a page of rows from each segment instead of sorting the
 * whole tenant. This module only decides which segments a page reads; list.ts turns them into
 * SQL with status-sql.ts's predicates.
 */

/**
 * The statuses in ascending sort order: the order of their values as text. The values are
 * lower-case ASCII words, which every collation orders the same way (code point order).
 */
export const STATUS_SORT_ORDER: readonly Status[] = [...STATUSES].sort();

/** The statuses in the list's order for a direction. */
export function statusSortOrder(direction: SortDirection): Status[] {
  return direction === 'asc' ? [...STATUS_SORT_ORDER] : [...STATUS_SORT_ORDER].reverse();
}

/** A position in the list sorted by status: a row's status and id (a cursor's key and id). */
export interface StatusPosition {
  status: Status;
  id: string;
}

/**
 * One segment a query reads: the rows of `status`, in id order (the list's direction), and
 * only those past `from` (inclusive or not) when the position lies in this segment.
 */
export interface StatusSegment {
  status: Status;
  from?: { id: string; inclusive: boolean };
}

/**
 * The segments holding the rows after `from` in the list's order for `direction` (all rows
 * when `from` is null), in that order, restricted to the statuses the filters allow: the
 * position's own segment from its id on, the later ones whole, the earlier ones not at all.
 * Rows before a position in one direction are the rows after it in the other.
 */
export function segmentsAfter(
  direction: SortDirection,
  allowed: readonly Status[],
  from: (StatusPosition & { inclusive: boolean }) | null,
): StatusSegment[] {
  const order = statusSortOrder(direction);
  const start = from ? order.indexOf(from.status) : 0;
  if (start < 0) throw new RangeError(`status: unknown status ${String(from?.status)}`);
  return order
    .slice(start)
    .filter((status) => allowed.includes(status))
    .map((status) =>
      from && status === from.status
        ? { status, from: { id: from.id, inclusive: from.inclusive } }
        : { status },
    );
}
