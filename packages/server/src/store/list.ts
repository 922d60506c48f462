import {
  expiringWindowEnd,
  type Opportunity,
  type Principal,
  type SortDirection,
  type SortField,
  STATUSES,
} from '@resale-kit/core';
import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Orm } from '../db/client.js';
import { readSummary } from '../db/counters.js';
import { opportunities as o } from '../db/schema.js';
import {
  nowSql,
  statusCaseSql,
  statusesPredicateSql,
  statusPredicateSql,
} from '../db/status-sql.js';
import { type Cursor, decodeCursor, encodeCursor } from './cursor.js';
import { opportunityColumnsWithStatus, toOpportunity, visibleTo } from './rows.js';
import type { ListOpportunities, OpportunityPage } from './types.js';

/** The SQL of each sortable column, and the type its cursor key is compared as. */
function sortSql(field: SortField, now: Date): { expr: SQL; cast: string } {
  switch (field) {
    case 'name':
      return { expr: sql`${o.name}`, cast: 'text' };
    case 'productName':
      return { expr: sql`${o.productName}`, cast: 'text' };
    case 'resellerName':
      return { expr: sql`${o.resellerName}`, cast: 'text' };
    case 'status':
      return { expr: statusCaseSql(o, now), cast: 'text' };
    case 'timesUsed':
      return { expr: sql`${o.timesUsed}`, cast: 'integer' };
    case 'id':
      return { expr: sql`${o.id}`, cast: 'uuid' };
    case 'discount':
      return { expr: sql`${o.discountBps}`, cast: 'integer' };
    case 'createdAt':
      return { expr: sql`${o.createdAt}`, cast: 'timestamptz' };
  }
}

/** The cursor key of a wire row for a sort field. */
function keyOf(item: Opportunity, field: SortField): string | number {
  if (field === 'discount') return Math.round(item.discount.percent * 100);
  return item[field];
}

/** Escapes LIKE wildcards so free text matches literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function filterSql(p: Principal, input: ListOpportunities, now: Date): SQL {
  const conds: (SQL | undefined)[] = [visibleTo(p)];
  if (input.status?.length) conds.push(statusesPredicateSql(o, input.status, now));
  if (input.productId) conds.push(eq(o.productId, input.productId));
  if (input.resellerId) conds.push(eq(o.resellerId, input.resellerId));
  if (input.q) {
    const q = input.q.trim();
    const byName = sql`${o.name} ilike ${`%${likeEscape(q)}%`}`;
    // An id prefix: only hex digits and dashes can be one. Inlined (it is just [0-9a-f-]) so
    // the planner sees a constant prefix and can use the text_pattern_ops index on id::text.
    conds.push(
      /^[0-9a-f-]+$/i.test(q)
        ? sql`(${byName} or ${o.id}::text like ${sql.raw(`'${q.toLowerCase()}%'`)})`
        : byName,
    );
  }
  if (input.createdFrom) conds.push(gte(o.createdAt, new Date(input.createdFrom)));
  if (input.createdTo) conds.push(lte(o.createdAt, new Date(input.createdTo)));
  if (input.expiringWithinDays !== undefined) {
    const windowEnd = expiringWindowEnd(now, input.expiringWithinDays);
    conds.push(statusPredicateSql(o, 'active', now), sql`${o.endAt} <= ${nowSql(windowEnd)}`);
  }
  return and(...conds) as SQL;
}

/** Rows after (or before) the key in the list's order, id breaking ties; strictly unless `inclusive`. */
function beyond(
  sort: { expr: SQL; cast: string },
  direction: SortDirection,
  side: 'after' | 'before',
  key: string | number,
  id: string,
  inclusive = false,
): SQL {
  const greater = (direction === 'asc') === (side === 'after');
  const op = sql.raw((greater ? '>' : '<') + (inclusive ? '=' : ''));
  return sql`(${sort.expr}, ${o.id}) ${op} (${key}::${sql.raw(sort.cast)}, ${id}::uuid)`;
}

function orderSql(sort: { expr: SQL }, direction: SortDirection): SQL {
  const dir = sql.raw(direction);
  return sql`${sort.expr} ${dir}, ${o.id} ${dir}`;
}

const flip = (d: SortDirection): SortDirection => (d === 'asc' ? 'desc' : 'asc');

/** Only status (or nothing) filtered for an ISV: the total comes from the summary counters. */
function totalFromCounters(p: Principal, input: ListOpportunities): boolean {
  return (
    p.kind === 'isv' &&
    !input.productId &&
    !input.resellerId &&
    !input.q?.trim() &&
    !input.createdFrom &&
    !input.createdTo &&
    input.expiringWithinDays === undefined
  );
}

async function countTotal(orm: Orm, p: Principal, input: ListOpportunities, where: SQL, now: Date) {
  if (p.kind === 'isv' && totalFromCounters(p, input)) {
    const { byStatus } = await readSummary(orm, p.isvId, now);
    const wanted = input.status?.length ? input.status : STATUSES;
    return STATUSES.filter((s) => wanted.includes(s)).reduce((n, s) => n + byStatus[s], 0);
  }
  const [row] = await orm.select({ n: sql<number>`count(*)::int` }).from(o).where(where);
  return Number(row?.n ?? 0);
}

export async function listOpportunities(
  orm: Orm,
  p: Principal,
  input: ListOpportunities,
  now: Date,
): Promise<OpportunityPage> {
  const { field, direction } = input.sort;
  const limit = input.limit;
  const cursor: Cursor | null = input.cursor ? decodeCursor(input.cursor, field, direction) : null;
  const sort = sortSql(field, now);
  const where = filterSql(p, input, now);
  const backward = cursor?.dir === 'prev';

  const pageWhere = cursor
    ? and(where, beyond(sort, direction, backward ? 'before' : 'after', cursor.key, cursor.id))
    : where;
  const rowsPromise = orm
    .select(opportunityColumnsWithStatus(now))
    .from(o)
    .where(pageWhere)
    .orderBy(orderSql(sort, backward ? flip(direction) : direction))
    .limit(limit + 1);
  // The page is the rows just past the cursor, so "is there anything on the cursor's other
  // side" (the cursor row itself included) is the same question as "is there a row before the
  // page's first item" (after its last, paging back). It depends only on the cursor: ask it
  // alongside the page instead of one more round trip after it.
  const otherSidePromise = cursor
    ? orm
        .select({ id: o.id })
        .from(o)
        .where(
          and(
            where,
            beyond(sort, direction, backward ? 'after' : 'before', cursor.key, cursor.id, true),
          ),
        )
        .limit(1)
        .then((found) => found.length > 0)
    : Promise.resolve(false);
  const [rows, total, otherSide] = await Promise.all([
    rowsPromise,
    countTotal(orm, p, input, where, now),
    otherSidePromise,
  ]);

  const more = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  if (backward) pageRows.reverse();
  const items = pageRows.map((r) => toOpportunity(r, now));
  const first = items[0];
  const last = items[items.length - 1];

  const cursorAt = (item: Opportunity, dir: Cursor['dir']) =>
    encodeCursor({ dir, field, direction, key: keyOf(item, field), id: item.id });

  let nextCursor: string | null = null;
  let prevCursor: string | null = null;
  if (first && last) {
    if (backward) {
      prevCursor = more ? cursorAt(first, 'prev') : null;
      nextCursor = otherSide ? cursorAt(last, 'next') : null;
    } else {
      nextCursor = more ? cursorAt(last, 'next') : null;
      prevCursor = otherSide ? cursorAt(first, 'prev') : null;
    }
  }
  return { items, nextCursor, prevCursor, total };
}
