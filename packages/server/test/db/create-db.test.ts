import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, migrationsFolder } from '../../src/db/index.js';
import { apiKeys, isvs } from '../../src/db/schema.js';
import { DEMO_IDENTITIES, seedDemo } from '../../src/seed/index.js';
import { createStore } from '../../src/store/index.js';
import { describeEachDb } from '../support/db.js';

const NOW = new Date('2026-03-15T12:00:00.000Z');

describe('createDb on a PGlite folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rk-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the committed migrations next to the package', () => {
    expect(existsSync(join(migrationsFolder(), 'meta', '_journal.json'))).toBe(true);
  });

  it('keeps its data across a restart, and migrating again is a no-op', async () => {
    const first = await createDb({ dataDir: dir });
    expect(await seedDemo(first, NOW)).toBe(true);
    await first.close();
    const second = await createDb({ dataDir: dir });
    await second.migrate();
    const [row] = await second.orm.select({ n: count() }).from(isvs);
    expect(Number(row?.n)).toBeGreaterThanOrEqual(2);
    expect(await seedDemo(second, NOW)).toBe(false);
    const key = DEMO_IDENTITIES[0]?.apiKey as string;
    expect(await createStore(second).authenticate(key)).not.toBeNull();
    await second.close();
  }, 120_000); // two cold PGlite starts on a folder, on a shared 2-core machine
});

describeEachDb('api keys', (ctx) => {
  it('are stored as sha256 hashes, never in clear', async () => {
    await seedDemo(ctx.db, NOW);
    const rows = await ctx.db.orm.select({ h: apiKeys.keyHash }).from(apiKeys);
    expect(rows.length).toBe(DEMO_IDENTITIES.length);
    for (const { h } of rows) expect(h).toMatch(/^[0-9a-f]{64}$/);
    const clear = await ctx.db.orm.execute(
      sql`select 1 from api_keys where key_hash like 'rk_demo%'`,
    );
    expect((Array.isArray(clear) ? clear : (clear as { rows: unknown[] }).rows).length).toBe(0);
    const store = createStore(ctx.db);
    expect(await store.authenticate('')).toBeNull();
    expect(await store.authenticate('x'.repeat(10_000))).toBeNull();
  });
});
