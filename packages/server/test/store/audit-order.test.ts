/**
 * Under a race, the recorded times agree with the commit order: a use that won the row lock
 * before a deactivation is recorded before it, even when the use's request clock is later.
 * Postgres only: PGlite runs one statement at a time, so nothing races there.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Api, openApi } from '../api/harness.js';
import { T } from '../api/tenants.js';
import { testDatabases } from '../support/db.js';

const pg = testDatabases().find((t) => t.driver === 'postgres');
const block = pg?.enabled ? describe : describe.skip;

interface Detail {
  opportunity: { restrictedAt: string | null };
  offers: { createdAt: string }[];
  events: { type: string; at: string }[];
}

block('audit order under a use / deactivate race [postgres]', () => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi('postgres');
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Waits until `n` statements of this database wait for a lock. */
  async function waiters(n: number) {
    for (let i = 0; i < 200; i++) {
      const rows = (await api.db.orm.execute(sql`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`)) as unknown as {
        n: number;
      }[];
      if ((rows[0]?.n ?? 0) >= n) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`never saw ${n} statements waiting for a lock`);
  }

  test('a use that locked the row first is dated before the deactivation that waited', async () => {
    const [opp] = await api.must<{ id: string }[]>('isvA', 'opportunities.create', {
      name: 'Raced',
      productIds: [T.productA1],
      resellerIds: [T.reseller1],
      discount: { type: 'percentage', percent: 10 },
      durationType: 'no-set-duration',
    });
    const id = opp?.id as string;
    // The deactivation's request started first (earlier clock), the use's later.
    const deactivateAt = new Date('2026-03-10T12:00:39.775Z');
    const useAt = new Date('2026-03-10T12:00:39.790Z');
    let use: Promise<unknown> | undefined;
    let deactivate: Promise<unknown> | undefined;
    await api.db.orm.transaction(async (tx) => {
      // Hold the row so both queue behind this lock: the use first, then the deactivation.
      await tx.execute(sql`select id from opportunities where id = ${id} for update`);
      use = api.callAt(useAt, 'reseller1', 'offers.create', {
        opportunityId: id,
        buyerAccountId: '123456789012',
        idempotencyKey: 'race-1',
      });
      await waiters(1);
      deactivate = api.callAt(deactivateAt, 'isvA', 'opportunities.deactivate', { ids: [id] });
      await waiters(2);
    });
    expect(await use).toMatchObject({ ok: true });
    expect(await deactivate).toMatchObject({ ok: true, value: [{ id, ok: true }] });

    const detail = await api.must<Detail>('isvA', 'opportunities.get', { id });
    const restrictedAt = Date.parse(detail.opportunity.restrictedAt ?? '');
    const offerAt = Date.parse(detail.offers[0]?.createdAt ?? '');
    expect(offerAt).toBe(useAt.getTime());
    // The use committed first, so it is recorded first.
    expect(restrictedAt).toBeGreaterThan(offerAt);
    const used = detail.events.find((e) => e.type === 'used');
    const deactivated = detail.events.find((e) => e.type === 'deactivated');
    expect(Date.parse(used?.at ?? '')).toBeLessThan(Date.parse(deactivated?.at ?? ''));
    expect(Date.parse(deactivated?.at ?? '')).toBe(restrictedAt);
  });

  test('without a race the deactivation keeps its own clock', async () => {
    const [opp] = await api.must<{ id: string }[]>('isvA', 'opportunities.create', {
      name: 'Calm',
      productIds: [T.productA1],
      resellerIds: [T.reseller1],
      discount: { type: 'percentage', percent: 10 },
      durationType: 'no-set-duration',
    });
    const at = new Date('2026-03-10T13:00:00.000Z');
    await api.callAt(at, 'isvA', 'opportunities.deactivate', { ids: [opp?.id] });
    const detail = await api.must<Detail>('isvA', 'opportunities.get', { id: opp?.id });
    expect(detail.opportunity.restrictedAt).toBe(at.toISOString());
  });
});
