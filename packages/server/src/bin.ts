import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { cliEnv, HELP, parseCliArgs } from './cli.js';
import { createDb } from './db/index.js';
import { DataFolderError } from './db/pglite-folder.js';
import { EnvError, loadEnv } from './env.js';
import { parseCorsOrigins } from './http/cors.js';
import { createJsonLogger } from './http/logger.js';
import { createHttpServer } from './http/server.js';
import { DEMO_IDENTITIES, seedDemo } from './seed/index.js';
import { createStore } from './store/index.js';
import { fixedClock } from './trpc/context.js';
import { errorLogFields } from './trpc/internal-errors.js';

/**
 * A failure nothing else handled leaves the process in an unknown state: log it once (as JSON,
 * without its internals: see internal-errors.ts) and exit 1, so that a supervisor restarts it.
 */
let crashing = false;
const crash = (what: string) => (err: unknown) => {
  if (crashing) return;
  crashing = true;
  createJsonLogger().error(what, errorLogFields(err));
  process.exit(1);
};
process.on('uncaughtException', crash('uncaught exception'));
process.on('unhandledRejection', crash('unhandled rejection'));

/** Startup problems the operator can fix: printed as one clear line, exit code 2. */
function fail(message: string): never {
  process.stderr.write(`resale-kit-server: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseCliArgs>;
  let env: ReturnType<typeof loadEnv>;
  try {
    args = parseCliArgs(process.argv.slice(2));
    if (args.help) {
      process.stdout.write(HELP);
      return;
    }
    env = loadEnv(cliEnv(args, process.env));
  } catch (err) {
    if (err instanceof EnvError || err instanceof TypeError) fail((err as Error).message);
    throw err;
  }

  const logger = createJsonLogger({ level: env.logLevel });
  const now = env.fixedNow ? fixedClock(env.fixedNow) : () => new Date();
  // PGlite creates its own folder (an empty one it would reject), but not the parents.
  if (!env.databaseUrl) mkdirSync(dirname(env.dataDir), { recursive: true });
  // createDb applies the committed migrations before returning.
  const db = await createDb(
    env.databaseUrl
      ? {
          url: env.databaseUrl,
          maxConnections: env.poolSize,
          prepare: env.prepare,
          statementTimeoutMs: env.statementTimeoutMs,
        }
      : { dataDir: env.dataDir },
  );
  const store = createStore(db);

  let demo = false;
  if (args.seed) {
    const seeded = await seedDemo(db, { now: now() });
    // An earlier run may have seeded this database: the demo keys still work then.
    demo = seeded || (await store.authenticate(DEMO_IDENTITIES[0]?.apiKey ?? '')) !== null;
    if (seeded) {
      process.stdout.write('Seeded demo data. Demo API keys:\n');
      for (const id of DEMO_IDENTITIES) {
        process.stdout.write(`  ${id.label.padEnd(36)} ${id.apiKey}\n`);
      }
    }
  }

  const http = createHttpServer({
    store,
    now,
    clockFixed: env.fixedNow !== undefined,
    cors: parseCorsOrigins(env.corsOrigins),
    logger,
    authCacheMs: env.authCacheMs,
    maxBatchSize: env.maxBatchSize,
    callerLimits: env.callerLimits,
    requestTimeoutMs: env.http.requestTimeoutMs,
    headersTimeoutMs: env.http.headersTimeoutMs,
    maxConnections: env.http.maxConnections,
    checkDatabase: () => db.health(),
    demoIdentities: demo && env.nodeEnv !== 'production' ? DEMO_IDENTITIES : undefined,
  });
  const url = await http.listen(env.port, env.host);
  const where = env.databaseUrl ? 'Postgres (DATABASE_URL)' : `PGlite at ${env.dataDir}`;
  process.stdout.write(`resale-kit-server listening on ${url} (tRPC at ${url}/trpc, ${where})\n`);
  if (env.fixedNow) process.stdout.write(`Clock pinned at ${env.fixedNow.toISOString()}\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    try {
      await http.close();
      await db.close();
      process.exit(0);
    } catch (err) {
      logger.error('shutdown failed', { error: (err as Error).message });
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  // A data folder the server must not open is the operator's to fix: one line, exit 2.
  if (err instanceof DataFolderError) fail(err.message);
  const cause = (err as Error).cause as Error | undefined;
  const detail = cause ? `\ncaused by: ${cause.message}` : '';
  process.stderr.write(
    `resale-kit-server: failed to start: ${(err as Error).stack ?? err}${detail}\n`,
  );
  process.exit(1);
});
