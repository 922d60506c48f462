import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  createDb,
  createJsonLogger,
  createStore,
  fixedClock,
  type Logger,
  loadEnv,
  type Store,
  seedDemo,
} from '@resale-kit/server';

/** The server package's pieces this portal runs in its own process. */
export interface ResaleKit {
  store: Store;
  now: () => Date;
  clockFixed: boolean;
  /** JSON lines at LOG_LEVEL, as the bin writes them. */
  logger: Logger;
}

/**
 * One database per server process. Next evaluates route handlers and pages in separate module
 * graphs, and `next dev` re-evaluates modules on every edit: a module-level variable would open
 * PGlite more than once on the same folder, so the promise lives on globalThis.
 */
const holder = globalThis as typeof globalThis & { __resaleKit?: Promise<ResaleKit> };

export function resaleKit(): Promise<ResaleKit> {
  holder.__resaleKit ??= open().catch((err: unknown) => {
    holder.__resaleKit = undefined;
    throw err;
  });
  return holder.__resaleKit;
}

/**
 * The same settings as the `resale-kit-server` bin (DATABASE_URL, RESALE_KIT_DATA_DIR,
 * RESALE_KIT_NOW...): PGlite in `.data/pglite` under the app unless DATABASE_URL names Postgres.
 */
async function open(): Promise<ResaleKit> {
  const env = loadEnv();
  const now = env.fixedNow ? fixedClock(env.fixedNow) : () => new Date();
  // PGlite creates its own folder, but not the parents.
  if (!env.databaseUrl) mkdirSync(dirname(env.dataDir), { recursive: true });
  const db = await createDb(
    env.databaseUrl
      ? { url: env.databaseUrl, maxConnections: env.poolSize, prepare: env.prepare }
      : { dataDir: env.dataDir },
  );
  // The sign-in page offers the demo users, so the database needs them; does nothing once seeded.
  await seedDemo(db, { now: now() });
  return {
    store: createStore(db),
    now,
    clockFixed: env.fixedNow !== undefined,
    logger: createJsonLogger({ level: env.logLevel }),
  };
}
