import { canDeactivate } from '@resale-kit/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Orm } from '../db/client.js';
import { CounterDelta } from '../db/counters.js';
import { events, opportunities } from '../db/schema.js';
import { isId } from './errors.js';
import { appendEvents } from './events.js';
import { statusFields, toOpportunity } from './rows.js';
import type { DeactivateResult, IsvPrincipal } from './types.js';

/**
 * Only Active opportunities become Restricted; each other id says why not. Rows are locked
 * (in id order, so concurrent batches cannot deadlock) before the guard reads them.
 *
 * The recorded time agrees with the commit order: a use that won a row's lock first committed
 * before this deactivation, and its event may carry a later clock (its request started later).
 * The UPDATE runs after the lock is held, with a snapshot that sees that use, and records
 * `greatest(now, the row's latest event + 1 ms)`, so the history never reads "deactivated,
 * then used" and no offer is dated after its opportunity's restriction.
 */
export async function deactivate(
  orm: Orm,
  p: IsvPrincipal,
  ids: string[],
  now: Date,
): Promise<DeactivateResult[]> {
  const wanted = [...new Set(ids.filter(isId))];
  return orm.transaction(async (tx) => {
    const rows = wanted.length
      ? await tx
          .select()
          .from(opportunities)
          .where(and(eq(opportunities.isvId, p.isvId), inArray(opportunities.id, wanted)))
          .orderBy(asc(opportunities.id))
          .for('update')
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const toRestrict = rows.filter((r) => canDeactivate(statusFields(r), now).ok).map((r) => r.id);
    const updated = toRestrict.length
      ? await tx
          .update(opportunities)
          .set({
            restrictedAt: sql`greatest(${now.toISOString()}::timestamptz, (
              select max(${events.at}) + interval '1 millisecond' from ${events}
              where ${events.opportunityId} = ${opportunities.id}))`,
          })
          .where(inArray(opportunities.id, toRestrict))
          .returning()
      : [];
    const updatedById = new Map(updated.map((r) => [r.id, r]));
    const delta = new CounterDelta();
    for (const after of updated) {
      const before = byId.get(after.id);
      if (before) delta.change(before, after);
    }
    await delta.flush(tx, p.isvId);
    await appendEvents(
      tx,
      updated.map((r) => ({
        opportunityId: r.id,
        isvId: p.isvId,
        type: 'deactivated' as const,
        actorId: p.userId,
        at: r.restrictedAt ?? now,
      })),
    );
    return ids.map((id): DeactivateResult => {
      const after = updatedById.get(id);
      if (after) return { id, ok: true, opportunity: toOpportunity(after, now) };
      const row = byId.get(id);
      if (!row) return { id, ok: false, reason: 'NOT_FOUND' };
      const guard = canDeactivate(statusFields(row), now);
      return { id, ok: false, reason: guard.ok ? 'NOT_FOUND' : guard.reason };
    });
  });
}
