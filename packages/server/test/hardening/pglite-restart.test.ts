/**
 * A PGlite data folder survives a restart of the server's bin: start it on an empty folder (it
 * migrates and seeds), write through the API, stop it (SIGTERM), start it again on the same
 * folder, and read everything back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../src/seed/index.js';
import { call, startServerProcess } from './server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'rk-pglite-restart-'));
const isvKey = DEMO_IDENTITIES.find((d) => d.kind === 'isv')?.apiKey ?? '';
const resellerKey = DEMO_IDENTITIES.find((d) => d.kind === 'reseller')?.apiKey ?? '';

interface Page {
  items: {
    id: string;
    timesUsed: number;
    status: string;
    resellerId: string;
    durationType: string;
  }[];
  total: number;
}

describe('PGlite data folder across a restart [pglite]', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the seed and every write', async () => {
    const env = { DATABASE_URL: '' };
    const first = await startServerProcess(['--data-dir', dir, '--seed-demo'], env, 90_000);
    let before: { list: Page; summary: unknown; offerId: string; opportunityId: string };
    try {
      const list = (await call(first.base, resellerKey, 'opportunities.list', { limit: 100 })).body
        .result?.data as Page;
      const target = list.items.find(
        (o) => o.status === 'active' && o.durationType !== 'single-use',
      );
      expect(target, 'the seed has an active multi-use opportunity for this reseller').toBeTruthy();
      const created = await call(
        first.base,
        resellerKey,
        'offers.create',
        { opportunityId: target?.id, buyerAccountId: '123456789012', idempotencyKey: 'restart-1' },
        true,
      );
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const offer = (created.body.result?.data as { offer: { id: string } } | undefined)?.offer;
      if (!offer) throw new Error('no offer in the answer');
      before = {
        list: (await call(first.base, isvKey, 'opportunities.list', { limit: 100 })).body.result
          ?.data as Page,
        summary: (await call(first.base, isvKey, 'opportunities.summary')).body.result?.data,
        offerId: offer.id,
        opportunityId: target?.id ?? '',
      };
    } finally {
      await first.stop('SIGTERM');
    }
    expect(first.child.exitCode, first.output()).toBe(0);

    const second = await startServerProcess(['--data-dir', dir, '--seed-demo'], env, 90_000);
    try {
      expect(second.output()).not.toContain('Seeded demo data');
      const list = (await call(second.base, isvKey, 'opportunities.list', { limit: 100 })).body
        .result?.data;
      expect(list).toEqual(before.list);
      expect((await call(second.base, isvKey, 'opportunities.summary')).body.result?.data).toEqual(
        before.summary,
      );
      const details = (
        await call(second.base, isvKey, 'opportunities.get', { id: before.opportunityId })
      ).body.result?.data as { offers: { id: string }[] };
      expect(details.offers.map((o) => o.id)).toContain(before.offerId);
    } finally {
      await second.stop('SIGTERM');
    }
  }, 240_000);
});
