import type { OrgKind, Principal, Role } from '@resale-kit/core';
import { and, eq, isNull } from 'drizzle-orm';
import type { Orm } from '../../db/client.js';
import { users } from '../../db/schema.js';
import { principalOf } from '../auth.js';
import { findOrganization } from './operator.js';
import { orgColumn } from './users.js';

/** Who the host portal's sign-in says is calling (e.g. a verified JWT's claims). */
export interface SignedInIdentity {
  /** When given, the organization must be of this kind. */
  kind?: OrgKind;
  /** The ISV's or reseller's id in resale-kit. */
  orgId: string;
  /** The user's stable id in the portal's sign-in (a JWT's `sub`). */
  subject: string;
  name: string;
  role: Role;
  email?: string | null;
}

/**
 * The principal of a signed-in portal user. The user row is created on first sight (so the
 * audit trail and opportunities name the person), and its name and role follow the sign-in's
 * claims. Null when the organization does not exist or the user was removed in resale-kit:
 * removal wins over a still-valid session.
 */
export async function resolveSignedIn(
  orm: Orm,
  id: SignedInIdentity,
  now: Date,
): Promise<Principal | null> {
  const org = await findOrganization(orm, id.orgId);
  if (!org || (id.kind && org.kind !== id.kind)) return null;
  const where = and(eq(orgColumn(org), org.id), eq(users.subject, id.subject));
  let [row] = await orm.select().from(users).where(where);
  if (!row) {
    await orm
      .insert(users)
      .values({
        id: crypto.randomUUID(),
        name: id.name,
        email: id.email ?? null,
        role: id.role,
        subject: id.subject,
        isvId: org.kind === 'isv' ? org.id : null,
        resellerId: org.kind === 'reseller' ? org.id : null,
        createdAt: now,
      })
      .onConflictDoNothing();
    [row] = await orm.select().from(users).where(where);
  } else if (!row.removedAt && (row.role !== id.role || row.name !== id.name)) {
    [row] = await orm
      .update(users)
      .set({ role: id.role, name: id.name })
      .where(and(eq(users.id, row.id), isNull(users.removedAt)))
      .returning();
  }
  if (!row || row.removedAt) return null;
  return principalOf({ ...row, userId: row.id });
}
