import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

/** The Postgres channel on which every server process hears that some key or user changed. */
export const AUTH_CHANNEL = 'resale_kit_auth';

/**
 * Tells every process on this database that cached principals may be stale. Sent inside the
 * transaction that changed them: Postgres delivers it at commit, never for a rollback.
 */
export async function notifyAuthChange(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_notify(${AUTH_CHANNEL}, '')`);
}

/** Local listeners of one process (its principal caches). */
export class AuthListeners {
  readonly #listeners = new Set<() => void>();
  add(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  get size(): number {
    return this.#listeners.size;
  }
  emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
