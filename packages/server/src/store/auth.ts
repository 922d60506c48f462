import { createHash, randomBytes } from 'node:crypto';
import { KEY_LAST_USED_RESOLUTION_MS, type Principal, type Role } from '@resale-kit/core';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Orm } from '../db/client.js';
import { apiKeys, users } from '../db/schema.js';

/** API keys are random and high-entropy: a fast hash is enough, and lookups are by hash. */
export const hashApiKey = (apiKey: string): string =>
  createHash('sha256').update(apiKey, 'utf8').digest('hex');

/** Characters of a key kept in clear so a person can tell keys apart ('rk_' and 8 more). */
export const KEY_PREFIX_LENGTH = 11;
export const keyPrefix = (apiKey: string): string => apiKey.slice(0, KEY_PREFIX_LENGTH);

/** A new secret: 'rk_' and 32 base64url characters (192 random bits). */
export const newApiKeySecret = (): string => `rk_${randomBytes(24).toString('base64url')}`;

/** A principal from a users row. */
export function principalOf(row: {
  userId: string;
  name: string;
  role: string;
  isvId: string | null;
  resellerId: string | null;
}): Principal | null {
  const role = row.role as Role;
  if (row.isvId) return { kind: 'isv', userId: row.userId, name: row.name, role, isvId: row.isvId };
  if (row.resellerId) {
    return {
      kind: 'reseller',
      userId: row.userId,
      name: row.name,
      role,
      resellerId: row.resellerId,
    };
  }
  return null;
}

/** What a key resolved to: its principal, and until when that answer holds at the latest. */
export interface KeyAuth {
  principal: Principal;
  keyId: string;
  /** The key's expiry or the end of its rotation grace period, whichever comes first. */
  validUntil: Date | null;
}

/**
 * The key lookup of every request, as a prepared statement: its text never changes, so
 * Postgres parses and plans it once per connection and each request is one round trip.
 * A key works while it is neither revoked (or past its rotation grace period) nor expired
 * and its user is not removed, all judged at the request's clock.
 */
export function prepareResolveApiKey(
  orm: Orm,
): (apiKey: string, now: Date) => Promise<KeyAuth | null> {
  // An ISO string, cast in SQL: placeholders skip the column's Date encoder on postgres.js.
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  const lookup = orm
    .select({
      keyId: apiKeys.id,
      userId: users.id,
      name: users.name,
      role: users.role,
      isvId: users.isvId,
      resellerId: users.resellerId,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(
      and(
        eq(apiKeys.keyHash, sql.placeholder('hash')),
        or(isNull(apiKeys.revokedAt), gt(apiKeys.revokedAt, now)),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
        isNull(users.removedAt),
      ),
    )
    .limit(1)
    .prepare('resolve_api_key');

  // Keys whose last-used time this process wrote recently: at most one write a minute each.
  const touched = new Map<string, number>();
  const touch = (keyId: string, last: Date | null, now: Date) => {
    const since = now.getTime() - KEY_LAST_USED_RESOLUTION_MS;
    if ((last && last.getTime() > since) || (touched.get(keyId) ?? -Infinity) > since) return;
    if (touched.size > 10_000) touched.clear();
    touched.set(keyId, now.getTime());
    // Not awaited: the request never waits on this write, and a failure only loses a timestamp.
    orm
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, keyId),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(since))),
        ),
      )
      .then(
        () => {},
        () => {},
      );
  };

  return async (apiKey, at) => {
    if (typeof apiKey !== 'string' || apiKey.length === 0 || apiKey.length > 512) return null;
    const [row] = await lookup.execute({ hash: hashApiKey(apiKey), now: at.toISOString() });
    if (!row) return null;
    const principal = principalOf(row);
    if (!principal) return null;
    touch(row.keyId, row.lastUsedAt, at);
    const ends = [row.expiresAt, row.revokedAt].filter((d): d is Date => d !== null);
    const validUntil = ends.length ? new Date(Math.min(...ends.map((d) => d.getTime()))) : null;
    return { principal, keyId: row.keyId, validUntil };
  };
}
