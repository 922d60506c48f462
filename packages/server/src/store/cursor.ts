import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  DomainError,
  IdSchema,
  IsoInstantSchema,
  isStorableText,
  type ListFilters,
  MAX_CURSOR_LENGTH,
  normalizeListFilters,
  type SortDirection,
  type SortField,
  StatusSchema,
} from '@resale-kit/core';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Orm } from '../db/client.js';
import { serverSecrets } from '../db/schema.js';

/**
 * Keyset cursors: the sort key and id of the row a page starts after (next) or ends before
 * (prev), with the sort and the filters (as a digest) they belong to. Base64url JSON and an
 * HMAC of it (`<payload>.<mac>`): a cursor decoded, edited and re-encoded is INVALID_CURSOR,
 * and only then is the payload parsed and validated.
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

const text = z.string().max(400).refine(isStorableText);
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

/** Bytes of HMAC-SHA256 kept in a cursor: 128 bits, 22 base64url characters. */
const MAC_BYTES = 16;
const macOf = (key: Buffer, payload: string) =>
  createHmac('sha256', key).update(payload).digest().subarray(0, MAC_BYTES);

/**
 * The cursor signing key of this database: created once (by whichever process gets there
 * first) in `server_secrets`, so every process on the database signs and checks alike.
 */
export async function loadCursorKey(orm: Orm): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64url');
  await orm.insert(serverSecrets).values({ name: 'cursor', value: fresh }).onConflictDoNothing();
  const [row] = await orm
    .select({ value: serverSecrets.value })
    .from(serverSecrets)
    .where(eq(serverSecrets.name, 'cursor'));
  if (!row) throw new Error('server_secrets: the cursor key could not be created');
  return Buffer.from(row.value, 'base64url');
}

export function encodeCursor(c: Cursor, key: Buffer): string {
  const body = {
    d: c.dir === 'next' ? 'n' : 'p',
    f: c.field,
    o: c.direction,
    h: c.filters,
    k: c.key,
    i: c.id,
  };
  return sealCursor(body, key);
}

/** Any JSON body as a signed cursor (encodeCursor's wire form; tests forge bodies with it). */
export function sealCursor(body: unknown, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${payload}.${macOf(key, payload).toString('base64url')}`;
}

/** The JSON body of a cursor, unchecked (for tests and benchmarks that move a cursor). */
export const cursorBody = (cursor: string): unknown =>
  JSON.parse(Buffer.from(cursor.split('.')[0] ?? '', 'base64url').toString('utf8'));

/** Decodes and checks a cursor against the list's sort and filters; anything off -> INVALID_CURSOR. */
export function decodeCursor(
  raw: string,
  field: SortField,
  direction: SortDirection,
  filters: string,
  key: Buffer,
): Cursor {
  if (raw.length > MAX_CURSOR_LENGTH) throw invalid(`longer than ${MAX_CURSOR_LENGTH} characters`);
  const parts = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(raw);
  if (!parts) throw invalid('garbled');
  const [, payload = '', mac = ''] = parts;
  const given = Buffer.from(mac, 'base64url');
  const expected = macOf(key, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid('altered, or signed by another database');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
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
