import { randomUUID } from 'node:crypto';
import {
  type CreateOfferInput,
  CreateOfferInputSchema,
  canUse,
  DomainError,
  type Offer,
} from '@resale-kit/core';
import { and, eq } from 'drizzle-orm';
import type { Orm } from '../db/client.js';
import { offers, users } from '../db/schema.js';
import { isId, notFound, parseInput } from './errors.js';
import { statusFields, toOpportunity } from './rows.js';
import type { CreateOfferResult, ResellerPrincipal } from './types.js';
import { runUse, type SeenOffer } from './use-sql.js';

const keyReused = () =>
  new DomainError(
    'IDEMPOTENCY_KEY_REUSED',
    'idempotencyKey was already used for a different offer request',
  );

/** The committed offer of an idempotency key (read after the statement: a fresh snapshot). */
async function offerByKey(orm: Orm, resellerId: string, key: string): Promise<SeenOffer | null> {
  const [row] = await orm
    .select(offerColumns)
    .from(offers)
    .innerJoin(users, eq(users.id, offers.createdBy))
    .where(and(eq(offers.resellerId, resellerId), eq(offers.idempotencyKey, key)));
  return row ?? null;
}

/** An offer's columns, with its creator (join `users` on `offers.created_by`). */
export const offerColumns = {
  id: offers.id,
  opportunityId: offers.opportunityId,
  resellerId: offers.resellerId,
  buyerAccountId: offers.buyerAccountId,
  userId: users.id,
  userName: users.name,
  createdAt: offers.createdAt,
};

export function toOffer(row: SeenOffer): Offer {
  return {
    id: row.id,
    opportunityId: row.opportunityId,
    resellerId: row.resellerId,
    buyerAccountId: row.buyerAccountId,
    createdBy: { userId: row.userId, name: row.userName },
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Records a CPPO and counts the use in one statement (use-sql.ts). The opportunity row is locked
 * first, so uses of one opportunity run one after another: a single-use one yields exactly one
 * offer. A repeated key returns the first offer; when the statement saw no offer and inserted
 * none (it waited for the lock or for a racing insert of the same key), a fresh read of the key
 * decides between a replay, a reused key and the guard's refusal, in that order, as before.
 */
export async function createOffer(
  orm: Orm,
  p: ResellerPrincipal,
  input: CreateOfferInput,
  now: Date,
): Promise<CreateOfferResult> {
  const v = parseInput(CreateOfferInputSchema, input);
  if (!isId(v.opportunityId)) throw notFound();
  const offerId = randomUUID();
  const out = await runUse(orm, {
    offerId,
    eventId: randomUUID(),
    opportunityId: v.opportunityId,
    resellerId: p.resellerId,
    userId: p.userId,
    buyerAccountId: v.buyerAccountId,
    idempotencyKey: v.idempotencyKey,
    now,
  });
  const { before, after } = out;
  if (!before) throw notFound();
  if (after) {
    return {
      offer: toOffer({
        id: offerId,
        opportunityId: before.id,
        resellerId: p.resellerId,
        buyerAccountId: v.buyerAccountId,
        userId: p.userId,
        userName: p.name,
        createdAt: now,
      }),
      opportunity: toOpportunity(after, now),
      replayed: false,
    };
  }

  const seen = out.seen ?? (await offerByKey(orm, p.resellerId, v.idempotencyKey));
  if (seen) {
    if (seen.opportunityId !== before.id || seen.buyerAccountId !== v.buyerAccountId) {
      throw keyReused();
    }
    return { offer: toOffer(seen), opportunity: toOpportunity(before, now), replayed: true };
  }
  // The guard passed but the insert found the key taken by an offer that is gone: cannot
  // happen (offers are never deleted); answer as a key conflict, never as a success.
  if (out.usable) throw keyReused();
  const guard = canUse({ ...statusFields(before), resellerId: before.resellerId }, p, now);
  if (guard.ok) throw new Error('status SQL and core disagree: the row is usable in core only');
  throw new DomainError('OPPORTUNITY_NOT_ACTIVE', `opportunity cannot be used: ${guard.reason}`, {
    reason: guard.reason,
  });
}
