import { randomBytes } from 'node:crypto';
import type { Logger } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDb, type Database } from '../../src/db/index.js';

/**
 * The databases every server test runs on: PGlite in memory always, plus real Postgres when
 * DATABASE_URL is set (a fresh `rk_test_<random>` database per test file, dropped afterwards).
 * Without DATABASE_URL the Postgres variants are registered as skipped, so reports show them.
 */
export type Driver = 'pglite' | 'postgres';

export interface TestDatabase {
  driver: Driver;
  /** False when the driver is not available here (Postgres without DATABASE_URL). */
  enabled: boolean;
  /** Opens a migrated, empty database; call the returned close when done. */
  open(options?: { logger?: Logger }): Promise<{ db: Database; close(): Promise<void> }>;
}

let warned = false;

export function testDatabases(): TestDatabase[] {
  const url = process.env.DATABASE_URL;
  if (!url && !warned) {
    warned = true;
    console.warn('POSTGRES TESTS SKIPPED: DATABASE_URL not set');
  }
  return [
    {
      driver: 'pglite',
      enabled: true,
      open: async (options = {}) => {
        const db = await createDb({ dataDir: 'memory://', ...options });
        return { db, close: () => db.close() };
      },
    },
    {
      driver: 'postgres',
      enabled: Boolean(url),
      open: (options = {}) => openPostgres(url as string, options),
    },
  ];
}

async function openPostgres(adminUrl: string, options: { logger?: Logger }) {
  const name = `rk_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await createDb({ url: url.toString(), maxConnections: 20, ...options });
  return {
    db,
    close: async () => {
      await db.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

export interface DbContext {
  readonly db: Database;
  readonly driver: Driver;
}

/**
 * `describe` once per test database, each with one database for the whole block (opened in
 * beforeAll, closed in afterAll). Use one `describeEachDb` per file: PGlite is slow to start.
 */
export function describeEachDb(
  title: string,
  body: (ctx: DbContext) => void,
  options: { logger?: Logger } = {},
): void {
  for (const target of testDatabases()) {
    const block = target.enabled ? describe : describe.skip;
    block(`${title} [${target.driver}]`, () => {
      let handle: Awaited<ReturnType<TestDatabase['open']>> | undefined;
      beforeAll(async () => {
        handle = await target.open(options);
      });
      afterAll(async () => {
        await handle?.close();
      });
      body({
        driver: target.driver,
        get db() {
          if (!handle) throw new Error('test database not open yet (use it inside tests/hooks)');
          return handle.db;
        },
      });
    });
  }
}
