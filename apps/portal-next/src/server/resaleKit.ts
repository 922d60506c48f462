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
 * Whether to seed the demo tenants (the users the toy sign-in offers): PORTAL_SEED_DEMO, on by
 * default outside production. As the bin's `--seed-demo`, refused when NODE_ENV=production: the
 * demo API keys are public. Seeding does nothing once a database is seeded.
 */
function seedDemoData(production: boolean): boolean {
  const flag = process.env.PORTAL_SEED_DEMO;
  if (flag !== undefined && flag !== '0' && flag !== '1') {
    throw new Error(`PORTAL_SEED_DEMO must be 0 or 1, not ${JSON.stringify(flag)}`);
  }
  if (flag === '1' && production) {
    throw new Error(
      'PORTAL_SEED_DEMO=1 is refused when NODE_ENV=production: the demo API keys are public',
    );
  }
  return flag === undefined ? !production : flag === '1';
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
  if (seedDemoData(env.nodeEnv === 'production')) await seedDemo(db, { now: now() });
  return {
    store: createStore(db),
    now,
    clockFixed: env.fixedNow !== undefined,
    logger: createJsonLogger({ level: env.logLevel }),
  };
}
