import { randomUUID } from 'node:crypto';
import type { AuditEntry, Principal } from '@resale-kit/core';
import { desc, eq } from 'drizzle-orm';
import type { Orm, Tx } from '../../db/client.js';
import { auditLog, users } from '../../db/schema.js';

/** The organization a principal belongs to: its kind and the ISV's or reseller's id. */
export const orgOf = (p: Principal) =>
  p.kind === 'isv'
    ? { kind: 'isv' as const, id: p.isvId }
    : { kind: 'reseller' as const, id: p.resellerId };

export type Org = ReturnType<typeof orgOf>;

/**
 * Records what an admin did, in the transaction that did it. `actor` is a principal, or the
 * organization alone when the operator acted from the CLI (no user: actor_id null).
 */
export async function recordAudit(
  tx: Tx,
  actor: Principal | { operator: Org },
  action: string,
  targetId: string | null,
  at: Date,
  data: Record<string, unknown> | null = null,
): Promise<void> {
  const org = 'operator' in actor ? actor.operator : orgOf(actor);
  await tx.insert(auditLog).values({
    id: randomUUID(),
    orgKind: org.kind,
    orgId: org.id,
    actorId: 'operator' in actor ? null : actor.userId,
    action,
    targetId,
    at,
    data,
  });
}

/** The organization's audit trail, newest first. */
export async function listAudit(orm: Orm, p: Principal, limit: number): Promise<AuditEntry[]> {
  const rows = await orm
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorId: auditLog.actorId,
      actorName: users.name,
      targetId: auditLog.targetId,
      at: auditLog.at,
      data: auditLog.data,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.orgId, orgOf(p).id))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actor: r.actorId ? { userId: r.actorId, name: r.actorName ?? '' } : null,
    targetId: r.targetId,
    at: r.at.toISOString(),
    data: r.data ?? null,
  }));
}
