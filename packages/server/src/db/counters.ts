import { deriveStatus, expiringWindowEnd, instantToEndDate, type Summary } from '@resale-kit/core';
import { and, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Orm, Tx } from './client.js';
import { isvCounters, isvOpenEndCounts, opportunities } from './schema.js';
import { openPredicateSql, statusPredicateSql } from './status-sql.js';

/** The columns of a row the counters depend on. */
export interface CountedRow {
  durationType: string;
  endAt: Date | null;
  restrictedAt: Date | null;
  timesUsed: number;
}

/** Before any end date: core's rule then yields only the clock-free classes. */
const BEFORE_ALL_TIME = new Date(-8.64e15);

/** restricted / complete / open ('active' before any end date): core's rule, clock removed. */
export function counterClass(row: CountedRow): 'restricted' | 'complete' | 'open' {
  const status = deriveStatus(
    {
      durationType: row.durationType as 'single-use',
      endDate: row.endAt ? instantToEndDate(row.endAt) : null,
      restrictedAt: row.restrictedAt ? row.restrictedAt.toISOString() : null,
      timesUsed: row.timesUsed,
    },
    BEFORE_ALL_TIME,
  );
  if (status === 'expired') throw new Error('unreachable: nothing has expired before all time');
  return status === 'active' ? 'open' : status;
}

/** Accumulates counter changes of one transaction, then writes them with relative updates. */
export class CounterDelta {
  total = 0;
  restricted = 0;
  complete = 0;
  openNoEnd = 0;
  readonly ends = new Map<number, number>();

  add(row: CountedRow, sign: 1 | -1 = 1): this {
    this.total += sign;
    const cls = counterClass(row);
    if (cls === 'restricted') this.restricted += sign;
    else if (cls === 'complete') this.complete += sign;
    else if (row.endAt === null) this.openNoEnd += sign;
    else {
      const key = row.endAt.getTime();
      this.ends.set(key, (this.ends.get(key) ?? 0) + sign);
    }
    return this;
  }

  /** A row changing from `before` to `after` (same opportunity). */
  change(before: CountedRow, after: CountedRow): this {
    return this.add(before, -1).add(after, 1);
  }

  /**
   * `n = n + delta` upserts, so concurrent transactions never lose an update; end buckets are
   * written in ascending order so two transactions lock them in the same order.
   */
  async flush(tx: Tx | Orm, isvId: string): Promise<void> {
    const { total, restricted, complete, openNoEnd } = this;
    if (total || restricted || complete || openNoEnd) {
      await tx
        .insert(isvCounters)
        .values({ isvId, total, restricted, complete, openNoEnd })
        .onConflictDoUpdate({
          target: isvCounters.isvId,
          set: {
            total: sql`${isvCounters.total} + excluded.total`,
            restricted: sql`${isvCounters.restricted} + excluded.restricted`,
            complete: sql`${isvCounters.complete} + excluded.complete`,
            openNoEnd: sql`${isvCounters.openNoEnd} + excluded.open_no_end`,
          },
        });
    }
    const ends = [...this.ends].filter(([, n]) => n !== 0).sort(([a], [b]) => a - b);
    if (ends.length) {
      await tx
        .insert(isvOpenEndCounts)
        .values(ends.map(([t, n]) => ({ isvId, endAt: new Date(t), n })))
        .onConflictDoUpdate({
          target: [isvOpenEndCounts.isvId, isvOpenEndCounts.endAt],
          set: { n: sql`${isvOpenEndCounts.n} + excluded.n` },
        });
    }
  }
}

/** The summary cards from the counters: a primary-key read plus a range sum over end dates. */
export async function readSummary(orm: Orm | Tx, isvId: string, now: Date): Promise<Summary> {
  const windowEnd = expiringWindowEnd(now, 30);
  const sumWhere = (...conds: ReturnType<typeof eq>[]) =>
    orm
      .select({ n: sql<string>`coalesce(sum(${isvOpenEndCounts.n}), 0)` })
      .from(isvOpenEndCounts)
      .where(and(eq(isvOpenEndCounts.isvId, isvId), ...conds));
  const [counters, [expired], [activeEnding], [expiring]] = await Promise.all([
    orm.select().from(isvCounters).where(eq(isvCounters.isvId, isvId)),
    // Core: pastEndDate is now > end_at; Active with an end date is end_at >= now.
    sumWhere(lt(isvOpenEndCounts.endAt, now)),
    sumWhere(gte(isvOpenEndCounts.endAt, now)),
    sumWhere(gte(isvOpenEndCounts.endAt, now), lte(isvOpenEndCounts.endAt, windowEnd)),
  ]);
  const c = counters[0] ?? { restricted: 0, complete: 0, openNoEnd: 0 };
  const active = c.openNoEnd + Number(activeEnding?.n ?? 0);
  return {
    active,
    expiringIn30Days: Number(expiring?.n ?? 0),
    byStatus: {
      active,
      expired: Number(expired?.n ?? 0),
      restricted: c.restricted,
      complete: c.complete,
    },
  };
}

/** Recomputes every ISV's counters from its rows (after bulk loads or seeding), atomically. */
export async function rebuildCounters(orm: Orm): Promise<void> {
  await orm.transaction((tx) => rebuildCountersIn(tx));
}

/** The same inside the caller's transaction. */
export async function rebuildCountersIn(tx: Tx): Promise<void> {
  const o = opportunities;
  const open = openPredicateSql(o);
  await tx.delete(isvOpenEndCounts);
  await tx.delete(isvCounters);
  await tx.execute(sql`
      insert into isv_counters (isv_id, total, restricted, complete, open_no_end)
      select isvs.id,
             count(${o.id}),
             count(${o.id}) filter (where ${statusPredicateSql(o, 'restricted', null)}),
             count(${o.id}) filter (where ${statusPredicateSql(o, 'complete', null)}),
             count(${o.id}) filter (where ${open} and ${o.endAt} is null)
      from isvs left join ${o} on ${o.isvId} = isvs.id
      group by isvs.id`);
  await tx.execute(sql`
      insert into isv_open_end_counts (isv_id, end_at, n)
      select ${o.isvId}, ${o.endAt}, count(*) from ${o}
      where ${open} and ${o.endAt} is not null
      group by ${o.isvId}, ${o.endAt}`);
}
