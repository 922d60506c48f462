import type { OpportunityEvent, Principal } from '@resale-kit/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Orm } from '../db/client.js';
import { events, offers, opportunities, users } from '../db/schema.js';
import { isId } from './errors.js';
import { offerColumns, toOffer } from './offers.js';
import { opportunityColumnsWithStatus, toOpportunity, visibleTo } from './rows.js';
import type { OpportunityDetails } from './types.js';

/** The opportunity, its CPPOs and its history; null when missing or not the caller's. */
export async function getOpportunity(
  orm: Orm,
  p: Principal,
  id: string,
  now: Date,
): Promise<OpportunityDetails | null> {
  if (!isId(id)) return null;
  const [row] = await orm
    .select(opportunityColumnsWithStatus(now))
    .from(opportunities)
    .where(and(eq(opportunities.id, id), visibleTo(p)));
  if (!row) return null;
  const [offerRows, eventRows] = await Promise.all([
    orm
      .select(offerColumns)
      .from(offers)
      .innerJoin(users, eq(users.id, offers.createdBy))
      .where(eq(offers.opportunityId, id))
      .orderBy(asc(offers.createdAt), asc(offers.seq)),
    orm
      .select({
        id: events.id,
        type: events.type,
        userId: users.id,
        userName: users.name,
        at: events.at,
        data: events.data,
      })
      .from(events)
      .innerJoin(users, eq(users.id, events.actorId))
      .where(eq(events.opportunityId, id))
      .orderBy(asc(events.at), asc(events.seq)),
  ]);
  return {
    opportunity: toOpportunity(row, now),
    offers: offerRows.map(toOffer),
    events: eventRows.map(
      (e): OpportunityEvent => ({
        id: e.id,
        opportunityId: id,
        type: e.type as OpportunityEvent['type'],
        actor: { userId: e.userId, name: e.userName },
        at: e.at.toISOString(),
        data: e.data ?? null,
      }),
    ),
  };
}
