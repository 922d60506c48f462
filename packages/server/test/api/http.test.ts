import { request } from 'node:http';
import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createDb } from '../../src/db/index.js';
import { createJsonLogger } from '../../src/http/logger.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createStore } from '../../src/store/index.js';
import { fixedClock } from '../../src/trpc/context.js';
import { type Api, NOW, openApi } from './harness.js';
import { KEYS, T } from './tenants.js';

const silentLogger = createJsonLogger({ level: 'silent' });

/** The HTTP layer itself: health, CORS, demo identities, logs, wire errors, shutdown. */
describe('HTTP server', () => {
  let api: Api;
  let http: HttpServer;
  let url: string;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    api = await openApi('pglite');
    http = createHttpServer({
      store: api.store,
      now: fixedClock(NOW),
      clockFixed: true,
      cors: { origins: ['http://localhost:5173'] },
      logger: createJsonLogger({ level: 'info', write: (line) => lines.push(JSON.parse(line)) }),
      checkDatabase: async () => {
        await api.store.listResellers({
          kind: 'reseller',
          userId: T.userReseller1,
          name: 'x',
          role: 'admin',
          resellerId: T.reseller1,
        });
      },
      demoIdentities: [{ kind: 'isv', label: 'ISV A', apiKey: KEYS.isvA }],
    });
    url = await http.listen(0);
  });
  afterAll(async () => {
    await http?.close();
    await api?.close();
  });

  test('GET /healthz checks the database', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  test('API keys: resolved once per authCacheMs (default on), every request with 0', async () => {
    const lookups = async (authCacheMs?: number) => {
      let n = 0;
      const store = {
        ...api.store,
        resolveApiKey: (key: string, now: Date) => {
          n += 1;
          return api.store.resolveApiKey(key, now);
        },
      };
      const own = createHttpServer({
        store,
        now: fixedClock(NOW),
        logger: silentLogger,
        authCacheMs,
      });
      const base = await own.listen(0);
      try {
        for (let i = 0; i < 3; i++) {
          const res = await fetch(`${base}/trpc/me`, {
            headers: { authorization: `Bearer ${KEYS.isvA}` },
          });
          expect(res.status).toBe(200);
        }
        const unknown = await fetch(`${base}/trpc/me`, {
          headers: { authorization: 'Bearer not-a-key' },
        });
        expect(unknown.status).toBe(401);
      } finally {
        await own.close();
      }
      return n;
    };
    expect(await lookups()).toBe(2);
    expect(await lookups(0)).toBe(4);
  });

  test('GET /demo/identities serves the identities it was given', async () => {
    const res = await fetch(`${url}/demo/identities`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ kind: 'isv', label: 'ISV A', apiKey: KEYS.isvA }]);
    // Without identities (no demo seed) the route does not exist.
    const plain = await fetch(`${api.url}/demo/identities`);
    expect(plain.status).toBe(404);
  });

  test('demo identities are refused in production', () => {
    vi.stubEnv('NODE_ENV', 'production');
    try {
      expect(() => createHttpServer({ store: api.store, demoIdentities: [] })).toThrow(
        /production/,
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test('CORS: an allowed origin gets its preflight and headers, another does not', async () => {
    const preflight = await fetch(`${url}/trpc/opportunities.list`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');

    const denied = await fetch(`${url}/trpc/opportunities.list`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();

    const actual = await fetch(`${url}/trpc/me`, {
      headers: { origin: 'http://localhost:5173', authorization: `Bearer ${KEYS.isvA}` },
    });
    expect(actual.status).toBe(200);
    expect(actual.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(actual.headers.get('vary')).toContain('Origin');
  });

  test('errors on the wire: HTTP status, tRPC code, domain code and field messages', async () => {
    const input = encodeURIComponent(JSON.stringify({ id: 'nope' }));
    const bad = await fetch(`${url}/trpc/opportunities.get?input=${input}`, {
      headers: { authorization: `Bearer ${KEYS.isvA}` },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      error: { message: string; data: Record<string, unknown> };
    };
    expect(body.error.message).toBe('Invalid input: id is not a valid UUID');
    expect(body.error.data).toMatchObject({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      path: 'opportunities.get',
      domainCode: 'VALIDATION_FAILED',
      issues: [{ field: 'id', code: 'invalid_format', params: { format: 'uuid' } }],
      fieldErrors: { id: ['id is not a valid UUID'] },
      reason: null,
    });

    const anon = await fetch(`${url}/trpc/me`);
    expect(anon.status).toBe(401);
    const forbidden = await fetch(`${url}/trpc/opportunities.summary`, {
      headers: { authorization: `Bearer ${KEYS.reseller1}` },
    });
    expect(forbidden.status).toBe(403);
    const missing = await fetch(
      `${url}/trpc/opportunities.get?input=${encodeURIComponent(JSON.stringify({ id: T.productA1 }))}`,
      {
        headers: { authorization: `Bearer ${KEYS.isvA}` },
      },
    );
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { data: unknown } }).error.data).toMatchObject({
      domainCode: 'NOT_FOUND',
    });
    const noProc = await fetch(`${url}/trpc/opportunities.nope`);
    expect(noProc.status).toBe(404);
    const malformed = await fetch(`${url}/trpc/offers.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEYS.reseller1}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { data: unknown } }).error.data).toMatchObject({
      domainCode: 'VALIDATION_FAILED',
    });
    const route = await fetch(`${url}/nowhere`);
    expect(route.status).toBe(404);
  });

  test('batching: several procedures in one request', async () => {
    const res = await fetch(
      `${url}/trpc/me,products.list?batch=1&input=${encodeURIComponent('{}')}`,
      {
        headers: { authorization: `Bearer ${KEYS.isvA}` },
      },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: unknown } }[];
    expect(body).toHaveLength(2);
    expect(body[1]?.result.data).toHaveLength(2);
  });

  test('one JSON log line per request, without API keys or query strings', async () => {
    lines.length = 0;
    await fetch(`${url}/trpc/me?input=secret-input`, {
      headers: { authorization: `Bearer ${KEYS.isvA}` },
    });
    await fetch(`${url}/healthz`);
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toEqual([
      expect.objectContaining({
        level: 'info',
        method: 'GET',
        path: '/trpc/me',
        status: 200,
        ms: expect.any(Number),
      }),
      expect.objectContaining({ method: 'GET', path: '/healthz', status: 200 }),
    ]);
    const all = JSON.stringify(lines);
    expect(all).not.toContain(KEYS.isvA);
    expect(all).not.toContain('secret-input');
  });

  test('a request target that is not a URL is a 400, and the server keeps serving', async () => {
    const { port } = new URL(url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('GET http://[bad/trpc/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('not a valid URL');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  test('close() lets an in-flight request finish, then stops accepting', async () => {
    const own = createHttpServer({
      store: api.store,
      now: fixedClock(NOW),
      logger: createJsonLogger({ level: 'silent' }),
    });
    const ownUrl = new URL(await own.listen(0));
    const body = JSON.stringify({ ids: [T.productA1] });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          host: ownUrl.hostname,
          port: ownUrl.port,
          path: '/trpc/opportunities.deactivate',
          method: 'POST',
          headers: {
            authorization: `Bearer ${KEYS.isvA}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => {
            text += c;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      // Half the body now: the request is in flight when close() starts.
      req.write(body.slice(0, 5));
      setTimeout(() => req.end(body.slice(5)), 300);
    });
    await new Promise((r) => setTimeout(r, 100));
    const closed = own.close();
    const res = await response;
    await closed;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      result: { data: [{ ok: false, reason: 'NOT_FOUND' }] },
    });
    await expect(fetch(`${ownUrl.origin}/healthz`)).rejects.toThrow();
  });
});

describe('unexpected failures', () => {
  test('a dead database: /healthz 503, procedures INTERNAL without leaking details', async () => {
    const db = await createDb({ dataDir: 'memory://' });
    const store = createStore(db);
    const errors: Record<string, unknown>[] = [];
    const http = createHttpServer({
      store,
      logger: createJsonLogger({ level: 'error', write: (line) => errors.push(JSON.parse(line)) }),
      checkDatabase: () => db.orm.execute(sql`select 1`),
    });
    const url = await http.listen(0);
    try {
      await db.close();
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unavailable', database: 'unreachable' });

      // In every NODE_ENV: the message of an unexpected failure may hold SQL, so it is not sent.
      for (const nodeEnv of ['development', 'production']) {
        vi.stubEnv('NODE_ENV', nodeEnv);
        const res = await fetch(`${url}/trpc/me`, {
          headers: { authorization: 'Bearer some-key' },
        });
        vi.unstubAllEnvs();
        expect(res.status).toBe(500);
        const body = (await res.json()) as {
          error: { message: string; data: Record<string, unknown> };
        };
        expect(body.error.message).toBe('Internal server error');
        expect(body.error.data).toMatchObject({
          code: 'INTERNAL_SERVER_ERROR',
          domainCode: 'INTERNAL',
          issues: null,
          fieldErrors: null,
        });
        expect(body.error.data).not.toHaveProperty('stack');
      }
      // The detail goes to the server log instead.
      expect(errors.some((e) => e.msg === 'procedure failed')).toBe(true);
    } finally {
      vi.unstubAllEnvs();
      await http.close();
    }
  });
});
