import { type AnyColumn, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { alias, PgDialect } from 'drizzle-orm/pg-core';
import type { Orm } from '../db/client.js';
import { counterChangeCtes } from '../db/counters.js';
import { opportunities } from '../db/schema.js';
import { nowLiteral, nowSql, statusPredicateSql } from '../db/status-sql.js';
import type { OpportunityRow } from './rows.js';

/**
 * offers.create as ONE statement (one implicit transaction, no Node round trip while a row is
 * locked): lock the opportunity, look for the idempotency key, guard, insert the offer, count
 * the use, append the event and move the summary counters. Each step reads the previous one's
 * output, which orders them.
 *
 * The guard is core's canUse: the reseller is targeted (the lock's WHERE) and the row is Active
 * at `now` (status-sql.ts, built from core's rule), evaluated on the locked, newest version of
 * the row. When nothing is inserted, the caller tells apart a replay, a reused key and a guard
 * refusal (core's canUse then gives the reason).
 */
export interface UseParams {
  offerId: string;
  eventId: string;
  opportunityId: string;
  resellerId: string;
  userId: string;
  buyerAccountId: string;
  idempotencyKey: string;
  now: Date;
}

/** An offer found by its idempotency key, as JSON with camelCase keys. */
export interface SeenOffer {
  id: string;
  opportunityId: string;
  resellerId: string;
  buyerAccountId: string;
  userId: string;
  userName: string;
  createdAt: Date;
}

export interface UseOutcome {
  /** The locked row before the use; null when it does not exist for this reseller. */
  before: OpportunityRow | null;
  /** A committed offer with the same key, when the statement's snapshot saw one. */
  seen: SeenOffer | null;
  /** The row after the use: set exactly when the offer was inserted. */
  after: OpportunityRow | null;
  /** The guard passed (then no `after` means the key lost a race). */
  usable: boolean;
}

const b = alias(opportunities, 'b');
const a = alias(opportunities, 'a');

export function useSql(p: UseParams): SQL {
  const now = nowSql(p.now);
  return sql`
with
  b as materialized (
    select * from ${opportunities}
    where ${opportunities.id} = ${p.opportunityId}::uuid
      and ${opportunities.resellerId} = ${p.resellerId}::uuid
    for update
  ),
  seen as materialized (
    select json_build_object(
      'id', f.id, 'opportunityId', f.opportunity_id, 'resellerId', f.reseller_id,
      'buyerAccountId', f.buyer_account_id, 'userId', u.id, 'userName', u.name,
      'createdAt', f.created_at)::text as offer
    from offers f join users u on u.id = f.created_by
    where f.reseller_id = ${p.resellerId}::uuid and f.idempotency_key = ${p.idempotencyKey}
  ),
  usable as materialized (
    select b.id from b
    where not exists (select from seen) and ${statusPredicateSql(b, 'active', p.now)}
  ),
  ins as (
    insert into offers (id, opportunity_id, reseller_id, buyer_account_id, idempotency_key,
                        created_by, created_at)
    select ${p.offerId}::uuid, usable.id, ${p.resellerId}::uuid, ${p.buyerAccountId},
           ${p.idempotencyKey}, ${p.userId}::uuid, ${now}
    from usable
    on conflict (reseller_id, idempotency_key) do nothing
    returning opportunity_id
  ),
  a as (
    update ${opportunities} set times_used = ${opportunities.timesUsed} + 1
    from ins where ${opportunities.id} = ins.opportunity_id
    returning ${opportunities}.*
  ),
  ev as (
    insert into events (id, opportunity_id, isv_id, type, actor_id, at, data)
    select ${p.eventId}::uuid, a.id, a.isv_id, 'used', ${p.userId}::uuid, ${now},
           jsonb_build_object('offerId', ${p.offerId}::text, 'buyerAccountId', ${p.buyerAccountId}::text)
    from a
    returning 1
  ),
  ${counterChangeCtes({ cte: 'b', columns: b }, { cte: 'a', columns: a })}
select
  (select row_to_json(b)::text from b) as before,
  (select offer from seen) as seen,
  (select row_to_json(a)::text from a) as after,
  exists (select from usable) as usable`;
}

/**
 * Rendering useSql through Drizzle costs about 1 ms of CPU per call (hundreds of nested chunks),
 * as much as Postgres spends planning it. Only the values and `now` change between calls, so it
 * is rendered once with placeholder values and each call fills them in: the same text (`now`
 * still inlined, so still unique per instant) with the values still bound as parameters.
 */
interface Template {
  /** Text between parameters; parts[i] precedes the i-th parameter. */
  parts: string[];
  /** Which UseParams field each parameter carries. */
  keys: (keyof UseParams)[];
  nowLiteral: string;
}

const PLACEHOLDER_NOW = new Date(0);
let template: Template | null = null;

function compile(): Template {
  const fields = [
    'offerId',
    'eventId',
    'opportunityId',
    'resellerId',
    'userId',
    'buyerAccountId',
    'idempotencyKey',
  ] as const;
  const placeholders = Object.fromEntries(fields.map((f) => [f, `\u0000${f}`])) as Omit<
    UseParams,
    'now'
  >;
  const query = new PgDialect().sqlToQuery(useSql({ ...placeholders, now: PLACEHOLDER_NOW }));
  const keys = query.params.map((v) => {
    const key = fields.find((f) => placeholders[f] === v);
    if (!key) throw new Error(`useSql: unexpected parameter ${String(v)}`);
    return key;
  });
  const parts = query.sql.split(/\$\d+/);
  if (parts.length !== keys.length + 1) throw new Error('useSql: parameters and text disagree');
  return { parts, keys, nowLiteral: nowLiteral(PLACEHOLDER_NOW) };
}

/** useSql(p), rendered from the cached template: Drizzle renders the same text and parameters. */
export function useSqlFast(p: UseParams): SQL {
  template ??= compile();
  const t = template;
  const now = nowLiteral(p.now);
  const chunks: SQL[] = [];
  t.parts.forEach((part, i) => {
    chunks.push(sql.raw(part.replaceAll(t.nowLiteral, now)));
    const key = t.keys[i];
    if (key) chunks.push(sql`${p[key]}`);
  });
  return sql.join(chunks);
}

/** A row_to_json of an opportunities row, through Drizzle's own column decoders. */
function opportunityFromJson(text: string | null): OpportunityRow | null {
  if (text === null) return null;
  const json = JSON.parse(text) as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(opportunities))) {
    const value = json[(column as AnyColumn).name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as OpportunityRow;
}

function seenFromJson(text: string | null): SeenOffer | null {
  if (text === null) return null;
  const json = JSON.parse(text) as Omit<SeenOffer, 'createdAt'> & { createdAt: string };
  return { ...json, createdAt: new Date(json.createdAt) };
}

/** Runs the statement; PGlite answers `{ rows }`, postgres.js the rows themselves. */
export async function runUse(orm: Orm, p: UseParams): Promise<UseOutcome> {
  const result = (await orm.execute(useSqlFast(p))) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    before: string | null;
    seen: string | null;
    after: string | null;
    usable: boolean;
  }[];
  const row = rows[0];
  if (!row) throw new Error('offers.create statement returned no row');
  return {
    before: opportunityFromJson(row.before),
    seen: seenFromJson(row.seen),
    after: opportunityFromJson(row.after),
    usable: row.usable === true || (row.usable as unknown) === 't',
  };
}
