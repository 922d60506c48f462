/**
 * GET /healthz tells the truth about the database: the schema version (latest migration
 * applied), 503 when the schema is gone (a database dropped and recreated), and on Postgres an
 * answer on a connection of its own while the pool is saturated. API statements are bounded by
 * statement_timeout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { createDb, migrationsFolder } from '../../src/db/index.js';
import { silentLogger } from '../../src/http/logger.js';
import { createHttpServer } from '../../src/http/server.js';
import { createStore } from '../../src/store/index.js';
import { testDatabases } from '../support/db.js';

const journal = JSON.parse(
  readFileSync(join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'),
) as { entries: { tag: string }[] };
const LATEST = journal.entries.at(-1)?.tag;

for (const target of testDatabases()) {
  const block = target.enabled ? describe : describe.skip;
  block(`/healthz and the schema [${target.driver}]`, () => {
    test('reports the latest migration applied; 503 "missing" once the tables are gone', async () => {
      const { db, close } = await target.open();
      const http = createHttpServer({
        store: createStore(db),
        logger: silentLogger,
        checkDatabase: () => db.health(),
      });
      const url = await http.listen(0);
      try {
        expect(await db.health()).toEqual({ schema: LATEST });
        const ok = await fetch(`${url}/healthz`);
        expect(ok.status).toBe(200);
        expect(await ok.json()).toEqual({ status: 'ok', database: 'ok', schema: LATEST });

        // What a dropped-and-recreated database looks like: reachable, but no schema.
        await db.orm.execute(sql`drop schema public cascade`);
        await db.orm.execute(sql`create schema public`);
        await db.orm.execute(sql`drop schema drizzle cascade`);
        expect(await db.health()).toEqual({ schema: null });
        const missing = await fetch(`${url}/healthz`);
        expect(missing.status).toBe(503);
        expect(await missing.json()).toEqual({
          status: 'unavailable',
          database: 'ok',
          schema: 'missing',
        });
      } finally {
        await http.close();
        await close();
      }
    });
  });
}

const postgres = testDatabases().find((t) => t.driver === 'postgres');
const pgBlock = postgres?.enabled ? describe : describe.skip;
pgBlock('Postgres connections [postgres]', () => {
  test('health answers on its own connection while every pooled one is busy', async () => {
    const { db, close } = await (postgres as NonNullable<typeof postgres>).open();
    // A second handle on the same database with a pool of 2, both held by slow statements.
    const url = await db.orm.execute(sql`select current_database() as name`);
    const name = (url as unknown as { name: string }[])[0]?.name;
    const base = new URL(process.env.DATABASE_URL as string);
    base.pathname = `/${name}`;
    const small = await createDb({ url: base.toString(), maxConnections: 2, migrate: false });
    try {
      let slowDone = false;
      const slow = Promise.all([
        small.orm.execute(sql`select pg_sleep(3)`),
        small.orm.execute(sql`select pg_sleep(3)`),
      ]).then(() => {
        slowDone = true;
      });
      await new Promise((r) => setTimeout(r, 300));
      // A pooled query now waits for a free connection...
      let pooledDone = false;
      const pooled = small.orm.execute(sql`select 1`).then(() => {
        pooledDone = true;
      });
      // ...while health is answered at once, before either finishes.
      expect(await small.health()).toEqual({ schema: LATEST });
      expect(slowDone).toBe(false);
      expect(pooledDone).toBe(false);
      await Promise.all([slow, pooled]);
    } finally {
      await small.close();
      await close();
    }
  });

  test('an API statement over statement_timeout is cancelled (57014); migrations are not bounded by it', async () => {
    const { db, close } = await (postgres as NonNullable<typeof postgres>).open();
    const [row] = (await db.orm.execute(sql`select current_database() as name`)) as unknown as {
      name: string;
    }[];
    const base = new URL(process.env.DATABASE_URL as string);
    base.pathname = `/${row?.name}`;
    // Migrating (already applied here) goes through its own connection.
    const bounded = await createDb({ url: base.toString(), statementTimeoutMs: 300 });
    try {
      const err = await bounded.orm.execute(sql`select pg_sleep(2)`).then(
        () => null,
        (e: unknown) => e as { cause?: { code?: string }; code?: string },
      );
      expect(err).not.toBeNull();
      expect(err?.cause?.code ?? err?.code).toBe('57014');
      const [setting] = (await bounded.orm.execute(
        sql`select current_setting('statement_timeout') as value`,
      )) as unknown as { value: string }[];
      expect(setting?.value).toBe('300ms');
    } finally {
      await bounded.close();
      await close();
    }
  });
});
