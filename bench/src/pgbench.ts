/**
 * The floor of offers.create on the Postgres side: a minimal transaction with the same logical
 * writes (the guarded increment of times_used, the offer with its idempotency key under the
 * unique index, the `used` event), run by pgbench with prepared statements over the same
 * opportunities, in the same run. Its Postgres CPU per transaction is the baseline the
 * server's Postgres CPU per offer is judged against. The summary counters: a multi-use
 * opportunity used stays Active, so neither side writes them (the server's counter CTEs write
 * nothing when the classes do not change).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type postgres from 'postgres';
import { cpuMeter } from './cpu.js';

const run = promisify(execFile);

/** One use: lock and count it if Active and the reseller's, then the offer, then the event. */
const SCRIPT = `\\set n random(1, :targets)
BEGIN;
UPDATE opportunities o SET times_used = o.times_used + 1
  FROM bench_use_targets t
  WHERE t.n = :n AND o.id = t.opp AND o.reseller_id = t.res
    AND o.restricted_at IS NULL
    AND NOT (o.duration_type = 'single-use' AND o.times_used >= 1)
    AND (o.end_at IS NULL OR o.end_at >= now())
  RETURNING o.id AS opp, o.isv_id AS isv, t.res AS res, t.usr AS usr \\gset
INSERT INTO offers (id, opportunity_id, reseller_id, buyer_account_id, idempotency_key, created_by, created_at)
  VALUES (gen_random_uuid(), :opp, :res, '123456789012', :prefix || gen_random_uuid(), :usr, now())
  RETURNING id AS offer \\gset
INSERT INTO events (id, opportunity_id, isv_id, type, actor_id, at, data)
  VALUES (gen_random_uuid(), :opp, :isv, 'used', :usr, now(),
          jsonb_build_object('offerId', :offer::text, 'buyerAccountId', '123456789012'));
COMMIT;
`;

export interface PgbenchResult {
  transactions: number;
  tps: number;
  /** Postgres CPU ms per transaction (every postgres process, from /proc). */
  pgCpuPerTx: number;
  clients: number;
  seconds: number;
}

/**
 * Runs the minimal use transaction over `ids` (active multi-use opportunities) for `seconds`;
 * its offers' idempotency keys start with `keyPrefix`.
 */
export async function pgbenchUse(
  sql: postgres.Sql,
  url: string,
  ids: string[],
  {
    clients = 20,
    seconds = 10,
    keyPrefix = 'pgb-',
  }: { clients?: number; seconds?: number; keyPrefix?: string } = {},
): Promise<PgbenchResult> {
  await sql`drop table if exists bench_use_targets`;
  await sql`
    create unlogged table bench_use_targets as
    select row_number() over (order by o.id)::int as n, o.id as opp, o.reseller_id as res,
           (select u.id from users u where u.reseller_id = o.reseller_id order by u.id limit 1) as usr
    from opportunities o where o.id = any(${ids}::uuid[])`;
  await sql`alter table bench_use_targets add primary key (n)`;
  await sql`analyze bench_use_targets`;
  const dir = mkdtempSync(join(tmpdir(), 'rk-pgbench-'));
  try {
    const file = join(dir, 'use.sql');
    writeFileSync(file, SCRIPT);
    const u = new URL(url);
    const args = [
      '-n',
      '-M',
      'prepared',
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(seconds),
      '-D',
      `targets=${ids.length}`,
      '-D',
      `prefix=${keyPrefix}`,
      '-f',
      file,
      '-h',
      u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      decodeURIComponent(u.username) || 'postgres',
      u.pathname.slice(1),
    ];
    const meter = cpuMeter(undefined, u.pathname.slice(1), { pollMs: 100 });
    const { stdout } = await run('pgbench', args, { maxBuffer: 1 << 20 });
    const done = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    if (!done || failed) throw new Error(`pgbench: ${failed} failed\n${stdout}`);
    const cpu = meter(done);
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
    return { transactions: done, tps, pgCpuPerTx: cpu.perOp.Postgres ?? NaN, clients, seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sql`drop table if exists bench_use_targets`;
  }
}
