import { resolve } from 'node:path';
import { z } from 'zod';
import { LOG_LEVELS } from './http/logger.js';
import { DEFAULT_AUTH_CACHE_MS } from './trpc/principal-cache.js';

/**
 * Postgres connections the server may hold. 20 keeps 64 concurrent clients busy on a small
 * machine without one Postgres backend per client (each costs memory and context switches).
 */
export const DEFAULT_POOL_SIZE = 20;

/** Unset and empty are the same: `DATABASE_URL=` means "no Postgres". */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const EnvSchema = z.object({
  NODE_ENV: optionalText,
  PORT: optionalText
    .refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) <= 65_535), {
      error: 'must be a port number (0-65535)',
    })
    .transform((v) => (v === undefined ? 3001 : Number(v))),
  HOST: optionalText.transform((v) => v ?? '127.0.0.1'),
  DATABASE_URL: optionalText.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  ),
  RESALE_KIT_DATA_DIR: optionalText,
  CORS_ORIGINS: optionalText,
  RESALE_KIT_NOW: optionalText.pipe(
    z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant' }).optional(),
  ),
  LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS).default('info')),
  DATABASE_POOL_SIZE: optionalText
    .refine(
      (v) => v === undefined || (/^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 1000),
      {
        error: 'must be a whole number of connections (1-1000)',
      },
    )
    .transform((v) => (v === undefined ? DEFAULT_POOL_SIZE : Number(v))),
  AUTH_CACHE_MS: optionalText
    .refine((v) => v === undefined || /^\d{1,7}$/.test(v), {
      error: 'must be a whole number of milliseconds (0 turns the cache off)',
    })
    .transform((v) => (v === undefined ? DEFAULT_AUTH_CACHE_MS : Number(v))),
  DATABASE_PREPARE: optionalText
    .pipe(z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'))
    .transform((v) => v === 'true'),
});

export interface ServerEnv {
  nodeEnv: string | undefined;
  port: number;
  host: string;
  /** Postgres through postgres.js when set; PGlite in `dataDir` otherwise. */
  databaseUrl: string | undefined;
  dataDir: string;
  corsOrigins: string | undefined;
  /** RESALE_KIT_NOW: the moment the server runs "as of", or undefined for the system clock. */
  fixedNow: Date | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  /** DATABASE_POOL_SIZE: postgres.js pool size (Postgres only). */
  poolSize: number;
  /** AUTH_CACHE_MS: how long a resolved API key is kept (cleared by any revocation). */
  authCacheMs: number;
  /** DATABASE_PREPARE: keep fixed statements prepared (false behind a transaction pooler). */
  prepare: boolean;
}

export class EnvError extends Error {
  override name = 'EnvError';
}

/** Reads and validates the environment; throws EnvError naming each bad variable. */
export function loadEnv(
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): ServerEnv {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.RESALE_KIT_NOW && e.NODE_ENV === 'production') {
    throw new EnvError(
      'RESALE_KIT_NOW is set but NODE_ENV=production: a pinned clock is for demos and tests ' +
        'only. Unset RESALE_KIT_NOW to run on the real clock.',
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(cwd, e.RESALE_KIT_DATA_DIR ?? '.data/pglite'),
    corsOrigins: e.CORS_ORIGINS,
    fixedNow: e.RESALE_KIT_NOW ? new Date(e.RESALE_KIT_NOW) : undefined,
    logLevel: e.LOG_LEVEL,
    poolSize: e.DATABASE_POOL_SIZE,
    prepare: e.DATABASE_PREPARE,
    authCacheMs: e.AUTH_CACHE_MS,
  };
}
