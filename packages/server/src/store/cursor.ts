import {
  IdSchema,
  IsoInstantSchema,
  type SortDirection,
  type SortField,
  StatusSchema,
} from '@resale-kit/core';
import { z } from 'zod';
import { StoreError } from './types.js';

/**
 * Keyset cursors: the sort key and id of the row a page starts after (next) or ends before
 * (prev), with the sort they belong to. Opaque base64url JSON, validated on the way back in.
 */
export interface Cursor {
  dir: 'next' | 'prev';
  field: SortField;
  direction: SortDirection;
  key: string | number;
  id: string;
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
};

const CursorSchema = z.object({
  d: z.enum(['n', 'p']),
  f: z.string(),
  o: z.enum(['asc', 'desc']),
  k: z.union([z.string(), z.number()]),
  i: IdSchema,
});

const invalid = (why: string) =>
  new StoreError('INVALID_CURSOR', `cursor is not a cursor this API issued for this list (${why})`);

export function encodeCursor(c: Cursor): string {
  const body = { d: c.dir === 'next' ? 'n' : 'p', f: c.field, o: c.direction, k: c.key, i: c.id };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** Decodes and checks a cursor against the list's sort; anything off -> INVALID_CURSOR. */
export function decodeCursor(raw: string, field: SortField, direction: SortDirection): Cursor {
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
  if (!KEY_SCHEMAS[field].safeParse(c.k).success) throw invalid('bad key');
  return { dir: c.d === 'n' ? 'next' : 'prev', field, direction, key: c.k, id: c.i };
}
