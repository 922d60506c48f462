import { randomUUID } from 'node:crypto';
import {
  type ApiKeyInfo,
  type CreateApiKeyInput,
  type CreatedApiKey,
  DomainError,
  fieldIssue,
  type Principal,
  type RotateApiKeyInput,
} from '@resale-kit/core';
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Orm, Tx } from '../../db/client.js';
import { apiKeys, users } from '../../db/schema.js';
import { hashApiKey, keyPrefix, newApiKeySecret } from '../auth.js';
import { type Org, orgOf, recordAudit } from './audit.js';
import { notifyAuthChange } from './notify.js';
import { orgColumn } from './users.js';

const keyColumns = {
  id: apiKeys.id,
  prefix: apiKeys.prefix,
  label: apiKeys.label,
  userId: users.id,
  userName: users.name,
  createdAt: apiKeys.createdAt,
  expiresAt: apiKeys.expiresAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};
type KeyRow = {
  id: string;
  prefix: string | null;
  label: string | null;
  userId: string;
  userName: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const toInfo = (r: KeyRow): ApiKeyInfo => ({
  id: r.id,
  prefix: r.prefix,
  label: r.label,
  user: { id: r.userId, name: r.userName },
  createdAt: r.createdAt.toISOString(),
  expiresAt: r.expiresAt?.toISOString() ?? null,
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

/** Every key of the organization's users, newest first; never a secret. */
export async function listKeys(orm: Orm, org: Org): Promise<ApiKeyInfo[]> {
  const rows = await orm
    .select(keyColumns)
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(eq(orgColumn(org), org.id))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(toInfo);
}

/** A key of the organization, locked; NOT_FOUND for another organization's or a missing one. */
async function ownKey(tx: Tx, org: Org, id: string): Promise<KeyRow> {
  const [row] = await tx
    .select(keyColumns)
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(and(eq(apiKeys.id, id), eq(orgColumn(org), org.id)))
    .for('update', { of: apiKeys });
  if (!row) throw new DomainError('NOT_FOUND', `No API key ${id}`);
  return row;
}

/** Inserts a key for `userId` (an active user of `org`); the secret is returned, never kept. */
export async function insertKey(
  tx: Tx,
  org: Org,
  input: {
    userId: string;
    label: string | null;
    expiresAt: string | null;
    createdBy: string | null;
  },
  now: Date,
): Promise<CreatedApiKey> {
  if (input.expiresAt && new Date(input.expiresAt) <= now) {
    throw DomainError.invalid([
      fieldIssue('expiresAt', 'not_in_future', { now: now.toISOString() }),
    ]);
  }
  const [user] = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, input.userId), eq(orgColumn(org), org.id), isNull(users.removedAt)));
  if (!user) throw DomainError.invalid([fieldIssue('userId', 'not_found')]);
  const secret = newApiKeySecret();
  const row = {
    id: randomUUID(),
    userId: user.id,
    keyHash: hashApiKey(secret),
    prefix: keyPrefix(secret),
    label: input.label,
    createdAt: now,
    createdBy: input.createdBy,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
  };
  await tx.insert(apiKeys).values(row);
  const key = toInfo({ ...row, userName: user.name, lastUsedAt: null, revokedAt: null });
  return { key, secret };
}

export function createKey(orm: Orm, p: Principal, input: CreateApiKeyInput, now: Date) {
  return orm.transaction(async (tx) => {
    const created = await insertKey(
      tx,
      orgOf(p),
      {
        userId: input.userId ?? p.userId,
        label: input.label,
        expiresAt: input.expiresAt,
        createdBy: p.userId,
      },
      now,
    );
    await recordAudit(tx, p, 'api_key.created', created.key.id, now, {
      userId: created.key.user.id,
      prefix: created.key.prefix,
      label: created.key.label,
    });
    return created;
  });
}

const stillWorks = (r: KeyRow, now: Date) =>
  (r.revokedAt === null || r.revokedAt > now) && (r.expiresAt === null || r.expiresAt > now);

/** Revokes at `now`; a key in a rotation's grace period stops now too. Idempotent. */
export async function revokeKeyIn(
  tx: Tx,
  org: Org,
  id: string,
  by: string | null,
  now: Date,
): Promise<ApiKeyInfo> {
  const key = await ownKey(tx, org, id);
  if (key.revokedAt !== null && key.revokedAt <= now) return toInfo(key);
  await tx
    .update(apiKeys)
    .set({ revokedAt: now, revokedBy: by })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.revokedAt), gt(apiKeys.revokedAt, now))));
  await notifyAuthChange(tx);
  return toInfo({ ...key, revokedAt: now });
}

export function revokeKey(orm: Orm, p: Principal, id: string, now: Date) {
  return orm.transaction(async (tx) => {
    const key = await revokeKeyIn(tx, orgOf(p), id, p.userId, now);
    await recordAudit(tx, p, 'api_key.revoked', id, now, { prefix: key.prefix });
    return key;
  });
}

/**
 * A new key for the same user; the old one keeps working `graceSeconds` more (0: stops now),
 * so a deployment can switch over without a failed request.
 */
export function rotateKey(orm: Orm, p: Principal, input: RotateApiKeyInput, now: Date) {
  return orm.transaction(async (tx) => {
    const org = orgOf(p);
    const old = await ownKey(tx, org, input.id);
    if (!stillWorks(old, now)) {
      throw new DomainError(
        'CONFLICT',
        `API key ${input.id} is revoked or expired: create a new one`,
      );
    }
    const created = await insertKey(
      tx,
      org,
      {
        userId: old.userId,
        label: input.label ?? old.label,
        expiresAt: input.expiresAt,
        createdBy: p.userId,
      },
      now,
    );
    const until = new Date(now.getTime() + input.graceSeconds * 1000);
    await tx
      .update(apiKeys)
      .set({ revokedAt: until, revokedBy: p.userId })
      .where(eq(apiKeys.id, old.id));
    await notifyAuthChange(tx);
    await recordAudit(tx, p, 'api_key.rotated', old.id, now, {
      newKeyId: created.key.id,
      graceSeconds: input.graceSeconds,
    });
    return { ...created, previous: toInfo({ ...old, revokedAt: until }) };
  });
}
