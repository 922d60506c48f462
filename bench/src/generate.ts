/**
 * A deterministic data generator for resale-kit, as SQL. Every "random" value is a hash of
 * (seed, salt, row number): a counter-mode PRNG evaluated inside the database, so a million rows
 * are produced by a handful of `INSERT ... SELECT ... FROM generate_series` statements instead of
 * a million round trips, and the same seed always yields the same rows (ids included).
 *
 * Shape: ISV 0 is the big tenant (`bigIsvRows` opportunities); the rest are spread evenly over
 * the other ISVs. Every duration type and every status (active, expired, restricted, complete)
 * is represented; offers match times_used row for row and events record created / cloned / used
 * / deactivated. The summary counters are NOT written here: the loader calls the server's own
 * `rebuildCounters` afterwards.
 */

export interface Preset {
  name: string;
  /** Opportunities in total. */
  opportunities: number;
  isvs: number;
  /** Opportunities of ISV 0 (the big tenant). */
  bigIsvRows: number;
  productsPerIsv: number;
  resellers: number;
  /** Partner resellers of each ISV (ISV 0 has `bigIsvResellers`). */
  resellersPerIsv: number;
  bigIsvResellers: number;
  seed: string;
}

export const PRESETS = {
  /** The issue's figure: 1,000,000 across 1,000 ISVs, one of them holding 200,000. */
  million: {
    name: 'million',
    opportunities: 1_000_000,
    isvs: 1_000,
    bigIsvRows: 200_000,
    productsPerIsv: 10,
    resellers: 200,
    resellersPerIsv: 5,
    bigIsvResellers: 20,
    seed: 'resale-kit-bench-1',
  },
  /** Small enough for PGlite (in-process WASM Postgres): loads in a few seconds. */
  pglite: {
    name: 'pglite',
    opportunities: 20_000,
    isvs: 20,
    bigIsvRows: 4_000,
    productsPerIsv: 10,
    resellers: 40,
    resellersPerIsv: 5,
    bigIsvResellers: 20,
    seed: 'resale-kit-bench-1',
  },
  /** A quick smoke run of the Postgres benchmarks. */
  smoke: {
    name: 'smoke',
    opportunities: 50_000,
    isvs: 50,
    bigIsvRows: 10_000,
    productsPerIsv: 10,
    resellers: 100,
    resellersPerIsv: 5,
    bigIsvResellers: 20,
    seed: 'resale-kit-bench-1',
  },
} satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Four 32-bit draws (x{first}..x{first+3}) from one md5 column. */
const draws = (col: string, first: number) =>
  [0, 1, 2, 3]
    .map((i) => `('x' || substr(${col}, ${1 + i * 8}, 8))::bit(32)::bigint as x${first + i}`)
    .join(', ');

/** A valid version-4 / RFC 9562 variant uuid from a 32-hex-digit SQL expression. */
const v4 = (hex: string) =>
  `overlay(overlay(${hex} placing '4' from 13) placing '8' from 17)::uuid`;

/** A deterministic uuid: md5 of seed, kind and key (as a v4 uuid: APIs validate the format). */
export const uuidSql = (seed: string, kind: string, key: string) =>
  v4(`md5(${lit(`${seed}:${kind}:`)} || ${key})`);

/** The API keys the loader gives its users (stored as sha256 hex, like the server does). */
export const benchApiKey = (kind: 'isv' | 'reseller', n: number) => `rkb_${kind}_${n}`;

/** Whose opportunity row n is: ISV 0 holds the first bigIsvRows, the rest round-robin. */
export function isvOfRow(p: Preset, n: number): number {
  return n < p.bigIsvRows ? 0 : 1 + ((n - p.bigIsvRows) % (p.isvs - 1));
}

/** The global reseller index of an ISV's k-th partner (distinct for k < partners). */
export function resellerOf(p: Preset, isv: number, k: number): number {
  return (isv * p.resellersPerIsv + k) % p.resellers;
}

const WORDS_A = [
  'Enterprise',
  'Startup',
  'Public sector',
  'Healthcare',
  'Education',
  'Retail',
  'Fintech',
  'Media',
  'Gaming',
  'Telecom',
  'Energy',
  'Logistics',
];
const WORDS_B = [
  'renewal',
  'expansion',
  'pilot',
  'migration',
  'bundle',
  'promo',
  'upgrade',
  'POC',
  'annual',
  'quarterly',
];
const arr = (words: string[]) => `array[${words.map(lit).join(', ')}]`;

/**
 * The statements that load a preset into a migrated, empty database. `anchor` is the load's
 * "today" (UTC midnight): created dates fall in the 730 days before it, end dates 1-400 days
 * after creation, so some have passed (expired / complete) and some lie ahead (active,
 * expiring within 30 days).
 */
export function generateStatements(p: Preset, anchor: Date): string[] {
  if (p.isvs < 2 || p.bigIsvRows >= p.opportunities) throw new Error('preset: bad shape');
  if (p.resellersPerIsv > p.resellers || p.bigIsvResellers > p.resellers) {
    throw new Error('preset: more partners than resellers');
  }
  const s = p.seed;
  const A = `${lit(anchor.toISOString())}::timestamptz`;
  const isvId = (key: string) => uuidSql(s, 'isv', key);
  const isvUser = (key: string) => uuidSql(s, 'isv-user', key);
  const resellerId = (key: string) => uuidSql(s, 'reseller', key);
  const resellerUser = (key: string) => uuidSql(s, 'reseller-user', key);
  const productId = (isv: string, k: string) => uuidSql(s, 'product', `${isv} || ':' || ${k}`);
  const oppId = (key: string) => uuidSql(s, 'opp', key);
  const partners = (isv: string) =>
    `(case when ${isv} = 0 then ${p.bigIsvResellers} else ${p.resellersPerIsv} end)`;
  const resellerIndex = (isv: string, k: string) =>
    `((${isv} * ${p.resellersPerIsv} + ${k}) % ${p.resellers})`;
  const productName = (isv: string, k: string) =>
    `'Product ' || chr(65 + (${k})::int) || ' of ISV ' || lpad((${isv})::text, 4, '0')`;
  const resellerName = (r: string) => `'Reseller ' || lpad((${r})::text, 4, '0')`;
  const longAgo = `(${A} - interval '800 days')`;

  return [
    `insert into isvs (id, name, created_at)
     select ${isvId('i')}, 'ISV ' || lpad(i::text, 4, '0'), ${longAgo}
     from generate_series(0, ${p.isvs - 1}) i`,
    `insert into resellers (id, name, created_at)
     select ${resellerId('r')}, ${resellerName('r')}, ${longAgo}
     from generate_series(0, ${p.resellers - 1}) r`,
    `insert into isv_resellers (isv_id, reseller_id)
     select distinct ${isvId('i')}, ${resellerId(resellerIndex('i', 'k'))}
     from generate_series(0, ${p.isvs - 1}) i
     cross join lateral generate_series(0, ${partners('i')} - 1) k`,
    `insert into users (id, name, isv_id, created_at)
     select ${isvUser('i')}, 'Admin of ISV ' || lpad(i::text, 4, '0'), ${isvId('i')}, ${longAgo}
     from generate_series(0, ${p.isvs - 1}) i`,
    `insert into users (id, name, reseller_id, created_at)
     select ${resellerUser('r')}, 'Seller at reseller ' || lpad(r::text, 4, '0'), ${resellerId('r')}, ${longAgo}
     from generate_series(0, ${p.resellers - 1}) r`,
    `insert into api_keys (id, user_id, key_hash, label, created_at)
     select ${uuidSql(s, 'key-isv', 'i')}, ${isvUser('i')},
            encode(sha256(convert_to('rkb_isv_' || i, 'UTF8')), 'hex'), 'bench', ${longAgo}
     from generate_series(0, ${p.isvs - 1}) i
     union all
     select ${uuidSql(s, 'key-reseller', 'r')}, ${resellerUser('r')},
            encode(sha256(convert_to('rkb_reseller_' || r, 'UTF8')), 'hex'), 'bench', ${longAgo}
     from generate_series(0, ${p.resellers - 1}) r`,
    `insert into products (id, isv_id, name, created_at)
     select ${productId('i', 'k')}, ${isvId('i')}, ${productName('i', 'k')}, ${longAgo}
     from generate_series(0, ${p.isvs - 1}) i
     cross join generate_series(0, ${p.productsPerIsv - 1}) k`,

    // Small lookup tables so the big statements join instead of hashing ids per row. The
    // `offset 0` fences below keep the planner from inlining (and so recomputing) the md5 draws.
    `create unlogged table bench_isv as
     select i as n, ${isvId('i')} as id, ${isvUser('i')} as user_id from generate_series(0, ${p.isvs - 1}) i`,
    `create unlogged table bench_product as
     select i as isv, k, ${productId('i', 'k')} as id, ${productName('i', 'k')} as name
     from generate_series(0, ${p.isvs - 1}) i cross join generate_series(0, ${p.productsPerIsv - 1}) k`,
    `create unlogged table bench_reseller as
     select r as n, ${resellerId('r')} as id, ${resellerName('r')} as name, ${resellerUser('r')} as user_id
     from generate_series(0, ${p.resellers - 1}) r`,

    // Opportunities: one row per n, every column a pure function of (seed, n). Four md5s per row
    // give 16 independent 32-bit draws (x1..x16), one more gives the id.
    `insert into opportunities (id, isv_id, product_id, product_name, reseller_id, reseller_name,
       name, description, discount_bps, duration_type, end_at, restricted_at, times_used,
       created_at, created_by, cloned_from_id)
     select g3.id, i.id, bp.id, bp.name, br.id, br.name,
            g3.name, g3.description, g3.discount_bps, g3.duration_type, g3.end_at,
            case when g3.restricted then g3.created_at + (g3.x1 % 1000) / 1000.0 * (least(g3.end_at, ${A}) - g3.created_at) end,
            g3.times_used, g3.created_at, i.user_id, g3.cloned_from
     from (
       select *, restricted_raw and not (duration_type = 'single-use' and times_used >= 1) as restricted
       from (
         select *,
                case duration_type
                  when 'no-set-duration' then null
                  when 'single-use' then case when x2 % 2 = 0 then end_raw end
                  else end_raw end as end_at,
                case duration_type
                  when 'single-use' then case when x3 % 5 < 2 then 1 else 0 end
                  else case when x3 % 2 = 0 then 0 else 1 + (x3 / 2) % 5 end end as times_used,
                x4 % 10 = 0 as restricted_raw
         from (
           select n, isv, id, x1, x2, x3, x4,
                  x5 % ${p.productsPerIsv} as pk,
                  ${resellerIndex('isv', `x6 % ${partners('isv')}`)} as r,
                  (${arr(WORDS_A)})[1 + x7 % ${WORDS_A.length}] || ' ' ||
                    (${arr(WORDS_B)})[1 + x8 % ${WORDS_B.length}] || ' ' || n as name,
                  case when x1 % 3 = 0 then null else 'Generated opportunity ' || n end as description,
                  1 + x9 % 10000 as discount_bps,
                  (array['single-use', 'specific-duration', 'no-set-duration'])[1 + x10 % 3] as duration_type,
                  created_at,
                  ((created_at at time zone 'UTC')::date + 1 + (x11 % 400)::int)::timestamp
                    at time zone 'UTC' - interval '1 millisecond' as end_raw,
                  case when x12 % 50 = 0 then
                    case when isv = 0 and n > 0 then ${oppId('(n - 1)')}
                         when isv > 0 and n - ${p.isvs - 1} >= ${p.bigIsvRows} then ${oppId(`(n - ${p.isvs - 1})`)}
                    end end as cloned_from
           from (
             select *, date_trunc('milliseconds', ${A} - (x13 % (730::bigint * 86400000)) * interval '1 millisecond') as created_at
             from (
               select n, isv, id,
                      ${draws('m1', 1)}, ${draws('m2', 5)}, ${draws('m3', 9)}, ${draws('m4', 13)}
               from (
                 select n,
                        case when n < ${p.bigIsvRows} then 0 else 1 + (n - ${p.bigIsvRows}) % ${p.isvs - 1} end as isv,
                        ${oppId('n')} as id,
                        md5(${lit(`${s}:m1:`)} || n) as m1, md5(${lit(`${s}:m2:`)} || n) as m2,
                        md5(${lit(`${s}:m3:`)} || n) as m3, md5(${lit(`${s}:m4:`)} || n) as m4
                 from generate_series(0, ${p.opportunities - 1}) n
                 offset 0
               ) g
               offset 0
             ) gx
           ) g0
         ) g1
         offset 0
       ) g2
     ) g3
     join bench_isv i on i.n = g3.isv
     join bench_product bp on bp.isv = g3.isv and bp.k = g3.pk
     join bench_reseller br on br.n = g3.r`,

    // Offers: times_used of them per opportunity, dated while it was usable.
    `insert into offers (id, opportunity_id, reseller_id, buyer_account_id, idempotency_key, created_by, created_at)
     select ${v4('m')}, o.id, o.reseller_id,
            lpad((('x' || substr(m, 1, 8))::bit(32)::bigint % 1000000000)::text, 12, '0'),
            'bench:' || o.id || ':' || k, o.user_id,
            date_trunc('milliseconds', o.created_at + k::numeric / (o.times_used + 1) * (least(o.end_at, o.restricted_at, ${A}) - o.created_at))
     from (
       select o.*, br.user_id, k, md5(${lit(`${s}:offer:`)} || o.id::text || ':' || k) as m
       from opportunities o
       join bench_reseller br on br.id = o.reseller_id
       cross join lateral generate_series(1, o.times_used) k
       where o.times_used > 0
       offset 0
     ) o`,

    // History: created or cloned, each use, each deactivation.
    `insert into events (id, opportunity_id, isv_id, type, actor_id, at, data)
     select ${uuidSql(s, 'event-new', 'o.id::text')}, o.id, o.isv_id,
            case when o.cloned_from_id is null then 'created' else 'cloned' end, o.created_by, o.created_at,
            case when o.cloned_from_id is null then null else jsonb_build_object('fromId', o.cloned_from_id) end
     from opportunities o`,
    `insert into events (id, opportunity_id, isv_id, type, actor_id, at, data)
     select ${uuidSql(s, 'event-used', 'f.id::text')}, o.id, o.isv_id, 'used', f.created_by, f.created_at,
            jsonb_build_object('offerId', f.id, 'buyerAccountId', f.buyer_account_id)
     from offers f join opportunities o on o.id = f.opportunity_id`,
    `insert into events (id, opportunity_id, isv_id, type, actor_id, at, data)
     select ${uuidSql(s, 'event-deactivated', 'o.id::text')}, o.id, o.isv_id, 'deactivated', o.created_by, o.restricted_at, null
     from opportunities o where o.restricted_at is not null`,
    `drop table bench_isv, bench_product, bench_reseller`,
  ];
}

/** Checks that the generated rows are consistent (the loader skips FK triggers for speed). */
export const CONSISTENCY_CHECKS: Record<string, string> = {
  'opportunities without their ISV product': `select count(*) from opportunities o
     where not exists (select 1 from products p where p.isv_id = o.isv_id and p.id = o.product_id)`,
  'opportunities with a reseller that is not a partner': `select count(*) from opportunities o
     where not exists (select 1 from isv_resellers r where r.isv_id = o.isv_id and r.reseller_id = o.reseller_id)`,
  'opportunities whose times_used differs from their offers': `select count(*) from opportunities o
     left join (select opportunity_id, count(*) as c from offers group by opportunity_id) f on f.opportunity_id = o.id
     where o.times_used <> coalesce(f.c, 0)`,
  'clones of a missing opportunity': `select count(*) from opportunities o
     where o.cloned_from_id is not null and not exists (select 1 from opportunities s where s.id = o.cloned_from_id)`,
};
