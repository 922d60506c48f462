import { createHash } from 'node:crypto';
import type { Principal } from '@resale-kit/core';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Orm } from '../db/client.js';
import { apiKeys, users } from '../db/schema.js';

/** API keys are random and high-entropy: a fast hash is enough, and lookups are by hash. */
export const hashApiKey = (apiKey: string): string =>
  createHash('sha256').update(apiKey, 'utf8').digest('hex');

/**
 * The key lookup of every request, as a prepared statement: its text never changes, so
 * Postgres parses and plans it once per connection and each request is one round trip.
 */
export function prepareAuthenticate(orm: Orm): (apiKey: string) => Promise<Principal | null> {
  const lookup = orm
    .select({
      userId: users.id,
      name: users.name,
      isvId: users.isvId,
      resellerId: users.resellerId,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.keyHash, sql.placeholder('hash')), isNull(apiKeys.revokedAt)))
    .limit(1)
    .prepare('authenticate');

  return async (apiKey) => {
    if (typeof apiKey !== 'string' || apiKey.length === 0 || apiKey.length > 512) return null;
    const [row] = await lookup.execute({ hash: hashApiKey(apiKey) });
    if (!row) return null;
    if (row.isvId) return { kind: 'isv', userId: row.userId, name: row.name, isvId: row.isvId };
    if (row.resellerId) {
      return { kind: 'reseller', userId: row.userId, name: row.name, resellerId: row.resellerId };
    }
    return null;
  };
}
