import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { type DatabaseHealth, migrationTags, readHealth } from './health.js';
import { checkPgliteFolder, DataFolderError } from './pglite-folder.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is underneath (both extend PgDatabase). */
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction (or the database itself: both run queries). */
export type Tx = Parameters<Parameters<Orm['transaction']>[0]>[0];

export interface Database {
  orm: Orm;
  driver: 'pglite' | 'postgres';
  /** Applies the committed migrations (idempotent). */
  migrate(): Promise<void>;
  /**
   * Postgres only: LISTEN on `channel` on a dedicated connection. `onNotify` runs for each
   * NOTIFY, `onListen` each time the LISTEN is (re)established (notifications sent while the
   * connection was down are lost, so a listener treats a reconnect as "anything may have
   * changed"). Null on PGlite, which is single-process: nobody else can change its data.
   */
  listen?:
    | ((
        channel: string,
        onNotify: () => void,
        onListen: () => void,
      ) => Promise<() => Promise<void>>)
    | null;
  /**
   * The schema version, read on a connection of its own (Postgres), so that it answers while
   * the pool is saturated. Rejects when the database is unreachable.
   */
  health(): Promise<DatabaseHealth>;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /**
   * A postgres:// URL: use real Postgres through postgres.js. `?host=/socket/dir` connects
   * through a Unix socket in that directory, as with libpq.
   */
  url?: string;
  /** PGlite data folder, or 'memory://' (default: `.pglite` in the working directory). */
  dataDir?: string;
  /** Run migrations before returning (default true). */
  migrate?: boolean;
  /** postgres.js pool size (default 20, as the bin's DATABASE_POOL_SIZE). */
  maxConnections?: number;
  /**
   * Keep fixed statements prepared on each connection (default true). Turn off behind a
   * transaction-mode pooler that cannot hold prepared statements (the bin's DATABASE_PREPARE).
   */
  prepare?: boolean;
  /** Sees every query Drizzle sends (tests use it to EXPLAIN the store's real queries). */
  logger?: Logger;
  /**
   * Postgres `statement_timeout` (ms) of the pool's connections: an API statement running
   * longer is cancelled (SQLSTATE 57014). Default 15,000; 0 = none. Migrations run on a
   * connection of their own without it. Ignored on PGlite.
   */
  statementTimeoutMs?: number;
}

/**
 * The committed migrations, found by walking up from this module: works from src/ (tests,
 * tsx), from dist/ (bundled) and from an installed tarball (package.json "files": drizzle).
 */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('resale-kit: migrations folder (drizzle/) not found next to the package');
}

/** PGlite by default; postgres.js when a URL is given. Migrates unless told not to. */
export async function createDb(options: CreateDbOptions = {}): Promise<Database> {
  const db = options.url ? openPostgres(options) : await openPglite(options);
  if (options.migrate !== false) await db.migrate();
  return db;
}

/**
 * libpq's way to name a Unix socket in a URL, `?host=/var/run/postgresql`, which postgres.js
 * would otherwise send to the server as a setting: becomes postgres.js's `host` option.
 */
function socketHost(url: string): { url: string; host?: string } {
  const parsed = new URL(url);
  const dir = parsed.searchParams.get('host');
  if (!dir?.startsWith('/')) return { url };
  parsed.searchParams.delete('host');
  return { url: parsed.toString(), host: dir };
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

function openPostgres(options: CreateDbOptions): Database {
  const { url, host } = socketHost(options.url as string);
  const statementTimeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const client = postgres(url, {
    ...(host ? { host } : {}),
    max: options.maxConnections ?? 20,
    prepare: options.prepare ?? true,
    onnotice: () => {},
    // Sent as a startup parameter: every statement on these connections is bounded.
    ...(statementTimeout > 0 ? { connection: { statement_timeout: statementTimeout } } : {}),
  });
  const orm = drizzlePostgres(client, { schema, logger: options.logger ?? false });
  // One connection outside the pool for /healthz, opened on first use; short timeouts of its
  // own so that a stuck database answers 503 rather than hanging the probe.
  const probe = postgres(url, {
    ...(host ? { host } : {}),
    max: 1,
    prepare: false,
    onnotice: () => {},
    connect_timeout: 5,
    connection: { statement_timeout: 5_000, application_name: 'resale-kit-healthz' },
  });
  const tags = migrationTags(migrationsFolder());
  return {
    orm: orm as unknown as Orm,
    driver: 'postgres',
    async migrate() {
      // Its own connection, without the API's statement_timeout: a migration may take long.
      const own = postgres(url, { ...(host ? { host } : {}), max: 1, onnotice: () => {} });
      try {
        await migratePostgres(drizzlePostgres(own), { migrationsFolder: migrationsFolder() });
      } finally {
        await own.end({ timeout: 5 });
      }
    },
    listen: async (channel, onNotify, onListen) => {
      const { unlisten } = await client.listen(channel, () => onNotify(), onListen);
      return unlisten;
    },
    health: () => readHealth((text) => probe.unsafe(text), tags),
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), probe.end({ timeout: 5 })]);
    },
  };
}

async function openPglite(options: CreateDbOptions): Promise<Database> {
  const dataDir = options.dataDir ?? resolve('.pglite');
  checkPgliteFolder(dataDir);
  const client = new PGlite(dataDir, { extensions: { pg_trgm } });
  try {
    await client.waitReady;
  } catch (err) {
    // PGlite's own message ("failed to initialize properly") names neither the folder nor why.
    const cause = err instanceof Error ? err.message : String(err);
    throw new DataFolderError(
      `PGlite could not open its data folder ${dataDir}: ${cause} (a damaged or partly ` +
        'written folder, or one made by another PGlite version)',
      { cause: err },
    );
  }
  const orm = drizzlePglite(client, { schema, logger: options.logger ?? false });
  const tags = migrationTags(migrationsFolder());
  return {
    orm: orm as unknown as Orm,
    driver: 'pglite',
    migrate: () => migratePglite(orm, { migrationsFolder: migrationsFolder() }),
    listen: null,
    // PGlite is one connection in this process: there is no pool to bypass.
    health: () =>
      readHealth(async (text) => (await client.query<Record<string, unknown>>(text)).rows, tags),
    close: () => client.close(),
  };
}

/** What queryPrepared needs of the two drivers (Drizzle's public `$client`). */
type RawClient =
  | { unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]> }
  | { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * Runs fixed SQL text ($1, $2, ... parameters) as a prepared statement where the driver keeps
 * one: postgres.js parses, describes and plans it once per connection, then each call is one
 * round trip (unless the client was made with `prepare: false`). PGlite runs it as it is.
 * Only for text that is the same on every call: each distinct text stays prepared.
 */
export async function queryPrepared<T>(orm: Orm, text: string, params: unknown[]): Promise<T[]> {
  const client = (orm as unknown as { $client: RawClient }).$client;
  if ('unsafe' in client) return (await client.unsafe(text, params, { prepare: true })) as T[];
  return (await client.query(text, params)).rows as T[];
}
