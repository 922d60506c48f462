import { parseArgs } from 'node:util';

export const OPERATOR_COMMANDS = ['init', 'orgs', 'keys'] as const;

export const OPERATOR_HELP = `Operator commands (on the database of DATABASE_URL or --data-dir; no server needed):
  init --kind isv|reseller --name <org> --admin <name> [--email <email>]
                    migrate, create the first organization and its admin; prints the
                    admin's API key once (refused when an organization exists: use orgs create)
  orgs list         every ISV and reseller with its id
  orgs create --kind isv|reseller --name <org> --admin <name> [--email <email>]
                    another organization and its admin (key printed once)
  keys create --user <user id> --label <text> [--expires-at <ISO instant>]
                    a key for that user; the secret is printed once
  keys list [--org <org id>]
                    keys with prefix, label, user, last use and state; never a secret
  keys revoke <key id>
                    refused at once by every server on this database
  keys revoke --demo
                    revoke every demo key (rk_demo_...) still valid
`;

export const HELP = `resale-kit-server: the resale-kit API (tRPC under /trpc) on PGlite or Postgres

Usage: resale-kit-server [options]          serve the API
       resale-kit-server <command> [...]    operator commands, below

Options:
  --port <n>        port to listen on (env PORT, default 3001; 0 picks a free one)
  --host <host>     interface to bind (env HOST, default 127.0.0.1)
  --data-dir <dir>  PGlite data folder (env RESALE_KIT_DATA_DIR, default .data/pglite);
                    ignored when DATABASE_URL is set (then Postgres is used)
  --seed-demo       seed the demo data (public demo keys) into an empty database;
                    refused when NODE_ENV=production. Without it nothing is seeded
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
  JWT_JWKS_URL      sign-in with your identity provider's JWTs (Authorization: Bearer <jwt>),
  JWT_PUBLIC_KEY      verified with its JWKS URL or one PEM public key; API keys keep working
  JWT_ISSUER, JWT_AUDIENCE  required with either; JWT_ALGORITHMS (default RS256)
  JWT_ORG_CLAIM, JWT_ROLE_CLAIM, JWT_NAME_CLAIM  claim names (default org, role, name):
                    org = the resale-kit organization id, role = admin|member|viewer,
                    sub = the user (created on first sight)

${OPERATOR_HELP}`;

export interface CliArgs {
  help: boolean;
  port?: string;
  host?: string;
  dataDir?: string;
  seedDemo: boolean;
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
      'seed-demo': { type: 'boolean' },
      // Accepted for scripts written when seeding was the default; nothing is seeded anyway.
      'no-seed': { type: 'boolean' },
    },
  });
  return {
    help: values.help ?? false,
    port: values.port,
    host: values.host,
    dataDir: values['data-dir'],
    seedDemo: values['seed-demo'] === true && !values['no-seed'],
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

/** An operator command's argv without `--data-dir <dir>`, which picks the database as for serving. */
export function splitDataDir(argv: readonly string[]): { dataDir?: string; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--data-dir') {
      dataDir = argv[++i];
      if (dataDir === undefined)
        throw new TypeError("Option '--data-dir <value>' argument missing");
    } else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else rest.push(arg);
  }
  return { dataDir, rest };
}
