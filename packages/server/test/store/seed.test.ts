import { deriveStatus, type Opportunity, summarize } from '@resale-kit/core';
import { expect, it } from 'vitest';
import { opportunities } from '../../src/db/schema.js';
import { DEMO_IDENTITIES, seedDemo } from '../../src/seed/index.js';
import { createStore } from '../../src/store/index.js';
import type { IsvPrincipal } from '../../src/store/types.js';
import { describeEachDb } from '../support/db.js';

const NOW = new Date('2026-03-15T12:00:00.000Z');

describeEachDb('seedDemo', (ctx) => {
  it('seeds an empty database once, deterministically', async () => {
    expect(await seedDemo(ctx.db, NOW)).toBe(true);
    expect(await seedDemo(ctx.db, { now: NOW })).toBe(false);
  });

  it('every demo key signs in as its kind', async () => {
    const store = createStore(ctx.db);
    for (const d of DEMO_IDENTITIES) {
      const p = await store.authenticate(d.apiKey);
      expect(p?.kind).toBe(d.kind);
      expect(p?.name).toBe(d.name);
    }
    expect(await store.authenticate('rk_demo_nope')).toBeNull();
  });

  it("has the announcement's examples, every status, paging data and matching counters", async () => {
    const store = createStore(ctx.db);
    const acme = (await store.authenticate('rk_demo_isv_acme_admin')) as IsvPrincipal;
    const all: Opportunity[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listOpportunities(
        acme,
        { sort: { field: 'createdAt', direction: 'desc' }, limit: 100, cursor },
        NOW,
      );
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all.length).toBeGreaterThanOrEqual(40);
    const byName = (n: string) => all.find((o) => o.name === n);
    expect(byName('Single use, used once')).toMatchObject({ status: 'complete', timesUsed: 1 });
    expect(byName('Specific duration, used 5 times')).toMatchObject({
      status: 'active',
      timesUsed: 5,
    });
    expect(byName('Specific duration, past its end date')).toMatchObject({
      status: 'expired',
      timesUsed: 5,
    });
    expect(byName('No set duration, used 3 times')).toMatchObject({
      status: 'active',
      timesUsed: 3,
    });
    expect(byName('No set duration, deactivated')).toMatchObject({
      status: 'restricted',
      timesUsed: 3,
    });
    for (const o of all) expect(o.status).toBe(deriveStatus(o, NOW));
    const summary = await store.summary(acme, NOW);
    expect(summary).toEqual(summarize(all, NOW));
    for (const s of ['active', 'expired', 'restricted', 'complete'] as const) {
      expect(summary.byStatus[s]).toBeGreaterThan(0);
    }
    expect(summary.expiringIn30Days).toBeGreaterThan(0);
    for (const t of ['single-use', 'specific-duration', 'no-set-duration']) {
      expect(all.some((o) => o.durationType === t)).toBe(true);
    }
  });

  it('offers and events agree with times used', async () => {
    const store = createStore(ctx.db);
    const acme = (await store.authenticate('rk_demo_isv_acme_admin')) as IsvPrincipal;
    const rows = await ctx.db.orm.select({ id: opportunities.id }).from(opportunities);
    for (const { id } of rows.slice(0, 80)) {
      const d = await store.getOpportunity(acme, id, NOW);
      if (!d) continue;
      expect(d.offers).toHaveLength(d.opportunity.timesUsed);
      expect(d.events.filter((e) => e.type === 'used')).toHaveLength(d.opportunity.timesUsed);
      expect(d.events.some((e) => e.type === 'deactivated')).toBe(
        d.opportunity.restrictedAt !== null,
      );
    }
  });
});
