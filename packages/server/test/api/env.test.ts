import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cliEnv, parseCliArgs } from '../../src/cli.js';
import { EnvError, loadEnv } from '../../src/env.js';
import { parseCorsOrigins } from '../../src/http/cors.js';

describe('loadEnv', () => {
  test('defaults', () => {
    expect(loadEnv({}, '/srv/app')).toEqual({
      nodeEnv: undefined,
      port: 3001,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: resolve('/srv/app', '.data/pglite'),
      corsOrigins: undefined,
      fixedNow: undefined,
      logLevel: 'info',
      poolSize: 20,
      prepare: true,
      authCacheMs: 10_000,
      maxBatchSize: 10,
      callerLimits: { callsPerSecond: 50, maxConcurrent: 4 },
      http: { requestTimeoutMs: 30_000, headersTimeoutMs: 10_000, maxConnections: 1_000 },
      statementTimeoutMs: 15_000,
      debugErrors: false,
    });
  });

  test('limits, timeouts and the debug switch; nonsense is named', () => {
    expect(
      loadEnv({
        MAX_BATCH_SIZE: '3',
        RATE_LIMIT_CALLS_PER_SECOND: '0',
        RATE_LIMIT_CONCURRENT: '16',
        HTTP_REQUEST_TIMEOUT_MS: '5000',
        HTTP_HEADERS_TIMEOUT_MS: '2000',
        HTTP_MAX_CONNECTIONS: '50',
        DATABASE_STATEMENT_TIMEOUT_MS: '250',
        RESALE_KIT_DEBUG_ERRORS: '1',
      }),
    ).toMatchObject({
      maxBatchSize: 3,
      callerLimits: { callsPerSecond: 0, maxConcurrent: 16 },
      http: { requestTimeoutMs: 5000, headersTimeoutMs: 2000, maxConnections: 50 },
      statementTimeoutMs: 250,
      debugErrors: true,
    });
    expect(() => loadEnv({ MAX_BATCH_SIZE: '0' })).toThrow(
      /MAX_BATCH_SIZE: must be a whole number of calls \(1-1000\)/,
    );
    expect(() => loadEnv({ HTTP_MAX_CONNECTIONS: 'lots' })).toThrow(/HTTP_MAX_CONNECTIONS/);
    expect(() => loadEnv({ DATABASE_STATEMENT_TIMEOUT_MS: '-5' })).toThrow(
      /DATABASE_STATEMENT_TIMEOUT_MS/,
    );
    expect(() => loadEnv({ RESALE_KIT_DEBUG_ERRORS: 'yes' })).toThrow(
      /RESALE_KIT_DEBUG_ERRORS: must be 1 \(on\) or 0 \(off\)/,
    );
  });

  test('AUTH_CACHE_MS and DATABASE_PREPARE; nonsense is named', () => {
    expect(loadEnv({ AUTH_CACHE_MS: '0', DATABASE_PREPARE: 'false' })).toMatchObject({
      authCacheMs: 0,
      prepare: false,
    });
    for (const bad of ['-1', 'soon', '1.5']) {
      expect(() => loadEnv({ AUTH_CACHE_MS: bad })).toThrow(
        /AUTH_CACHE_MS: must be a whole number of milliseconds/,
      );
    }
    expect(() => loadEnv({ DATABASE_PREPARE: 'no' })).toThrow(
      /DATABASE_PREPARE: must be true or false/,
    );
  });

  test('DATABASE_POOL_SIZE sets the Postgres pool; nonsense is named', () => {
    expect(loadEnv({ DATABASE_POOL_SIZE: '64' }).poolSize).toBe(64);
    for (const bad of ['0', '-1', 'ten', '2.5', '5000']) {
      expect(() => loadEnv({ DATABASE_POOL_SIZE: bad })).toThrow(
        /DATABASE_POOL_SIZE: must be a whole number of connections/,
      );
    }
  });

  test('empty values mean unset (DATABASE_URL= selects PGlite)', () => {
    expect(
      loadEnv({ DATABASE_URL: '', PORT: '', RESALE_KIT_NOW: ' ' }).databaseUrl,
    ).toBeUndefined();
  });

  test('DATABASE_URL may name a Unix socket directory, as libpq reads ?host=', () => {
    const url = 'postgres://postgres@localhost:5432/app?host=/var/run/postgresql';
    expect(loadEnv({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  test('RESALE_KIT_NOW pins the clock', () => {
    const env = loadEnv({ RESALE_KIT_NOW: '2026-03-10T12:00:00Z', NODE_ENV: 'development' });
    expect(env.fixedNow?.toISOString()).toBe('2026-03-10T12:00:00.000Z');
  });

  test('RESALE_KIT_NOW is refused in production, with a message saying so', () => {
    expect(() =>
      loadEnv({ RESALE_KIT_NOW: '2026-03-10T12:00:00Z', NODE_ENV: 'production' }),
    ).toThrow(/RESALE_KIT_NOW is set but NODE_ENV=production/);
  });

  test('each bad variable is named with its rule', () => {
    try {
      loadEnv({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        RESALE_KIT_NOW: 'tomorrow',
        LOG_LEVEL: 'loud',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      const message = (err as Error).message;
      expect(message).toContain('PORT: must be a port number');
      expect(message).toContain('DATABASE_URL: must be a postgres:// URL');
      expect(message).toContain('RESALE_KIT_NOW: must be an ISO 8601 instant');
      expect(message).toMatch(/LOG_LEVEL: /);
    }
  });

  test('JWT sign-in: issuer and audience are required with a key; each is named', () => {
    const pem = '-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----';
    expect(() => loadEnv({ JWT_PUBLIC_KEY: pem })).toThrow(
      /JWT_ISSUER: is required when JWT sign-in is on\n {2}JWT_AUDIENCE: is required/,
    );
    expect(() => loadEnv({ JWT_PUBLIC_KEY: 'not a pem' })).toThrow(/JWT_PUBLIC_KEY: must be a PEM/);
    expect(() => loadEnv({ JWT_JWKS_URL: 'ftp://x' })).toThrow(
      /JWT_JWKS_URL: must be an http\(s\) URL/,
    );
    const env = loadEnv({
      JWT_PUBLIC_KEY: pem,
      JWT_ISSUER: 'https://id.example',
      JWT_AUDIENCE: 'rk',
      JWT_ROLE_CLAIM: 'rk_role',
    });
    expect(env.jwt).toMatchObject({
      publicKey: '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----',
      issuer: 'https://id.example',
      audience: 'rk',
      claims: { role: 'rk_role' },
    });
    expect(loadEnv({}).jwt).toBeUndefined();
  });

  test('accepts postgres URLs and data dirs', () => {
    const env = loadEnv({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x',
      RESALE_KIT_DATA_DIR: '/tmp/d',
    });
    expect(env.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/x');
    expect(env.dataDir).toBe('/tmp/d');
  });
});

describe('the bin flags', () => {
  test('flags win over the environment', () => {
    const args = parseCliArgs([
      '--port',
      '4000',
      '--host',
      '0.0.0.0',
      '--data-dir',
      'x',
      '--no-seed',
    ]);
    expect(args).toEqual({
      help: false,
      port: '4000',
      host: '0.0.0.0',
      dataDir: 'x',
      seedDemo: false,
    });
    expect(loadEnv(cliEnv(args, { PORT: '5000' }), '/w')).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      dataDir: '/w/x',
    });
  });

  test('an unknown flag is an error naming it', () => {
    expect(() => parseCliArgs(['--prot', '1'])).toThrow(/--prot/);
  });
});

describe('CORS_ORIGINS', () => {
  test('a list, a wildcard, or off', () => {
    expect(parseCorsOrigins('http://a.test, http://b.test')).toEqual({
      origins: ['http://a.test', 'http://b.test'],
    });
    expect(parseCorsOrigins('*')).toEqual({ origins: '*' });
    expect(parseCorsOrigins('')).toBeUndefined();
  });
});
