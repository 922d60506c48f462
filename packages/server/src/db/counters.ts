import {
  deriveStatus,
  EXPIRING_WINDOW_DAYS,
  expiringWindowEnd,
  instantToEndDate,
  type Summary,
} from '@resale-kit/core';
import { type AnyColumn, and, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Orm, Tx } from './client.js';
import { isvCounters, isvOpenEndCounts, opportunities } from './schema.js';
import { openPredicateSql, type StatusColumns, statusPredicateSql } from './status-sql.js';

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

/**
 * The summary cards from the counters, in ONE statement: one aggregate over the tenant's end-date
 * buckets (a few hundred rows at most, split at `now` by FILTER) with its counters row (primary
 * key) joined on. The aggregate always yields a row, so a tenant without counters reads zeros.
 * The tenant and the clock are parameters, so the text is fixed and the statement is prepared
 * once per database: it reads by primary key, so its plan does not depend on the instant.
 */
function prepareSummary(orm: Orm | Tx) {
  const e = isvOpenEndCounts;
  const isvId = sql.placeholder('isvId');
  const now = sql.placeholder('now');
  const windowEnd = sql.placeholder('windowEnd');
  const sumIf = (cond: SQL) => sql<string>`coalesce(sum(${e.n}) filter (where ${cond}), 0)`;
  const ends = orm
    .select({
      // Core: pastEndDate is now > end_at; Active with an end date is end_at >= now.
      expired: sumIf(lt(e.endAt, now)).as('expired'),
      activeEnding: sumIf(gte(e.endAt, now)).as('active_ending'),
      expiring: sumIf(and(gte(e.endAt, now), lte(e.endAt, windowEnd)) as SQL).as('expiring'),
    })
    .from(e)
    .where(eq(e.isvId, isvId))
    .as('ends');
  return orm
    .select({
      expired: ends.expired,
      activeEnding: ends.activeEnding,
      expiring: ends.expiring,
      restricted: isvCounters.restricted,
      complete: isvCounters.complete,
      openNoEnd: isvCounters.openNoEnd,
    })
    .from(ends)
    .leftJoin(isvCounters, eq(isvCounters.isvId, isvId))
    .prepare('read_summary');
}

const summaryStatements = new WeakMap<Orm | Tx, ReturnType<typeof prepareSummary>>();

export async function readSummary(orm: Orm | Tx, isvId: string, now: Date): Promise<Summary> {
  let statement = summaryStatements.get(orm);
  if (!statement) {
    statement = prepareSummary(orm);
    summaryStatements.set(orm, statement);
  }
  const [row] = await statement.execute({
    isvId,
    now: now.toISOString(),
    windowEnd: expiringWindowEnd(now, EXPIRING_WINDOW_DAYS).toISOString(),
  });
  const active = (row?.openNoEnd ?? 0) + Number(row?.activeEnding ?? 0);
  return {
    active,
    expiringIn30Days: Number(row?.expiring ?? 0),
    byStatus: {
      active,
      expired: Number(row?.expired ?? 0),
      restricted: row?.restricted ?? 0,
      complete: row?.complete ?? 0,
    },
  };
}

/** The columns counterChangeCtes reads from a CTE of opportunities rows (a Drizzle alias). */
export type CountedColumns = StatusColumns & { id: AnyColumn; isvId: AnyColumn };

/**
 * CounterDelta.change in SQL, for one statement: the rows of CTE `before` changing into the rows
 * of CTE `after` (joined by id). Classes come from status-sql.ts (core's rule, clock removed), as
 * in rebuildCounters. Relative upserts, counters row before end buckets (CounterDelta's lock
 * order); nothing is written when the classes do not change (a multi-use opportunity used).
 */
export function counterChangeCtes(
  before: { cte: string; columns: CountedColumns },
  after: { cte: string; columns: CountedColumns },
): SQL {
  const [b, a] = [before.columns, after.columns];
  const one = (cond: SQL) => sql`(case when ${cond} then 1 else 0 end)`;
  const diff = (cond: (c: CountedColumns) => SQL) => sql`${one(cond(a))} - ${one(cond(b))}`;
  const restricted = (c: CountedColumns) => statusPredicateSql(c, 'restricted', null);
  const complete = (c: CountedColumns) => statusPredicateSql(c, 'complete', null);
  const openNoEnd = (c: CountedColumns) => sql`${openPredicateSql(c)} and ${c.endAt} is null`;
  const bucket = (c: CountedColumns) => sql`${openPredicateSql(c)} and ${c.endAt} is not null`;
  return sql`
  class_delta as materialized (
    select ${b.isvId} as isv_id,
           ${diff(restricted)} as restricted,
           ${diff(complete)} as complete,
           ${diff(openNoEnd)} as open_no_end,
           ${b.endAt} as before_end, ${bucket(b)} as before_bucket,
           ${a.endAt} as after_end, ${bucket(a)} as after_bucket
    from ${sql.identifier(before.cte)} join ${sql.identifier(after.cte)} on ${a.id} = ${b.id}
  ),
  counters_up as (
    insert into isv_counters as c (isv_id, total, restricted, complete, open_no_end)
    select isv_id, 0, sum(restricted), sum(complete), sum(open_no_end)
    from class_delta group by isv_id
    having sum(restricted) <> 0 or sum(complete) <> 0 or sum(open_no_end) <> 0
    on conflict (isv_id) do update set
      restricted = c.restricted + excluded.restricted,
      complete = c.complete + excluded.complete,
      open_no_end = c.open_no_end + excluded.open_no_end
    returning 1
  ),
  ends_up as (
    insert into isv_open_end_counts as e (isv_id, end_at, n)
    select isv_id, end_at, sum(n) from (
      select isv_id, before_end as end_at, -1 as n from class_delta where before_bucket
      union all
      select isv_id, after_end, 1 from class_delta where after_bucket
    ) d
    where (select count(*) from counters_up) >= 0
    group by isv_id, end_at having sum(n) <> 0
    order by end_at
    on conflict (isv_id, end_at) do update set n = e.n + excluded.n
    returning 1
  )`;
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
