import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { describe } from 'vitest';
import { createDb, type Database } from '../../src/db/index.js';

/** Real Postgres for the hardening tests: DATABASE_URL, or skipped with a loud warning. */
export const PG_URL = process.env.DATABASE_URL || undefined;

export function describePostgres(title: string, body: () => void): void {
  if (!PG_URL) {
    console.warn(`\n*** SKIPPED (needs Postgres): "${title}" - set DATABASE_URL to run it ***\n`);
    describe.skip(`${title} [postgres: SKIPPED, DATABASE_URL not set]`, body);
    return;
  }
  describe(`${title} [postgres]`, body);
}

/** A fresh, migrated database of its own; `drop()` removes it. */
export async function freshPostgres(prefix: string) {
  if (!PG_URL) throw new Error('DATABASE_URL not set');
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const migrated = await createDb({ url: url.toString(), maxConnections: 2 });
  await migrated.close();
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

export interface Statement {
  text: string;
  params: unknown[];
}

/** A Database over postgres.js that records the SQL the Store sends while `capture` runs. */
export function capturingDatabase(url: string) {
  let sink: Statement[] | null = null;
  const client = postgres(url, {
    max: 4,
    onnotice: () => {},
    debug: (_c, text, params) => {
      sink?.push({ text, params: [...params] });
    },
  });
  const db: Database = {
    orm: drizzle(client) as unknown as Database['orm'],
    driver: 'postgres',
    migrate: async () => {},
    health: async () => ({ schema: null }),
    close: () => client.end({ timeout: 5 }),
  };
  return {
    db,
    client,
    async capture(fn: () => Promise<unknown>): Promise<Statement[]> {
      sink = [];
      try {
        await fn();
        return sink;
      } finally {
        sink = null;
      }
    },
  };
}

/** Summary counters vs a recount from the rows: the number of differing rows (0 = consistent). */
export async function counterMismatches(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ bad: number }[]>`
    with recount as (
      select i.id as isv_id, count(o.id)::int as total,
             count(o.id) filter (where o.restricted_at is not null)::int as restricted,
             count(o.id) filter (where o.restricted_at is null and o.duration_type = 'single-use' and o.times_used >= 1)::int as complete,
             count(o.id) filter (where o.restricted_at is null and not (o.duration_type = 'single-use' and o.times_used >= 1) and o.end_at is null)::int as open_no_end
      from isvs i left join opportunities o on o.isv_id = i.id group by i.id),
    ends as (
      select isv_id, end_at, count(*)::int as n from opportunities
      where restricted_at is null and not (duration_type = 'single-use' and times_used >= 1) and end_at is not null
      group by isv_id, end_at)
    select (select count(*) from recount r full join isv_counters c using (isv_id)
            where (r.total, r.restricted, r.complete, r.open_no_end)
                  is distinct from (coalesce(c.total, 0), coalesce(c.restricted, 0), coalesce(c.complete, 0), coalesce(c.open_no_end, 0)))::int
         + (select count(*) from ends e full join (select * from isv_open_end_counts where n <> 0) s using (isv_id, end_at)
            where e.n is distinct from s.n)::int as bad`;
  return row?.bad ?? -1;
}
