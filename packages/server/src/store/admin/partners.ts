import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, fieldIssue, type Invitation, type Partner } from '@resale-kit/core';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Orm, Tx } from '../../db/client.js';
import { isvResellers, isvs, partnerInvitations, resellers } from '../../db/schema.js';
import { hashApiKey } from '../auth.js';
import type { IsvPrincipal, ResellerPrincipal } from '../types.js';
import { recordAudit } from './audit.js';

const DAY_MS = 86_400_000;

/** The ISV's partners, linked and unlinked (an unlinked one shows when it stopped). */
export async function listPartners(orm: Orm, p: IsvPrincipal): Promise<Partner[]> {
  const rows = await orm
    .select({
      resellerId: resellers.id,
      name: resellers.name,
      linkedAt: isvResellers.linkedAt,
      unlinkedAt: isvResellers.unlinkedAt,
    })
    .from(isvResellers)
    .innerJoin(resellers, eq(resellers.id, isvResellers.resellerId))
    .where(eq(isvResellers.isvId, p.isvId))
    .orderBy(asc(resellers.name), asc(resellers.id));
  return rows.map((r) => ({
    resellerId: r.resellerId,
    name: r.name,
    linkedAt: r.linkedAt.toISOString(),
    unlinkedAt: r.unlinkedAt?.toISOString() ?? null,
  }));
}

/** Links (or links again) a reseller to an ISV: one row per pair, kept when unlinked. */
async function link(tx: Tx, isvId: string, resellerId: string, now: Date): Promise<Partner> {
  const [reseller] = await tx
    .select({ id: resellers.id, name: resellers.name })
    .from(resellers)
    .where(eq(resellers.id, resellerId));
  if (!reseller) throw DomainError.invalid([fieldIssue('resellerId', 'not_found')]);
  const [row] = await tx
    .insert(isvResellers)
    .values({ isvId, resellerId, linkedAt: now })
    .onConflictDoUpdate({
      target: [isvResellers.isvId, isvResellers.resellerId],
      set: { linkedAt: now, unlinkedAt: null },
    })
    .returning();
  return {
    resellerId,
    name: reseller.name,
    linkedAt: (row?.linkedAt ?? now).toISOString(),
    unlinkedAt: null,
  };
}

/** An ISV admin links a reseller organization it knows the id of. */
export function linkPartner(orm: Orm, p: IsvPrincipal, resellerId: string, now: Date) {
  return orm.transaction(async (tx) => {
    const partner = await link(tx, p.isvId, resellerId, now);
    await recordAudit(tx, p, 'partner.linked', resellerId, now);
    return partner;
  });
}

/** New opportunities can no longer target it; existing ones stay as they are. */
export function unlinkPartner(orm: Orm, p: IsvPrincipal, resellerId: string, now: Date) {
  return orm.transaction(async (tx) => {
    const [row] = await tx
      .update(isvResellers)
      .set({ unlinkedAt: now })
      .where(
        and(
          eq(isvResellers.isvId, p.isvId),
          eq(isvResellers.resellerId, resellerId),
          isNull(isvResellers.unlinkedAt),
        ),
      )
      .returning();
    if (!row) throw new DomainError('NOT_FOUND', `Reseller ${resellerId} is not a partner`);
    await recordAudit(tx, p, 'partner.unlinked', resellerId, now);
    return { resellerId, unlinkedAt: now.toISOString() };
  });
}

/** A one-time code the ISV hands to a reseller; only its hash is stored. */
export function createInvitation(
  orm: Orm,
  p: IsvPrincipal,
  expiresInDays: number,
  now: Date,
): Promise<Invitation> {
  return orm.transaction(async (tx) => {
    const code = `rkinv_${randomBytes(18).toString('base64url')}`;
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + expiresInDays * DAY_MS);
    await tx.insert(partnerInvitations).values({
      id,
      isvId: p.isvId,
      codeHash: hashApiKey(code),
      createdBy: p.userId,
      createdAt: now,
      expiresAt,
    });
    await recordAudit(tx, p, 'partner.invitation_created', id, now, {
      expiresAt: expiresAt.toISOString(),
    });
    return { id, code, expiresAt: expiresAt.toISOString() };
  });
}

/**
 * A reseller admin redeems an ISV's code: the two become partners. A code works once and
 * until it expires; an unknown, used or expired code is the same NOT_FOUND.
 */
export function redeemInvitation(orm: Orm, p: ResellerPrincipal, code: string, now: Date) {
  return orm.transaction(async (tx) => {
    const [inv] = await tx
      .update(partnerInvitations)
      .set({ redeemedAt: now, redeemedBy: p.resellerId })
      .where(
        and(
          eq(partnerInvitations.codeHash, hashApiKey(code)),
          isNull(partnerInvitations.redeemedAt),
          gt(partnerInvitations.expiresAt, now),
        ),
      )
      .returning({ id: partnerInvitations.id, isvId: partnerInvitations.isvId });
    if (!inv) throw new DomainError('NOT_FOUND', 'No such invitation (unknown, used or expired)');
    await link(tx, inv.isvId, p.resellerId, now);
    const [isv] = await tx.select({ name: isvs.name }).from(isvs).where(eq(isvs.id, inv.isvId));
    await recordAudit(tx, p, 'partner.invitation_redeemed', inv.isvId, now, {
      invitationId: inv.id,
    });
    return { isvId: inv.isvId, isvName: isv?.name ?? '' };
  });
}
