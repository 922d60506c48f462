import {
  endDateToInstant,
  expiringWindowEnd,
  normalizeListFilters,
  type Opportunity,
  type Principal,
  type SortDirection,
  type SortField,
  STATUSES,
  type Status,
} from '@resale-kit/core';
import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Orm } from '../db/client.js';
import { readSummary } from '../db/counters.js';
import { opportunities as o } from '../db/schema.js';
import { nowSql, statusesPredicateSql, statusPredicateSql } from '../db/status-sql.js';
import { type Cursor, decodeCursor, encodeCursor, filtersDigest } from './cursor.js';
import {
  opportunityColumns,
  opportunityColumnsWithStatus,
  toOpportunity,
  visibleTo,
  type WireRow,
} from './rows.js';
import { type StatusPosition, type StatusSegment, segmentsAfter } from './status-sort.js';
import type { ListOpportunities, OpportunityPage } from './types.js';

/**
 * The SQL of each sortable column, and the type its cursor key is compared as. Status is not
 * a column: sorting by it reads status segments (statusSortedRows below).
 */
function sortSql(field: Exclude<SortField, 'status'>): { expr: SQL; cast: string } {
  switch (field) {
    case 'name':
      return { expr: sql`${o.name}`, cast: 'text' };
    case 'productName':
      return { expr: sql`${o.productName}`, cast: 'text' };
    case 'resellerName':
      return { expr: sql`${o.resellerName}`, cast: 'text' };
    case 'timesUsed':
      return { expr: sql`${o.timesUsed}`, cast: 'integer' };
    case 'id':
      return { expr: sql`${o.id}`, cast: 'uuid' };
    case 'discount':
      return { expr: sql`${o.discountBps}`, cast: 'integer' };
    case 'createdAt':
      return { expr: sql`${o.createdAt}`, cast: 'timestamptz' };
    case 'endDate':
      // No end date sorts after every date ('infinity'): the same expression as the index
      // opp_isv_end_idx, so the planner walks it.
      return { expr: endSortSql, cast: 'timestamptz' };
  }
}

/** The end-date sort key; must stay textually equal to the index expression in schema.ts. */
const endSortSql = sql`coalesce(${o.endAt}, 'infinity'::timestamptz)`;

/** The cursor key of a wire row for a sort field. */
function keyOf(item: Opportunity, field: SortField): string | number {
  if (field === 'discount') return Math.round(item.discount.percent * 100);
  if (field === 'endDate') {
    return item.endDate === null ? 'infinity' : endDateToInstant(item.endDate).toISOString();
  }
  return item[field];
}

/** Escapes LIKE wildcards so free text matches literally. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * The list's filters: conditions on columns, and the statuses the rows may have (the status
 * filter, narrowed by the expiring window, which only Active rows can be in). Sorting by
 * status reads one segment per allowed status; every other query uses `whereSql`.
 */
interface Filters {
  conds: SQL[];
  statuses: Status[];
}

function filtersOf(p: Principal, input: ListOpportunities, now: Date): Filters {
  const conds: SQL[] = [visibleTo(p)];
  let statuses: Status[] = input.status?.length
    ? STATUSES.filter((s) => input.status?.includes(s))
    : [...STATUSES];
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
    // Expiring: Active, with an end within the window (core's isExpiringWithin).
    const windowEnd = expiringWindowEnd(now, input.expiringWithinDays);
    statuses = statuses.filter((s) => s === 'active');
    conds.push(sql`${o.endAt} <= ${nowSql(windowEnd)}`);
    // The same bound on the end-date sort key: sorted by end date, the page is then a range
    // of opp_isv_end_idx instead of a walk past every row without an end.
    if (input.sort.field === 'endDate') conds.push(sql`${endSortSql} <= ${nowSql(windowEnd)}`);
  }
  return { conds, statuses };
}

function whereSql(f: Filters, now: Date): SQL {
  const byStatus =
    f.statuses.length < STATUSES.length ? statusesPredicateSql(o, f.statuses, now) : undefined;
  return and(...f.conds, byStatus) as SQL;
}

/** One status segment's rows: the filters, the status, and the id bound inside the segment. */
function segmentWhere(f: Filters, seg: StatusSegment, direction: SortDirection, now: Date): SQL {
  let bound: SQL | undefined;
  if (seg.from) {
    const op = sql.raw((direction === 'asc' ? '>' : '<') + (seg.from.inclusive ? '=' : ''));
    bound = sql`${o.id} ${op} ${seg.from.id}::uuid`;
  }
  return and(...f.conds, statusPredicateSql(o, seg.status, now), bound) as SQL;
}

/**
 * Up to `limit` rows in the list's order sorted by status (`direction`), after `from` (all
 * when null). One UNION ALL of a subquery per segment, each `order by id limit n` on an index
 * ((isv_id, id), or the partial (isv_id, id) indexes of the clock-free statuses), under an
 * outer sort by segment and id: at most `limit` rows per segment are sorted, never the tenant.
 * Each subquery selects its status as a constant: its predicate is exactly that status.
 */
async function statusSortedRows(
  orm: Orm,
  f: Filters,
  direction: SortDirection,
  from: StatusPosition | null,
  limit: number,
  now: Date,
) {
  const segments = segmentsAfter(direction, f.statuses, from && { ...from, inclusive: false });
  const dir = sql.raw(direction);
  const branches = segments.map((seg, n) =>
    orm
      .select({
        ...opportunityColumns,
        status: sql<Status>`${sql.raw(`'${seg.status}'`)}`.as('status'),
        segment: sql<number>`${sql.raw(String(n))}`.as('segment'),
      })
      .from(o)
      .where(segmentWhere(f, seg, direction, now))
      .orderBy(sql`${o.id} ${dir}`)
      .limit(limit),
  );
  const [first, second, ...rest] = branches;
  if (!first) return [];
  if (!second) return await first;
  return await unionAll(first, second, ...rest)
    .orderBy(sql`${sql.identifier('segment')}`, sql`${o.id} ${dir}`)
    .limit(limit);
}

/** Is there a row at or after `from` in the list's order sorted by status (`direction`)? */
async function statusRowExists(
  orm: Orm,
  f: Filters,
  direction: SortDirection,
  from: StatusPosition,
  now: Date,
): Promise<boolean> {
  const segments = segmentsAfter(direction, f.statuses, { ...from, inclusive: true });
  // Each in id order too: the same index walks as the page, from the position on (without an
  // order, "any row" can look cheapest as a sequential scan of a big tenant).
  const branches = segments.map((seg) =>
    orm
      .select({ id: o.id })
      .from(o)
      .where(segmentWhere(f, seg, direction, now))
      .orderBy(sql`${o.id} ${sql.raw(direction)}`)
      .limit(1),
  );
  const [first, second, ...rest] = branches;
  if (!first) return false;
  const found = second ? await unionAll(first, second, ...rest).limit(1) : await first;
  return found.length > 0;
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
/** Only the status filter (or none): the summary counters already hold the total. */
function totalFromCounters(p: Principal, input: ListOpportunities): boolean {
  const { status: _status, ...others } = normalizeListFilters(input);
  return p.kind === 'isv' && Object.keys(others).length === 0;
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
  /** Signs and checks cursors (loadCursorKey). */
  cursorKey: Buffer,
): Promise<OpportunityPage> {
  const { field, direction } = input.sort;
  const limit = input.limit;
  const digest = filtersDigest(input);
  const cursor: Cursor | null = input.cursor
    ? decodeCursor(input.cursor, field, direction, digest, cursorKey)
    : null;
  const filters = filtersOf(p, input, now);
  const where = whereSql(filters, now);
  const backward = cursor?.dir === 'prev';
  // Paging back reads the rows before the cursor, nearest first: the list's order reversed.
  const pageDirection = backward ? flip(direction) : direction;

  // The page is the rows just past the cursor, so "is there anything on the cursor's other
  // side" (the cursor row itself included) is the same question as "is there a row before the
  // page's first item" (after its last, paging back). It depends only on the cursor: ask it
  // alongside the page instead of one more round trip after it.
  let rowsPromise: Promise<WireRow[]>;
  let otherSidePromise: Promise<boolean>;
  if (field === 'status') {
    const at = cursor && { status: cursor.key as Status, id: cursor.id };
    rowsPromise = statusSortedRows(orm, filters, pageDirection, at, limit + 1, now);
    otherSidePromise = at
      ? statusRowExists(orm, filters, flip(pageDirection), at, now)
      : Promise.resolve(false);
  } else {
    const sort = sortSql(field);
    const pageWhere = cursor
      ? and(where, beyond(sort, pageDirection, 'after', cursor.key, cursor.id))
      : where;
    rowsPromise = orm
      .select(opportunityColumnsWithStatus(now))
      .from(o)
      .where(pageWhere)
      .orderBy(orderSql(sort, pageDirection))
      .limit(limit + 1);
    otherSidePromise = cursor
      ? orm
          .select({ id: o.id })
          .from(o)
          .where(and(where, beyond(sort, pageDirection, 'before', cursor.key, cursor.id, true)))
          .limit(1)
          .then((found) => found.length > 0)
      : Promise.resolve(false);
  }
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
    encodeCursor(
      { dir, field, direction, filters: digest, key: keyOf(item, field), id: item.id },
      cursorKey,
    );

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
