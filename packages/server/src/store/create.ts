import { randomUUID } from 'node:crypto';
import {
  type CreateOpportunity,
  DomainError,
  endDateToInstant,
  type FieldIssue,
  fieldIssue,
  type Opportunity,
  validateCreateOpportunity,
} from '@resale-kit/core';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Orm } from '../db/client.js';
import { CounterDelta } from '../db/counters.js';
import { isvResellers, opportunities, products, resellers } from '../db/schema.js';
import { appendEvents } from './events.js';
import { toBps, toOpportunity } from './rows.js';
import type { IsvPrincipal } from './types.js';

/** One opportunity per product x reseller pair, in one transaction: all or nothing. */
export async function createOpportunities(
  orm: Orm,
  p: IsvPrincipal,
  input: CreateOpportunity,
  now: Date,
): Promise<Opportunity[]> {
  // Static and clock-dependent rules (end date per duration type, not in the past) from core.
  const checked = validateCreateOpportunity(input, now);
  if (!checked.ok) throw DomainError.invalid(checked.issues);
  const v = checked.value;

  return orm.transaction(async (tx) => {
    // FOR SHARE: an archive or an unlink running now waits for this create, or this create
    // sees its result; never an opportunity on a product archived before the create commits.
    const [productRows, resellerRows] = await Promise.all([
      tx
        .select({ id: products.id, name: products.name, archivedAt: products.archivedAt })
        .from(products)
        .where(and(eq(products.isvId, p.isvId), inArray(products.id, v.productIds)))
        .for('share'),
      tx
        .select({ id: resellers.id, name: resellers.name })
        .from(resellers)
        .innerJoin(isvResellers, eq(isvResellers.resellerId, resellers.id))
        .where(
          and(
            eq(isvResellers.isvId, p.isvId),
            inArray(resellers.id, v.resellerIds),
            isNull(isvResellers.unlinkedAt),
          ),
        )
        .for('share', { of: isvResellers }),
    ]);
    const productById = new Map(productRows.map((r) => [r.id, r]));
    const resellerById = new Map(resellerRows.map((r) => [r.id, r]));
    // Another tenant's product looks exactly like a missing one; an unlinked partner is no
    // partner for new opportunities.
    const issues: FieldIssue[] = [
      ...v.productIds.flatMap((id, i) => {
        const product = productById.get(id);
        if (!product) return [fieldIssue(`productIds.${i}`, 'not_found')];
        return product.archivedAt ? [fieldIssue(`productIds.${i}`, 'archived')] : [];
      }),
      ...v.resellerIds.flatMap((id, i) =>
        resellerById.has(id) ? [] : [fieldIssue(`resellerIds.${i}`, 'not_partner')],
      ),
    ];
    if (issues.length) throw DomainError.invalid(issues);

    const endAt = v.endDate ? endDateToInstant(v.endDate) : null;
    const rows = v.productIds.flatMap((productId) =>
      v.resellerIds.map((resellerId) => ({
        id: randomUUID(),
        isvId: p.isvId,
        productId,
        productName: productById.get(productId)?.name ?? '',
        resellerId,
        resellerName: resellerById.get(resellerId)?.name ?? '',
        name: v.name,
        description: v.description,
        discountBps: toBps(v.discount.percent),
        durationType: v.durationType,
        endAt,
        restrictedAt: null,
        timesUsed: 0,
        createdAt: now,
        createdBy: p.userId,
        clonedFromId: null,
      })),
    );
    const inserted = await tx.insert(opportunities).values(rows).returning();
    await appendEvents(
      tx,
      inserted.map((r) => ({
        opportunityId: r.id,
        isvId: p.isvId,
        type: 'created',
        actorId: p.userId,
        at: now,
      })),
    );
    const delta = new CounterDelta();
    for (const r of inserted) delta.add(r);
    await delta.flush(tx, p.isvId);
    return inserted.map((r) => toOpportunity(r, now));
  });
}
