/**
 * Crash safety on Postgres: `kill -9` the server's bin in the middle of an offers.create load,
 * restart it, and check that every acknowledged offer is stored, every times_used equals its
 * offer rows, the summary counters equal a recount, and that retrying the requests whose answer
 * was lost (same idempotency keys) counts each of them at most once.
 */
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb, rebuildCounters } from '../../src/db/index.js';
import { hashApiKey } from '../../src/store/index.js';
import { counterMismatches, describePostgres, freshPostgres } from './pg.js';
import { call, startServerProcess } from './server-process.js';

const CLIENTS = 16;
const OPPORTUNITIES = 40;
const LOAD_MS = 2_000;
const RESELLER_KEY = `rk_kill9_reseller_${randomUUID()}`;

describePostgres('kill -9 during a write load', () => {
  let handle: Awaited<ReturnType<typeof freshPostgres>>;
  let sql: postgres.Sql;
  const oppIds: string[] = [];

  beforeAll(async () => {
    handle = await freshPostgres('rk_test_kill9');
    sql = postgres(handle.url, { max: 2, onnotice: () => {} });
    const isv = randomUUID();
    const reseller = randomUUID();
    const isvUser = randomUUID();
    const resellerUser = randomUUID();
    const product = randomUUID();
    await sql.begin(async (tx) => {
      await tx`insert into isvs (id, name) values (${isv}, 'Crash ISV')`;
      await tx`insert into resellers (id, name) values (${reseller}, 'Crash reseller')`;
      await tx`insert into isv_resellers (isv_id, reseller_id) values (${isv}, ${reseller})`;
      await tx`insert into users (id, name, isv_id) values (${isvUser}, 'ISV admin', ${isv})`;
      await tx`insert into users (id, name, reseller_id) values (${resellerUser}, 'Seller', ${reseller})`;
      await tx`insert into api_keys (id, user_id, key_hash) values (${randomUUID()}, ${resellerUser}, ${hashApiKey(RESELLER_KEY)})`;
      await tx`insert into products (id, isv_id, name) values (${product}, ${isv}, 'Crash product')`;
      for (let n = 0; n < OPPORTUNITIES; n++) {
        const id = randomUUID();
        oppIds.push(id);
        // Half open-ended, half with an end date ahead: both counter paths are exercised.
        const endAt = n % 2 ? new Date(Date.now() + 90 * 86_400_000) : null;
        await tx`insert into opportunities (id, isv_id, product_id, product_name, reseller_id, reseller_name,
                   name, discount_bps, duration_type, end_at, created_by)
                 values (${id}, ${isv}, ${product}, 'Crash product', ${reseller}, 'Crash reseller',
                   ${`Crash ${n}`}, 1000, ${n % 2 ? 'specific-duration' : 'no-set-duration'}, ${endAt}, ${isvUser})`;
      }
    });
    const db = await createDb({ url: handle.url, maxConnections: 1 });
    await rebuildCounters(db.orm);
    await db.close();
  }, 120_000);

  afterAll(async () => {
    await sql?.end({ timeout: 5 });
    await handle?.drop();
  });

  it('keeps every acknowledged offer and counts each exactly once', async () => {
    // Durability, not the per-key limits: one key writes from many clients, then replays.
    const env = {
      DATABASE_URL: handle.url,
      RATE_LIMIT_CALLS_PER_SECOND: '0',
      RATE_LIMIT_CONCURRENT: '0',
    };
    const first = await startServerProcess(['--no-seed'], env);
    const acked = new Map<string, { offerId: string; input: object }>(); // by idempotency key
    const unanswered: { input: object }[] = [];
    let stop = false;
    const start = Date.now();
    const clients = Array.from({ length: CLIENTS }, async (_, c) => {
      for (let j = 0; !stop && Date.now() - start < 20_000; j++) {
        const input = {
          opportunityId: oppIds[(c + CLIENTS * j) % OPPORTUNITIES],
          buyerAccountId: String(300000000000 + c * 10_000 + j),
          idempotencyKey: `kill9-${c}-${j}`,
        };
        try {
          const res = await call(first.base, RESELLER_KEY, 'offers.create', input, true);
          const data = res.body.result?.data as { offer: { id: string } } | undefined;
          if (res.status === 200 && data)
            acked.set(input.idempotencyKey, { offerId: data.offer.id, input });
          else unanswered.push({ input });
        } catch {
          // The connection died with the server: the outcome of this one is unknown.
          unanswered.push({ input });
          return;
        }
      }
    });
    try {
      await new Promise((r) => setTimeout(r, LOAD_MS));
    } finally {
      await first.stop('SIGKILL');
      stop = true;
      await Promise.all(clients);
    }
    expect(acked.size, 'the load should have produced offers before the kill').toBeGreaterThan(0);

    const second = await startServerProcess(['--no-seed'], env);
    try {
      // 1. Every acknowledged offer is there.
      const ackedIds = [...acked.values()].map((a) => a.offerId);
      const [found] = await sql<
        { n: number }[]
      >`select count(*)::int as n from offers where id = any(${ackedIds}::uuid[])`;
      expect(found?.n).toBe(ackedIds.length);
      // 2. times_used equals the offer rows, for every opportunity; counters equal a recount.
      const [drift] = await sql<{ n: number }[]>`
        select count(*)::int as n from opportunities o
        where o.times_used <> (select count(*) from offers f where f.opportunity_id = o.id)`;
      expect(drift?.n).toBe(0);
      expect(await counterMismatches(sql)).toBe(0);

      // 3. Retrying the requests whose answer was lost: each counts at most once in total.
      for (const { input } of unanswered) {
        const res = await call(second.base, RESELLER_KEY, 'offers.create', input, true);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
      const keys = [
        ...acked.keys(),
        ...unanswered.map((u) => (u.input as { idempotencyKey: string }).idempotencyKey),
      ];
      const [after] = await sql<{ offers: number; used: number }[]>`
        select (select count(*)::int from offers where idempotency_key = any(${keys})) as offers,
               (select sum(times_used)::int from opportunities where id = any(${oppIds}::uuid[])) as used`;
      expect(after?.offers).toBe(new Set(keys).size);
      expect(after?.used).toBe(new Set(keys).size);
      // Acknowledged ones replay their first offer after the restart, counting nothing.
      for (const { offerId, input } of [...acked.values()].slice(0, 20)) {
        const again = await call(second.base, RESELLER_KEY, 'offers.create', input, true);
        const data = again.body.result?.data as { offer: { id: string }; replayed: boolean };
        expect(data.replayed).toBe(true);
        expect(data.offer.id).toBe(offerId);
      }
      console.info(
        `kill -9: ${acked.size} offers acknowledged before the kill, ${unanswered.length} requests cut off and retried`,
      );
      const [drift2] = await sql<{ n: number }[]>`
        select count(*)::int as n from opportunities o
        where o.times_used <> (select count(*) from offers f where f.opportunity_id = o.id)`;
      expect(drift2?.n).toBe(0);
      expect(await counterMismatches(sql)).toBe(0);
    } finally {
      await second.stop('SIGTERM');
    }
  }, 120_000);
});
