import { randomUUID } from 'node:crypto';
import {
  type CreateUserInput,
  DomainError,
  fieldIssue,
  type OrgUser,
  type Principal,
  type Role,
} from '@resale-kit/core';
import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Orm, Tx } from '../../db/client.js';
import { apiKeys, users } from '../../db/schema.js';
import { type Org, orgOf, recordAudit } from './audit.js';
import { notifyAuthChange } from './notify.js';

type UserRow = typeof users.$inferSelect;

export const toOrgUser = (r: UserRow): OrgUser => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role as Role,
  createdAt: r.createdAt.toISOString(),
});

/** The users column that names an organization of this kind. */
export const orgColumn = (org: Org) => (org.kind === 'isv' ? users.isvId : users.resellerId);

export async function listUsers(orm: Orm, p: Principal): Promise<OrgUser[]> {
  const org = orgOf(p);
  const rows = await orm
    .select()
    .from(users)
    .where(and(eq(orgColumn(org), org.id), isNull(users.removedAt)))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map(toOrgUser);
}

/** Inserts a user of `org` (the operator's init and an admin's create share it). */
export async function insertUser(
  tx: Tx,
  org: Org,
  input: { name: string; email: string | null; role: Role; subject?: string | null },
  now: Date,
): Promise<OrgUser> {
  const [row] = await tx
    .insert(users)
    .values({
      id: randomUUID(),
      name: input.name,
      email: input.email,
      role: input.role,
      subject: input.subject ?? null,
      isvId: org.kind === 'isv' ? org.id : null,
      resellerId: org.kind === 'reseller' ? org.id : null,
      createdAt: now,
    })
    .returning();
  return toOrgUser(row as UserRow);
}

export function createUser(orm: Orm, p: Principal, input: CreateUserInput, now: Date) {
  return orm.transaction(async (tx) => {
    const user = await insertUser(tx, orgOf(p), input, now);
    await recordAudit(tx, p, 'user.created', user.id, now, { name: user.name, role: user.role });
    return user;
  });
}

/**
 * The organization's active users, locked: the target and every admin. Locking the admins
 * serializes concurrent demotions and removals, so two admins cannot demote each other and
 * leave none (each sees the other's committed change when its lock is granted).
 */
async function lockTarget(tx: Tx, p: Principal, userId: string) {
  const org = orgOf(p);
  const rows = await tx
    .select()
    .from(users)
    .where(
      and(
        eq(orgColumn(org), org.id),
        isNull(users.removedAt),
        or(eq(users.id, userId), eq(users.role, 'admin')),
      ),
    )
    .orderBy(asc(users.id))
    .for('update');
  const target = rows.find((r) => r.id === userId);
  if (!target) throw new DomainError('NOT_FOUND', `No user ${userId}`);
  const admins = rows.filter((r) => r.role === 'admin').length;
  return { target, lastAdmin: target.role === 'admin' && admins <= 1 };
}

export function changeRole(orm: Orm, p: Principal, userId: string, role: Role, now: Date) {
  return orm.transaction(async (tx) => {
    const { target, lastAdmin } = await lockTarget(tx, p, userId);
    if (target.role === role) return toOrgUser(target);
    if (lastAdmin) throw DomainError.invalid([fieldIssue('role', 'last_admin')]);
    const [row] = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning();
    await recordAudit(tx, p, 'user.role_changed', userId, now, { from: target.role, to: role });
    await notifyAuthChange(tx);
    return toOrgUser(row as UserRow);
  });
}

/** The user's row stays (history names it); it and its keys stop working at once. */
export function removeUser(orm: Orm, p: Principal, userId: string, now: Date) {
  return orm.transaction(async (tx) => {
    const { lastAdmin } = await lockTarget(tx, p, userId);
    if (lastAdmin) throw DomainError.invalid([fieldIssue('userId', 'last_admin')]);
    await tx.update(users).set({ removedAt: now }).where(eq(users.id, userId));
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: now, revokedBy: p.userId })
      .where(
        and(eq(apiKeys.userId, userId), or(isNull(apiKeys.revokedAt), gt(apiKeys.revokedAt, now))),
      )
      .returning({ id: apiKeys.id });
    await recordAudit(tx, p, 'user.removed', userId, now, { keysRevoked: revoked.length });
    await notifyAuthChange(tx);
    return { userId, removedAt: now.toISOString(), keysRevoked: revoked.length };
  });
}
