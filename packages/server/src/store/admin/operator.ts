import { randomUUID } from 'node:crypto';
import type { ApiKeyInfo, CreatedApiKey, OrgKind, OrgUser } from '@resale-kit/core';
import { asc, eq, sql } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { isvs, resellers } from '../../db/schema.js';
import { type Org, recordAudit } from './audit.js';
import { insertKey, listKeys, revokeKeyIn } from './keys.js';
import { insertUser } from './users.js';

/**
 * What the operator (whoever runs the server) does from the CLI, straight on the database:
 * no principal, no network. The audit trail records these with no actor.
 */

export interface Organization {
  kind: OrgKind;
  id: string;
  name: string;
  createdAt: string;
  users: number;
}

export interface CreatedOrganization {
  organization: { kind: OrgKind; id: string; name: string };
  admin: OrgUser;
  apiKey: CreatedApiKey;
}

/** A new ISV or reseller with its first admin and that admin's key (the secret shown once). */
export function createOrganization(
  orm: Orm,
  input: { kind: OrgKind; name: string; adminName: string; adminEmail?: string | null },
  now: Date,
): Promise<CreatedOrganization> {
  return orm.transaction(async (tx) => {
    const id = randomUUID();
    const table = input.kind === 'isv' ? isvs : resellers;
    await tx.insert(table).values({ id, name: input.name, createdAt: now });
    const org: Org = { kind: input.kind, id };
    const admin = await insertUser(
      tx,
      org,
      { name: input.adminName, email: input.adminEmail ?? null, role: 'admin' },
      now,
    );
    const apiKey = await insertKey(
      tx,
      org,
      { userId: admin.id, label: 'initial admin key', expiresAt: null, createdBy: null },
      now,
    );
    const operator = { operator: org };
    await recordAudit(tx, operator, 'organization.created', id, now, { name: input.name });
    await recordAudit(tx, operator, 'api_key.created', apiKey.key.id, now, {
      userId: admin.id,
      prefix: apiKey.key.prefix,
    });
    return { organization: { kind: input.kind, id, name: input.name }, admin, apiKey };
  });
}

export async function listOrganizations(orm: Orm): Promise<Organization[]> {
  // Table-qualified by hand: inside the subquery a bare "id" would mean the user's id.
  const count = (table: 'isvs' | 'resellers', col: 'isv_id' | 'reseller_id') =>
    sql<number>`(select count(*)::int from users u where u.${sql.raw(col)} = ${sql.raw(`"${table}"."id"`)} and u.removed_at is null)`;
  const [i, r] = await Promise.all([
    orm
      .select({
        id: isvs.id,
        name: isvs.name,
        createdAt: isvs.createdAt,
        users: count('isvs', 'isv_id'),
      })
      .from(isvs)
      .orderBy(asc(isvs.name)),
    orm
      .select({
        id: resellers.id,
        name: resellers.name,
        createdAt: resellers.createdAt,
        users: count('resellers', 'reseller_id'),
      })
      .from(resellers)
      .orderBy(asc(resellers.name)),
  ]);
  const out = (kind: OrgKind) => (row: (typeof i)[number]) => ({
    kind,
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    users: Number(row.users),
  });
  return [...i.map(out('isv')), ...r.map(out('reseller'))];
}

/** The organization (ISV or reseller) with this id, or null. */
export async function findOrganization(orm: Orm, id: string): Promise<Org | null> {
  const [isv] = await orm.select({ id: isvs.id }).from(isvs).where(eq(isvs.id, id));
  if (isv) return { kind: 'isv', id };
  const [reseller] = await orm
    .select({ id: resellers.id })
    .from(resellers)
    .where(eq(resellers.id, id));
  return reseller ? { kind: 'reseller', id } : null;
}

export function operatorCreateKey(
  orm: Orm,
  org: Org,
  input: { userId: string; label: string; expiresAt: string | null },
  now: Date,
): Promise<CreatedApiKey> {
  return orm.transaction(async (tx) => {
    const created = await insertKey(tx, org, { ...input, createdBy: null }, now);
    await recordAudit(tx, { operator: org }, 'api_key.created', created.key.id, now, {
      userId: input.userId,
      prefix: created.key.prefix,
    });
    return created;
  });
}

export const operatorListKeys = (orm: Orm, org: Org): Promise<ApiKeyInfo[]> => listKeys(orm, org);

export function operatorRevokeKey(orm: Orm, org: Org, id: string, now: Date): Promise<ApiKeyInfo> {
  return orm.transaction(async (tx) => {
    const key = await revokeKeyIn(tx, org, id, null, now);
    await recordAudit(tx, { operator: org }, 'api_key.revoked', id, now, { prefix: key.prefix });
    return key;
  });
}
