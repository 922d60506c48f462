import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { JwtConfigError, jwtAuthenticate } from './auth/jwt.js';
import { cliEnv, HELP, OPERATOR_COMMANDS, parseCliArgs, splitDataDir } from './cli.js';
import { createDb } from './db/index.js';
import { DataFolderError } from './db/pglite-folder.js';
import { EnvError, loadEnv } from './env.js';
import { parseCorsOrigins } from './http/cors.js';
import { createJsonLogger } from './http/logger.js';
import { createHttpServer } from './http/server.js';
import { runOperatorCommand, UsageError, validDemoKeyIds } from './operator.js';
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

/** The database the environment names (Postgres, or PGlite in its folder), migrated. */
async function openDatabase(env: ReturnType<typeof loadEnv>) {
  // PGlite creates its own folder (an empty one it would reject), but not the parents.
  if (!env.databaseUrl) mkdirSync(dirname(env.dataDir), { recursive: true });
  // createDb applies the committed migrations before returning.
  return createDb(
    env.databaseUrl
      ? {
          url: env.databaseUrl,
          maxConnections: env.poolSize,
          prepare: env.prepare,
          statementTimeoutMs: env.statementTimeoutMs,
        }
      : { dataDir: env.dataDir },
  );
}

/** `init`, `orgs`, `keys`: one operator command on the database, then exit. */
async function operator(argv: string[]): Promise<void> {
  let env: ReturnType<typeof loadEnv>;
  let rest: string[];
  try {
    const split = splitDataDir(argv);
    rest = split.rest;
    env = loadEnv(cliEnv({ help: false, seedDemo: false, dataDir: split.dataDir }, process.env));
  } catch (err) {
    if (err instanceof EnvError || err instanceof TypeError) fail((err as Error).message);
    throw err;
  }
  const db = await openDatabase(env);
  try {
    await runOperatorCommand(db, rest, (line) => process.stdout.write(`${line}\n`));
  } catch (err) {
    await db.close();
    if (err instanceof UsageError) fail(err.message);
    throw err;
  }
  await db.close();
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if ((OPERATOR_COMMANDS as readonly string[]).includes(argv[0] ?? '')) return operator(argv);
  let args: ReturnType<typeof parseCliArgs>;
  let env: ReturnType<typeof loadEnv>;
  try {
    args = parseCliArgs(argv);
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
  const production = env.nodeEnv === 'production';
  if (args.seedDemo && production) {
    fail('--seed-demo is refused when NODE_ENV=production: the demo API keys are public');
  }
  const db = await openDatabase(env);
  const store = createStore(db);

  let demo = false;
  if (args.seedDemo) {
    const seeded = await seedDemo(db, { now: now() });
    // An earlier run may have seeded this database: the demo keys still work then.
    demo = seeded || (await validDemoKeyIds(db)).length > 0;
    if (seeded) {
      process.stdout.write('Seeded demo data. Demo API keys:\n');
      for (const id of DEMO_IDENTITIES) {
        process.stdout.write(`  ${id.label.padEnd(36)} ${id.apiKey}\n`);
      }
    }
  }

  if (production) {
    const demoKeys = await validDemoKeyIds(db);
    if (demoKeys.length > 0) {
      await db.close();
      fail(
        `${demoKeys.length} demo API key(s) (the ones published in the README) still work ` +
          'in this database, and NODE_ENV=production. Revoke them first: ' +
          '`resale-kit-server keys revoke --demo` (same DATABASE_URL or --data-dir).',
      );
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
    demoIdentities: demo && !production ? DEMO_IDENTITIES : undefined,
    authenticate: env.jwt
      ? await jwtAuthenticate(store, env.jwt).catch((err: unknown) =>
          err instanceof JwtConfigError ? fail(err.message) : Promise.reject(err),
        )
      : undefined,
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
