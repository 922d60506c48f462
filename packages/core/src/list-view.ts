import type { z } from 'zod';
import {
  type ListFilters,
  ListFiltersSchema,
  type ListOpportunitiesInput,
  ListOpportunitiesInputSchema,
  SortFieldSchema,
} from './inputs.js';
import { DEFAULT_SORT, type ListSort, normalizeListFilters } from './list-filters.js';
import { StatusSchema } from './schemas.js';
import type { Status } from './vocabulary.js';

/** What a page of the list shows: filters, sort, and the page's cursor and number. */
export interface ListView {
  filters: ListFilters;
  sort: ListSort;
  /** The opaque cursor of the page shown; null for the first page. */
  cursor: string | null;
  /** The 1-based number of the page shown ("Page 2 of 8"); 1 without a cursor. */
  page: number;
}

export const FIRST_PAGE_VIEW: ListView = { filters: {}, sort: DEFAULT_SORT, cursor: null, page: 1 };

/** URL parameter names, short so shared links stay readable. */
const PARAM = {
  status: 'status',
  productId: 'product',
  resellerId: 'reseller',
  q: 'q',
  createdFrom: 'from',
  createdTo: 'to',
  expiringWithinDays: 'expiring',
  sortField: 'sort',
  sortDirection: 'dir',
  cursor: 'cursor',
  page: 'page',
} as const;

/**
 * Reads a list view from URL parameters. Each value is checked with the API's own schema;
 * anything unknown or malformed falls back to its default, so a hand-edited link never fails.
 */
export function parseListView(params: URLSearchParams): ListView {
  const read = <T>(schema: z.ZodType<T>, raw: unknown): T | undefined => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
  const shape = ListFiltersSchema.shape;
  const text = (name: string) => params.get(name) || undefined;
  const expiring = text(PARAM.expiringWithinDays);
  const filters = normalizeListFilters({
    status: (text(PARAM.status) ?? '')
      .split(',')
      .filter((s): s is Status => read(StatusSchema, s) !== undefined),
    productId: read(shape.productId, text(PARAM.productId)),
    resellerId: read(shape.resellerId, text(PARAM.resellerId)),
    q: read(shape.q, text(PARAM.q)),
    createdFrom: read(shape.createdFrom, text(PARAM.createdFrom)),
    createdTo: read(shape.createdTo, text(PARAM.createdTo)),
    expiringWithinDays: expiring ? read(shape.expiringWithinDays, Number(expiring)) : undefined,
  });
  const field = read(SortFieldSchema, text(PARAM.sortField));
  const sort: ListSort = field
    ? { field, direction: params.get(PARAM.sortDirection) === 'asc' ? 'asc' : 'desc' }
    : DEFAULT_SORT;
  const cursor = read(ListOpportunitiesInputSchema.shape.cursor, text(PARAM.cursor)) ?? null;
  const page = Number(params.get(PARAM.page));
  return { filters, sort, cursor, page: cursor && Number.isInteger(page) && page > 1 ? page : 1 };
}

/** Writes a list view as URL parameters, leaving defaults out: the inverse of `parseListView`. */
export function formatListView(view: ListView): URLSearchParams {
  const params = new URLSearchParams();
  const f = normalizeListFilters(view.filters);
  if (f.status) params.set(PARAM.status, f.status.join(','));
  if (f.productId) params.set(PARAM.productId, f.productId);
  if (f.resellerId) params.set(PARAM.resellerId, f.resellerId);
  if (f.q) params.set(PARAM.q, f.q);
  if (f.createdFrom) params.set(PARAM.createdFrom, f.createdFrom);
  if (f.createdTo) params.set(PARAM.createdTo, f.createdTo);
  if (f.expiringWithinDays !== undefined) {
    params.set(PARAM.expiringWithinDays, String(f.expiringWithinDays));
  }
  if (view.sort.field !== DEFAULT_SORT.field || view.sort.direction !== DEFAULT_SORT.direction) {
    params.set(PARAM.sortField, view.sort.field);
    params.set(PARAM.sortDirection, view.sort.direction);
  }
  if (view.cursor) {
    params.set(PARAM.cursor, view.cursor);
    params.set(PARAM.page, String(view.page));
  }
  return params;
}

/** The `opportunities.list` input for a view and a page size. */
export function listInputOf(view: ListView, limit: number): ListOpportunitiesInput {
  return {
    ...normalizeListFilters(view.filters),
    sort: view.sort,
    ...(view.cursor ? { cursor: view.cursor } : {}),
    limit,
  };
}
