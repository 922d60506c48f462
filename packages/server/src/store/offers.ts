import { randomUUID } from 'node:crypto';
import {
  type CreateOfferInput,
  CreateOfferInputSchema,
  canUse,
  type Offer,
} from '@resale-kit/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Orm, Tx } from '../db/client.js';
import { CounterDelta } from '../db/counters.js';
import { offers, opportunities, users } from '../db/schema.js';
import { isId, notFound, parseInput } from './errors.js';
import { appendEvents } from './events.js';
import { statusFields, toOpportunity } from './rows.js';
import { type CreateOfferResult, type ResellerPrincipal, StoreError } from './types.js';

const keyReused = () =>
  new StoreError(
    'IDEMPOTENCY_KEY_REUSED',
    'idempotencyKey was already used for a different offer request',
  );

/** An offer row in core's wire shape, with the creator's name. */
async function readOffer(tx: Tx, id: string): Promise<Offer> {
  const [row] = await tx
    .select({
      id: offers.id,
      opportunityId: offers.opportunityId,
      resellerId: offers.resellerId,
      buyerAccountId: offers.buyerAccountId,
      userId: users.id,
      userName: users.name,
      createdAt: offers.createdAt,
    })
    .from(offers)
    .innerJoin(users, eq(users.id, offers.createdBy))
    .where(eq(offers.id, id));
  if (!row) throw new Error(`offer ${id} vanished`);
  return toOffer(row);
}

export function toOffer(row: {
  id: string;
  opportunityId: string;
  resellerId: string;
  buyerAccountId: string;
  userId: string;
  userName: string;
  createdAt: Date;
}): Offer {
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
 * Records a CPPO and counts the use in one transaction. The opportunity row is locked first,
 * so uses of one opportunity run one after another: a single-use one yields exactly one offer,
 * and a repeated key (checked under that lock) sees the first request's committed offer.
 */
export async function createOffer(
  orm: Orm,
  p: ResellerPrincipal,
  input: CreateOfferInput,
  now: Date,
): Promise<CreateOfferResult> {
  const v = parseInput(CreateOfferInputSchema, input);
  if (!isId(v.opportunityId)) throw notFound();
  return orm.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(opportunities)
      .where(and(eq(opportunities.id, v.opportunityId), eq(opportunities.resellerId, p.resellerId)))
      .for('update');
    if (!before) throw notFound();

    const [seen] = await tx
      .select({ id: offers.id, opportunityId: offers.opportunityId, buyer: offers.buyerAccountId })
      .from(offers)
      .where(and(eq(offers.resellerId, p.resellerId), eq(offers.idempotencyKey, v.idempotencyKey)));
    if (seen) {
      if (seen.opportunityId !== before.id || seen.buyer !== v.buyerAccountId) throw keyReused();
      return {
        offer: await readOffer(tx, seen.id),
        opportunity: toOpportunity(before, now),
        replayed: true,
      };
    }

    const guard = canUse({ ...statusFields(before), resellerId: before.resellerId }, p, now);
    if (!guard.ok) {
      throw new StoreError(
        'OPPORTUNITY_NOT_ACTIVE',
        `opportunity cannot be used: ${guard.reason}`,
        undefined,
        guard.reason,
      );
    }

    // The key may be racing on another opportunity: the unique index decides, we never wait it out twice.
    const offerId = randomUUID();
    const inserted = await tx
      .insert(offers)
      .values({
        id: offerId,
        opportunityId: before.id,
        resellerId: p.resellerId,
        buyerAccountId: v.buyerAccountId,
        idempotencyKey: v.idempotencyKey,
        createdBy: p.userId,
        createdAt: now,
      })
      .onConflictDoNothing({ target: [offers.resellerId, offers.idempotencyKey] })
      .returning({ id: offers.id });
    if (inserted.length === 0) throw keyReused();

    const [after] = await tx
      .update(opportunities)
      .set({ timesUsed: sql`${opportunities.timesUsed} + 1` })
      .where(eq(opportunities.id, before.id))
      .returning();
    if (!after) throw new Error('locked opportunity vanished');
    await new CounterDelta().change(before, after).flush(tx, before.isvId);
    await appendEvents(tx, [
      {
        opportunityId: before.id,
        isvId: before.isvId,
        type: 'used',
        actorId: p.userId,
        at: now,
        data: { offerId, buyerAccountId: v.buyerAccountId },
      },
    ]);
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
  });
}
