import { randomUUID } from 'node:crypto';
import {
  type CloneOpportunityInput,
  CloneOpportunityInputSchema,
  DomainError,
  durationIssues,
  endDateToInstant,
  fieldIssue,
  instantToEndDate,
  type Opportunity,
} from '@resale-kit/core';
import { and, eq } from 'drizzle-orm';
import type { Orm } from '../db/client.js';
import { CounterDelta } from '../db/counters.js';
import { isvResellers, opportunities, products } from '../db/schema.js';
import { notFound, parseInput } from './errors.js';
import { appendEvents } from './events.js';
import { toBps, toOpportunity } from './rows.js';
import type { IsvPrincipal } from './types.js';

/** Same product, reseller, discount and duration type; times used 0; clonedFrom set. */
export async function cloneOpportunity(
  orm: Orm,
  p: IsvPrincipal,
  input: CloneOpportunityInput,
  now: Date,
): Promise<Opportunity> {
  const v = parseInput(CloneOpportunityInputSchema, input);
  return orm.transaction(async (tx) => {
    const [src] = await tx
      .select()
      .from(opportunities)
      .where(and(eq(opportunities.id, v.id), eq(opportunities.isvId, p.isvId)));
    if (!src) throw notFound();

    // An end date already past must be replaced by the caller: core's duration rules say so.
    const endDate =
      v.endDate !== undefined ? v.endDate : src.endAt ? instantToEndDate(src.endAt) : null;
    const issues = durationIssues({ durationType: src.durationType as 'single-use', endDate }, now);
    // A copy is a new opportunity: its product must not be archived, its reseller still linked.
    const [product] = await tx
      .select({ archivedAt: products.archivedAt })
      .from(products)
      .where(eq(products.id, src.productId))
      .for('share');
    if (product?.archivedAt) issues.push(fieldIssue('productId', 'archived'));
    const [link] = await tx
      .select({ unlinkedAt: isvResellers.unlinkedAt })
      .from(isvResellers)
      .where(and(eq(isvResellers.isvId, p.isvId), eq(isvResellers.resellerId, src.resellerId)))
      .for('share');
    if (!link || link.unlinkedAt) issues.push(fieldIssue('resellerId', 'not_partner'));
    if (issues.length) throw DomainError.invalid(issues);

    const [row] = await tx
      .insert(opportunities)
      .values({
        id: randomUUID(),
        isvId: p.isvId,
        productId: src.productId,
        productName: src.productName,
        resellerId: src.resellerId,
        resellerName: src.resellerName,
        name: v.name ?? src.name,
        description: v.description !== undefined ? v.description : src.description,
        discountBps: v.discount ? toBps(v.discount.percent) : src.discountBps,
        durationType: src.durationType,
        endAt: endDate ? endDateToInstant(endDate) : null,
        restrictedAt: null,
        timesUsed: 0,
        createdAt: now,
        createdBy: p.userId,
        clonedFromId: src.id,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendEvents(tx, [
      {
        opportunityId: row.id,
        isvId: p.isvId,
        type: 'cloned',
        actorId: p.userId,
        at: now,
        data: { fromId: src.id },
      },
    ]);
    await new CounterDelta().add(row).flush(tx, p.isvId);
    return toOpportunity(row, now);
  });
}
