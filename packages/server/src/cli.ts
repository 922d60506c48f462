import { parseArgs } from 'node:util';

export const HELP = `resale-kit-server: the resale-kit API (tRPC under /trpc) on PGlite or Postgres

Usage: resale-kit-server [options]

Options:
  --port <n>        port to listen on (env PORT, default 3001; 0 picks a free one)
  --host <host>     interface to bind (env HOST, default 127.0.0.1)
  --data-dir <dir>  PGlite data folder (env RESALE_KIT_DATA_DIR, default .data/pglite);
                    ignored when DATABASE_URL is set (then Postgres is used)
  --no-seed         do not seed demo data into an empty database
  -h, --help        show this help

Environment:
  DATABASE_URL      postgres://... to use Postgres instead of PGlite
                    (?host=/var/run/postgresql: through that Unix socket directory)
  DATABASE_POOL_SIZE  Postgres connections to pool (default 20; PGlite ignores it)
  DATABASE_PREPARE  false behind a pooler that cannot keep prepared statements (default true)
  AUTH_CACHE_MS     keep a resolved API key this long before looking it up again
                    (default 10000; 0 = every request). Speed only: a revoke, rotation,
                    removal or role change clears it at once, in every process on the
                    database (Postgres LISTEN/NOTIFY)
  CORS_ORIGINS      comma-separated browser origins allowed to call the API, or *
  RESALE_KIT_NOW    ISO instant to run "as of" (demos, tests); refused when NODE_ENV=production
  LOG_LEVEL         debug | info | warn | error | silent (default info)
`;

export interface CliArgs {
  help: boolean;
  port?: string;
  host?: string;
  dataDir?: string;
  seed: boolean;
}

/** Parses the bin's flags; throws a TypeError naming an unknown or malformed flag. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-seed': { type: 'boolean' },
    },
  });
  return {
    help: values.help ?? false,
    port: values.port,
    host: values.host,
    dataDir: values['data-dir'],
    seed: !values['no-seed'],
  };
}

/** Flags win over the environment: they become the env vars loadEnv validates. */
export function cliEnv(args: CliArgs, env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return {
    ...env,
    ...(args.port !== undefined && { PORT: args.port }),
    ...(args.host !== undefined && { HOST: args.host }),
    ...(args.dataDir !== undefined && { RESALE_KIT_DATA_DIR: args.dataDir }),
  };
}
