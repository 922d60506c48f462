export {
  type CreateDbOptions,
  createDb,
  type Database,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  migrationsFolder,
  type Orm,
  type Tx,
} from './client.js';
export { readSummary, rebuildCounters, rebuildCountersIn } from './counters.js';
export type { DatabaseHealth } from './health.js';
export * as schema from './schema.js';

import type { Database } from './client.js';

/** Applies the committed migrations (createDb already does unless `migrate: false`). */
export const migrate = (db: Database): Promise<void> => db.migrate();
