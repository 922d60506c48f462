import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What GET /healthz reports of the database. */
export interface DatabaseHealth {
  /**
   * The tag of the latest migration applied ('0004_status_sort'), or null when the schema is
   * missing (no migrations recorded, or the tables gone: a database dropped and recreated).
   */
  schema: string | null;
}

interface JournalEntry {
  when: number;
  tag: string;
}

/** The committed migrations' tags by their timestamp (drizzle records `when` as created_at). */
export function migrationTags(folder: string): Map<number, string> {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return new Map(journal.entries.map((e) => [e.when, e.tag]));
}

/** Whether the migrations table and the main table exist (to_regclass: no error when absent). */
export const SCHEMA_PRESENT_SQL = `select to_regclass('drizzle.__drizzle_migrations') is not null as tracked,
  to_regclass('public.opportunities') is not null as tables`;
export const LATEST_MIGRATION_SQL =
  'select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1';

/** Reads the schema version through `query` (a connection of its own where there is a pool). */
export async function readHealth(
  query: (text: string) => Promise<Record<string, unknown>[]>,
  tags: Map<number, string>,
): Promise<DatabaseHealth> {
  const [present] = await query(SCHEMA_PRESENT_SQL);
  if (!present?.tracked || !present.tables) return { schema: null };
  const [latest] = await query(LATEST_MIGRATION_SQL);
  if (!latest) return { schema: null };
  const when = Number(latest.created_at);
  // A migration this build does not know (a newer server migrated it) is still a schema.
  return { schema: tags.get(when) ?? `unknown (${when})` };
}
