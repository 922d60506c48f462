import { type AnyColumn, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { alias, PgDialect } from 'drizzle-orm/pg-core';
import { type Orm, queryPrepared } from '../db/client.js';
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
 * The statement as fixed text with $n parameters, `now` included: rendered through Drizzle once
 * per process (about 1 ms of CPU per render), and the same text on every call, so Postgres keeps
 * it prepared: parsed and planned once per connection instead of on every offer (planning was
 * half of Postgres's work per offer). The clock is a parameter here, unlike in the list queries:
 * this statement finds its row by primary key, so the plan does not depend on `now`.
 */
export interface PreparedUse {
  text: string;
  params: unknown[];
}

interface Template {
  text: string;
  /** Which UseParams field each parameter ($1, $2, ...) carries. */
  keys: (keyof UseParams)[];
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
  const keys: (keyof UseParams)[] = query.params.map((v) => {
    const key = fields.find((f) => placeholders[f] === v);
    if (!key) throw new Error(`useSql: unexpected parameter ${String(v)}`);
    return key;
  });
  const text = query.sql.replaceAll(
    nowLiteral(PLACEHOLDER_NOW),
    `$${keys.length + 1}::timestamptz`,
  );
  if (text === query.sql) throw new Error('useSql: the clock is not in the statement');
  return { text, keys: [...keys, 'now'] };
}

/** useSql(p) as fixed text and its parameters (`now` as an ISO string). */
export function preparedUse(p: UseParams): PreparedUse {
  template ??= compile();
  const params = template.keys.map((k) => (k === 'now' ? p.now.toISOString() : p[k]));
  return { text: template.text, params };
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

export async function runUse(orm: Orm, p: UseParams): Promise<UseOutcome> {
  const { text, params } = preparedUse(p);
  const [row] = await queryPrepared<{
    before: string | null;
    seen: string | null;
    after: string | null;
    usable: boolean;
  }>(orm, text, params);
  if (!row) throw new Error('offers.create statement returned no row');
  return {
    before: opportunityFromJson(row.before),
    seen: seenFromJson(row.seen),
    after: opportunityFromJson(row.after),
    usable: row.usable === true || (row.usable as unknown) === 't',
  };
}
