import { resolve } from 'node:path';
import { MAX_BATCH_SIZE } from '@resale-kit/core';
import { z } from 'zod';
import type { JwtAuthOptions } from './auth/jwt.js';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from './db/client.js';
import { DEFAULT_CALLS_PER_SECOND, DEFAULT_MAX_CONCURRENT } from './http/caller-limits.js';
import { LOG_LEVELS } from './http/logger.js';
import { DEFAULT_AUTH_CACHE_MS } from './trpc/principal-cache.js';

/**
 * Postgres connections the server may hold. 20 keeps 64 concurrent clients busy on a small
 * machine without one Postgres backend per client (each costs memory and context switches).
 */
export const DEFAULT_POOL_SIZE = 20;

/** HTTP server bounds (bin defaults; see docs/api.md "Limits"). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_CONNECTIONS = 1_000;

/** Unset and empty are the same: `DATABASE_URL=` means "no Postgres". */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** A whole number from `min` to `max`, or `fallback` when unset. */
const wholeNumber = (fallback: number, min: number, max: number, unit: string) =>
  optionalText
    .refine(
      (v) => v === undefined || (/^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= max),
      { error: `must be a whole number of ${unit} (${min}-${max})` },
    )
    .transform((v) => (v === undefined ? fallback : Number(v)));

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
  JWT_JWKS_URL: optionalText.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
  JWT_PUBLIC_KEY: optionalText.refine(
    (v) => v === undefined || v.includes('-----BEGIN PUBLIC KEY-----'),
    { error: 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)' },
  ),
  JWT_ALGORITHMS: optionalText,
  JWT_ISSUER: optionalText,
  JWT_AUDIENCE: optionalText,
  JWT_ORG_CLAIM: optionalText,
  JWT_ROLE_CLAIM: optionalText,
  JWT_NAME_CLAIM: optionalText,
  DATABASE_PREPARE: optionalText
    .pipe(z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'))
    .transform((v) => v === 'true'),
  MAX_BATCH_SIZE: wholeNumber(MAX_BATCH_SIZE, 1, 1000, 'calls'),
  RATE_LIMIT_CALLS_PER_SECOND: wholeNumber(
    DEFAULT_CALLS_PER_SECOND,
    0,
    1_000_000,
    'calls per second (0 turns the limit off)',
  ),
  RATE_LIMIT_CONCURRENT: wholeNumber(
    DEFAULT_MAX_CONCURRENT,
    0,
    100_000,
    'requests in flight (0 turns the limit off)',
  ),
  HTTP_REQUEST_TIMEOUT_MS: wholeNumber(DEFAULT_REQUEST_TIMEOUT_MS, 1000, 3_600_000, 'milliseconds'),
  HTTP_HEADERS_TIMEOUT_MS: wholeNumber(DEFAULT_HEADERS_TIMEOUT_MS, 1000, 3_600_000, 'milliseconds'),
  HTTP_MAX_CONNECTIONS: wholeNumber(DEFAULT_MAX_CONNECTIONS, 1, 1_000_000, 'connections'),
  DATABASE_STATEMENT_TIMEOUT_MS: wholeNumber(
    DEFAULT_STATEMENT_TIMEOUT_MS,
    0,
    3_600_000,
    'milliseconds (0 turns the timeout off)',
  ),
  RESALE_KIT_DEBUG_ERRORS: optionalText
    .pipe(z.enum(['0', '1'], { error: 'must be 1 (on) or 0 (off)' }).default('0'))
    .transform((v) => v === '1'),
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
  /** JWT_*: sign-in with the host's JWTs beside API keys; undefined when not configured. */
  jwt: JwtAuthOptions | undefined;
  /** MAX_BATCH_SIZE: calls one batched request may hold. */
  maxBatchSize: number;
  /** RATE_LIMIT_CALLS_PER_SECOND / RATE_LIMIT_CONCURRENT: per API key, per process; 0 = off. */
  callerLimits: { callsPerSecond: number; maxConcurrent: number };
  /** HTTP_REQUEST_TIMEOUT_MS, HTTP_HEADERS_TIMEOUT_MS, HTTP_MAX_CONNECTIONS. */
  http: { requestTimeoutMs: number; headersTimeoutMs: number; maxConnections: number };
  /** DATABASE_STATEMENT_TIMEOUT_MS: Postgres statement_timeout of API statements; 0 = none. */
  statementTimeoutMs: number;
  /** RESALE_KIT_DEBUG_ERRORS=1: internal errors carry their stack and cause (never by default). */
  debugErrors: boolean;
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
  let jwt: JwtAuthOptions | undefined;
  if (e.JWT_JWKS_URL || e.JWT_PUBLIC_KEY) {
    const missing = [!e.JWT_ISSUER && 'JWT_ISSUER', !e.JWT_AUDIENCE && 'JWT_AUDIENCE'].filter(
      Boolean,
    );
    if (e.JWT_JWKS_URL && e.JWT_PUBLIC_KEY) {
      throw new EnvError(
        'Invalid environment:\n  JWT_PUBLIC_KEY: set JWT_JWKS_URL or JWT_PUBLIC_KEY, not both',
      );
    }
    if (missing.length) {
      throw new EnvError(
        `Invalid environment:\n${missing.map((m) => `  ${m}: is required when JWT sign-in is on`).join('\n')}`,
      );
    }
    jwt = {
      jwksUrl: e.JWT_JWKS_URL,
      publicKey: e.JWT_PUBLIC_KEY?.replaceAll('\\n', '\n'),
      algorithms: e.JWT_ALGORITHMS?.split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      issuer: e.JWT_ISSUER as string,
      audience: e.JWT_AUDIENCE as string,
      claims: { org: e.JWT_ORG_CLAIM, role: e.JWT_ROLE_CLAIM, name: e.JWT_NAME_CLAIM },
    };
  }
  if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    throw new EnvError(
      'HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS ' +
        '(the headers are part of the request)',
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
    jwt,
    maxBatchSize: e.MAX_BATCH_SIZE,
    callerLimits: {
      callsPerSecond: e.RATE_LIMIT_CALLS_PER_SECOND,
      maxConcurrent: e.RATE_LIMIT_CONCURRENT,
    },
    http: {
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    },
    statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
    debugErrors: e.RESALE_KIT_DEBUG_ERRORS,
  };
}
