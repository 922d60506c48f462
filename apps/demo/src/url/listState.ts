import {
  SORT_FIELDS,
  type SortDirection,
  type SortField,
  STATUSES,
  type Status,
} from '@resale-kit/core';

/** What the table shows: filters, sort and page, all kept in the query string. */
export interface ListState {
  status: Status[];
  productId: string | null;
  resellerId: string | null;
  q: string;
  /** "Expiring within N days" (set by the "Expiring in 30 days" card). */
  expiringWithinDays: number | null;
  sort: { field: SortField; direction: SortDirection };
  /** The opaque cursor of the page shown; null for the first page. */
  cursor: string | null;
  /** The 1-based number of the page shown (for "Page 2 of 8"). */
  page: number;
}

export const DEFAULT_SORT: ListState['sort'] = { field: 'createdAt', direction: 'desc' };
export const PAGE_SIZE = 10;

export const EMPTY_LIST_STATE: ListState = {
  status: [],
  productId: null,
  resellerId: null,
  q: '',
  expiringWithinDays: null,
  sort: DEFAULT_SORT,
  cursor: null,
  page: 1,
};

const isStatus = (s: string): s is Status => (STATUSES as readonly string[]).includes(s);
const isSortField = (s: string): s is SortField => (SORT_FIELDS as readonly string[]).includes(s);

/** Reads the list state from a query string; anything unknown falls back to the default. */
export function parseListState(search: string): ListState {
  const params = new URLSearchParams(search);
  const status = (params.get('status') ?? '').split(',').filter(isStatus);
  const field = params.get('sort') ?? '';
  const direction = params.get('dir') === 'asc' ? 'asc' : 'desc';
  const expiring = Number.parseInt(params.get('expiring') ?? '', 10);
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const cursor = params.get('cursor');
  return {
    status: [...new Set(status)],
    productId: params.get('product') || null,
    resellerId: params.get('reseller') || null,
    q: params.get('q') ?? '',
    expiringWithinDays: Number.isInteger(expiring) && expiring >= 0 ? expiring : null,
    sort: isSortField(field) ? { field, direction } : DEFAULT_SORT,
    cursor: cursor || null,
    page: cursor && Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Writes the list state as a query string, leaving defaults out. */
export function serializeListState(state: ListState): string {
  const params = new URLSearchParams();
  if (state.status.length) params.set('status', state.status.join(','));
  if (state.productId) params.set('product', state.productId);
  if (state.resellerId) params.set('reseller', state.resellerId);
  if (state.q) params.set('q', state.q);
  if (state.expiringWithinDays !== null) params.set('expiring', String(state.expiringWithinDays));
  if (state.sort.field !== DEFAULT_SORT.field || state.sort.direction !== DEFAULT_SORT.direction) {
    params.set('sort', state.sort.field);
    params.set('dir', state.sort.direction);
  }
  if (state.cursor) {
    params.set('cursor', state.cursor);
    params.set('page', String(state.page));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when a filter narrows the list (the table then says "No matches" instead of "No opportunities"). */
export function isFiltering(state: ListState): boolean {
  return (
    state.status.length > 0 ||
    state.productId !== null ||
    state.resellerId !== null ||
    state.q.trim() !== '' ||
    state.expiringWithinDays !== null
  );
}

/** The `opportunities.list` input for a list state. */
export function toListInput(state: ListState) {
  return {
    ...(state.status.length ? { status: state.status } : {}),
    ...(state.productId ? { productId: state.productId } : {}),
    ...(state.resellerId ? { resellerId: state.resellerId } : {}),
    ...(state.q.trim() ? { q: state.q.trim() } : {}),
    ...(state.expiringWithinDays !== null ? { expiringWithinDays: state.expiringWithinDays } : {}),
    sort: state.sort,
    ...(state.cursor ? { cursor: state.cursor } : {}),
    limit: PAGE_SIZE,
  };
}
