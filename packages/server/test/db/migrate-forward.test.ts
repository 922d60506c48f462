import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src/db/index.js';
import * as schema from '../../src/db/schema.js';
import { hashApiKey } from '../../src/store/auth.js';
import { createStore } from '../../src/store/index.js';

/**
 * A database made before 0005 (organizations) migrates forward with its data: its users
 * become admins (they could do everything before roles), and its keys keep working.
 */
describe('migration 0005 on an existing database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rk-migrations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the data, backfills roles, and the old keys still sign in', async () => {
    // The migrations as they were before 0005: the same files, a journal that stops at 0004.
    cpSync(migrationsFolder(), dir, { recursive: true });
    const journalPath = join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
    journal.entries = journal.entries.filter((e) => e.idx < 5);
    writeFileSync(journalPath, JSON.stringify(journal));

    const client = new PGlite('memory://', { extensions: { pg_trgm } });
    const orm = drizzle(client, { schema });
    try {
      await migrate(orm, { migrationsFolder: dir });
      const isv = '00000000-0000-4000-8000-000000000001';
      const user = '00000000-0000-4000-8000-000000000002';
      await client.exec(`
        insert into isvs (id, name) values ('${isv}', 'Old ISV');
        insert into users (id, name, isv_id) values ('${user}', 'Old admin', '${isv}');
        insert into api_keys (id, user_id, key_hash, label)
          values ('00000000-0000-4000-8000-000000000003', '${user}', '${hashApiKey('rk_old_key')}', 'old');
      `);

      await migrate(orm, { migrationsFolder: migrationsFolder() });
      const store = createStore({
        orm: orm as never,
        driver: 'pglite',
        migrate: async () => {},
        health: async () => {
          throw new Error('not used by this test');
        },
        close: async () => {},
      });
      const principal = await store.authenticate('rk_old_key');
      expect(principal).toEqual({
        kind: 'isv',
        userId: user,
        name: 'Old admin',
        role: 'admin',
        isvId: isv,
      });
      const keys = await store.admin.listKeys(principal as never);
      expect(keys).toMatchObject([{ label: 'old', prefix: null, revokedAt: null }]);
    } finally {
      await client.close();
    }
  }, 60_000);
});
