import { createHash } from 'node:crypto';
import {
  DomainError,
  IdSchema,
  IsoInstantSchema,
  type ListFilters,
  normalizeListFilters,
  type SortDirection,
  type SortField,
  StatusSchema,
} from '@resale-kit/core';
import { z } from 'zod';

/**
 * Keyset cursors: the sort key and id of the row a page starts after (next) or ends before
 * (prev), with the sort and the filters (as a digest) they belong to. Opaque base64url JSON,
 * validated on the way back in.
 */
export interface Cursor {
  dir: 'next' | 'prev';
  field: SortField;
  direction: SortDirection;
  /** filtersDigest of the list the cursor was issued for. */
  filters: string;
  key: string | number;
  id: string;
}

/**
 * A short digest of the filters, equal for inputs that select the same rows (core's
 * normalizeListFilters). Not `limit`: the page size may change between pages.
 */
export function filtersDigest(f: ListFilters): string {
  const canonical = JSON.stringify(normalizeListFilters(f));
  return createHash('sha256').update(canonical).digest().subarray(0, 9).toString('base64url');
}

const text = z.string().max(400);
const int = z.number().int().min(0).max(2_147_483_647);
/** What a key must look like for each sort field. */
const KEY_SCHEMAS: Record<SortField, z.ZodType<string | number>> = {
  name: text,
  productName: text,
  resellerName: text,
  status: StatusSchema,
  timesUsed: int,
  id: IdSchema,
  discount: int,
  createdAt: IsoInstantSchema,
  // An end instant, or 'infinity' for a row without an end date (sorted last ascending).
  endDate: z.union([IsoInstantSchema, z.literal('infinity')]),
};

const CursorSchema = z.object({
  d: z.enum(['n', 'p']),
  f: z.string(),
  o: z.enum(['asc', 'desc']),
  // Optional so that a cursor from before digests reads as "different filters", not garbled.
  h: z.string().optional(),
  k: z.union([z.string(), z.number()]),
  i: IdSchema,
});

const invalid = (why: string) =>
  new DomainError(
    'INVALID_CURSOR',
    `cursor is not a cursor this API issued for this list (${why})`,
  );

export function encodeCursor(c: Cursor): string {
  const body = {
    d: c.dir === 'next' ? 'n' : 'p',
    f: c.field,
    o: c.direction,
    h: c.filters,
    k: c.key,
    i: c.id,
  };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** Decodes and checks a cursor against the list's sort and filters; anything off -> INVALID_CURSOR. */
export function decodeCursor(
  raw: string,
  field: SortField,
  direction: SortDirection,
  filters: string,
): Cursor {
  if (!/^[A-Za-z0-9_-]{1,1024}$/.test(raw)) throw invalid('not base64url');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid('garbled');
  }
  const parsed = CursorSchema.safeParse(json);
  if (!parsed.success) throw invalid('garbled');
  const c = parsed.data;
  if (c.f !== field || c.o !== direction) throw invalid('issued for a different sort');
  if (c.h !== filters) throw invalid('issued for different filters');
  if (!KEY_SCHEMAS[field].safeParse(c.k).success) throw invalid('bad key');
  return { dir: c.d === 'n' ? 'next' : 'prev', field, direction, filters, key: c.k, id: c.i };
}
