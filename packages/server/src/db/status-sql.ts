import {
  STATUS_PRECEDENCE,
  STATUSES,
  type Status,
  type StatusCondition,
  statusTerms,
} from '@resale-kit/core';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * The SQL form of core's status rule. Every condition name, and the order they are tried in,
 * comes from core (STATUS_PRECEDENCE / statusTerms): this file only says what each named
 * condition means in SQL. Literals are inlined (not bound) so Postgres can match the partial
 * indexes below against queries, also in generic prepared plans.
 */

export interface StatusColumns {
  restrictedAt: AnyColumn;
  durationType: AnyColumn;
  timesUsed: AnyColumn;
  /** The end of the end date's day (UTC), stored so `end_at < now` can use an index. */
  endAt: AnyColumn;
}

/** The text of nowSql. */
export function nowLiteral(now: Date): string {
  if (Number.isNaN(now.getTime())) throw new RangeError('now: invalid date');
  return `'${now.toISOString()}'::timestamptz`;
}

/** A timestamptz literal for `now`: inlined, so each query plans with the real instant. */
export function nowSql(now: Date): SQL {
  return sql.raw(nowLiteral(now));
}

/** Each core condition in SQL. Every one is two-valued (never NULL), so NOT works as expected. */
export function conditionSql(c: StatusColumns, now: Date | null): Record<StatusCondition, SQL> {
  return {
    restricted: sql`(${c.restrictedAt} is not null)`,
    singleUseUsed: sql`(${c.durationType} = 'single-use' and ${c.timesUsed} >= 1)`,
    get pastEndDate(): SQL {
      if (now === null) throw new Error('pastEndDate needs the clock');
      return sql`(${c.endAt} is not null and ${c.endAt} < ${nowSql(now)})`;
    },
  };
}

/** The status as one CASE expression, in core's precedence: for output and sorting. */
export function statusCaseSql(c: StatusColumns, now: Date): SQL<Status> {
  const cond = conditionSql(c, now);
  const whens = STATUS_PRECEDENCE.filter((r) => r.when !== null).map(
    (r) => sql`when ${cond[r.when as StatusCondition]} then ${sql.raw(`'${r.status}'`)}`,
  );
  const fallback = STATUS_PRECEDENCE.find((r) => r.when === null);
  if (!fallback) throw new Error('STATUS_PRECEDENCE has no fallback');
  return sql<Status>`(case ${sql.join(whens, sql` `)} else ${sql.raw(`'${fallback.status}'`)} end)`;
}

/** "Has this status at `now`": its own condition and none ranked above it (core's statusTerms). */
export function statusPredicateSql(c: StatusColumns, status: Status, now: Date | null): SQL {
  const cond = conditionSql(c, now);
  const { require, exclude } = statusTerms(status);
  const parts = [
    ...(require ? [cond[require]] : []),
    ...exclude.map((name) => sql`not ${cond[name]}`),
  ];
  return parts.length ? sql`(${sql.join(parts, sql` and `)})` : sql`true`;
}

/** Any of several statuses. */
export function statusesPredicateSql(
  c: StatusColumns,
  statuses: readonly Status[],
  now: Date,
): SQL {
  const unique = STATUSES.filter((s) => statuses.includes(s));
  if (unique.length === 0) return sql`false`;
  if (unique.length === STATUSES.length) return sql`true`;
  return sql`(${sql.join(
    unique.map((s) => statusPredicateSql(c, s, now)),
    sql` or `,
  )})`;
}

/**
 * "Open": none of the clock-free conditions that outrank the end date holds, so the row is
 * Active or Expired depending only on `end_at`. Derived from core: the conditions excluded
 * by the status whose own condition is the clock one (pastEndDate).
 */
export function openPredicateSql(c: StatusColumns): SQL {
  const clockStatus = STATUS_PRECEDENCE.find((r) => r.when === 'pastEndDate');
  if (!clockStatus) throw new Error('STATUS_PRECEDENCE has no pastEndDate rule');
  const cond = conditionSql(c, null);
  const { exclude } = statusTerms(clockStatus.status);
  return sql`(${sql.join(
    exclude.map((name) => sql`not ${cond[name]}`),
    sql` and `,
  )})`;
}
