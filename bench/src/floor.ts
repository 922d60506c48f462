/**
 * The list's SQL floor: a minimal keyset page query, written by hand, that returns the same 20
 * rows as the server's page over the same index. `select *`, the tenant, the sort key and id from
 * the page's first row (inclusive), the status filter in its plainest form, `limit 20`. No total,
 * no probe, no computed status. Sent through postgres.js like the replays (unnamed statements).
 */
import type { SortField, Status } from '@resale-kit/core';
import type postgres from 'postgres';

const COLUMNS: Record<Exclude<SortField, 'status'>, { col: string; cast: string }> = {
  createdAt: { col: 'created_at', cast: 'timestamptz' },
  name: { col: 'name', cast: 'text' },
  productName: { col: 'product_name', cast: 'text' },
  resellerName: { col: 'reseller_name', cast: 'text' },
  timesUsed: { col: 'times_used', cast: 'integer' },
  id: { col: 'id', cast: 'uuid' },
  discount: { col: 'discount_bps', cast: 'integer' },
  // The server's end-date key: no end date sorts last, as 'infinity' (index opp_isv_end_idx).
  endDate: { col: "coalesce(end_at, 'infinity'::timestamptz)", cast: 'timestamptz' },
};

/** Core's status rule, plainly (restricted, then single-use used, then past its end). */
const STATUS_SQL: Record<Status, string> = {
  restricted: 'restricted_at is not null',
  complete: "restricted_at is null and duration_type = 'single-use' and times_used >= 1",
  expired:
    "restricted_at is null and not (duration_type = 'single-use' and times_used >= 1) and end_at < now()",
  active:
    "restricted_at is null and not (duration_type = 'single-use' and times_used >= 1) and (end_at is null or end_at >= now())",
};

export interface FloorQuery {
  text: string;
  params: unknown[];
}

/**
 * The floor for a page whose first row is `firstId`, sorted by `field` / `direction`, filtered to
 * `statuses` (all when empty). Sorted by status, the page's first segment: rows of the first
 * row's status in id order, as the server's status segments are read.
 */
export async function floorQuery(
  sql: postgres.Sql,
  isvId: string,
  firstId: string,
  field: SortField,
  direction: 'asc' | 'desc',
  statuses: Status[],
  firstStatus: Status,
): Promise<FloorQuery> {
  const op = direction === 'asc' ? '>=' : '<=';
  if (field === 'status') {
    return {
      text: `select * from opportunities where isv_id = $1 and ${STATUS_SQL[firstStatus]} and id ${op} $2::uuid order by id ${direction} limit 20`,
      params: [isvId, firstId],
    };
  }
  const { col, cast } = COLUMNS[field];
  const [row] = await sql.unsafe(`select ${col}::text as k from opportunities where id = $1`, [
    firstId,
  ]);
  const filter = statuses.length
    ? ` and (${statuses.map((s) => `(${STATUS_SQL[s]})`).join(' or ')})`
    : '';
  return {
    text: `select * from opportunities where isv_id = $1${filter} and (${col}, id) ${op} ($2::${cast}, $3::uuid) order by ${col} ${direction}, id ${direction} limit 20`,
    params: [isvId, row?.k, firstId],
  };
}

/** Checks the floor returns the page's rows, in order: otherwise it is not the same work. */
export async function checkFloor(sql: postgres.Sql, q: FloorQuery, pageIds: string[]) {
  const rows = await sql.unsafe(q.text, q.params as postgres.ParameterOrJSON<never>[], {
    prepare: false,
  });
  const got = rows.map((r) => r.id as string);
  if (got.join() !== pageIds.join()) {
    throw new Error(`the floor query does not return the page's rows: ${q.text}`);
  }
}
