/**
 * Bounded work per caller at the HTTP edge: the batch cap, per-key calls per second and
 * requests in flight (429 with Retry-After), methods the API does not serve (405, never a 500),
 * OPTIONS without CORS, and the headers every JSON answer carries.
 */
import { request } from 'node:http';
import { MAX_BATCH_SIZE } from '@resale-kit/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/http/logger.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { fixedClock } from '../../src/trpc/context.js';
import { type Api, NOW, openApi } from './harness.js';
import { KEYS } from './tenants.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: { error?: { message: string; data: Record<string, unknown> } } & Record<string, unknown>;
}

function send(
  base: string,
  method: string,
  path: string,
  opts: { key?: string | null; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const key = opts.key === undefined ? KEYS.isvA : opts.key;
    const req = request(`${base}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => {
        let json = {} as Answer['json'];
        try {
          json = JSON.parse(body);
        } catch {}
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A GET batch of `n` calls of `me`. */
const batchOf = (n: number) => {
  const paths = Array.from({ length: n }, () => 'me').join(',');
  const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]));
  return `/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
};

describe('bounded work per caller [pglite]', () => {
  let api: Api;
  const servers: HttpServer[] = [];
  /** A server of its own with these options; closed after the file. */
  async function serve(opts: Partial<Parameters<typeof createHttpServer>[0]> = {}) {
    const http = createHttpServer({
      store: api.store,
      now: fixedClock(NOW),
      logger: silentLogger,
      shutdownGraceMs: 200,
      ...opts,
    });
    servers.push(http);
    return http.listen(0);
  }

  beforeAll(async () => {
    api = await openApi('pglite');
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await api?.close();
  });

  test(`a batch of more than MAX_BATCH_SIZE (${MAX_BATCH_SIZE}) calls is a 400 BATCH_TOO_LARGE naming the limit`, async () => {
    const base = await serve();
    const ok = await send(base, 'GET', batchOf(MAX_BATCH_SIZE));
    expect(ok.status, ok.body).toBe(200);
    expect(ok.json).toHaveLength(MAX_BATCH_SIZE);

    const tooMany = await send(base, 'GET', batchOf(MAX_BATCH_SIZE + 1));
    expect(tooMany.status, tooMany.body).toBe(400);
    expect(tooMany.json.error?.data.domainCode).toBe('BATCH_TOO_LARGE');
    expect(tooMany.json.error?.message).toContain(`at most ${MAX_BATCH_SIZE} calls`);

    // POST batches (mutations) too, before the body is read.
    const paths = Array.from({ length: 150 }, () => 'opportunities.deactivate').join(',');
    const post = await send(base, 'POST', `/trpc/${paths}?batch=1`, { body: '{}' });
    expect(post.status).toBe(400);
    expect(post.json.error?.data.domainCode).toBe('BATCH_TOO_LARGE');
    // Commas written as %2C count too, as tRPC decodes the path.
    const encoded = await send(
      base,
      'GET',
      `/trpc/${Array.from({ length: 12 }, () => 'me').join('%2C')}?batch=1&input=%7B%7D`,
    );
    expect(encoded.status).toBe(400);
    expect(encoded.json.error?.data.domainCode).toBe('BATCH_TOO_LARGE');
  });

  test('the batch cap is configurable', async () => {
    const base = await serve({ maxBatchSize: 2 });
    expect((await send(base, 'GET', batchOf(2))).status).toBe(200);
    const three = await send(base, 'GET', batchOf(3));
    expect(three.status).toBe(400);
    expect(three.json.error?.message).toContain('at most 2 calls');
  });

  test('over its calls per second a key gets 429 RATE_LIMITED with Retry-After; another key does not', async () => {
    const base = await serve({ callerLimits: { callsPerSecond: 5 } });
    const first = await send(base, 'GET', batchOf(5));
    expect(first.status, first.body).toBe(200);
    const over = await send(base, 'GET', '/trpc/me');
    expect(over.status, over.body).toBe(429);
    expect(over.json.error?.data.domainCode).toBe('RATE_LIMITED');
    expect(over.json.error?.message).toMatch(/at most 5 per second/);
    const retryAfter = Number(over.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(1);
    // Another tenant's key has its own budget.
    expect((await send(base, 'GET', '/trpc/me', { key: KEYS.isvB })).status).toBe(200);
    // And the budget comes back.
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 100));
    expect((await send(base, 'GET', '/trpc/me')).status).toBe(200);
  });

  test('over its requests in flight a key gets 429 with Retry-After; finished ones free their slot', async () => {
    const base = await serve({ callerLimits: { maxConcurrent: 2 } });
    // Two requests whose bodies never end hold both slots.
    const held = [0, 1].map(() => {
      const req = request(`${base}/trpc/opportunities.deactivate`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${KEYS.isvA}`,
          'content-type': 'application/json',
          'content-length': '1000',
        },
      });
      req.on('error', () => {});
      req.write('{"ids":');
      return req;
    });
    await new Promise((r) => setTimeout(r, 200));
    const third = await send(base, 'GET', '/trpc/me');
    expect(third.status, third.body).toBe(429);
    expect(third.json.error?.data.domainCode).toBe('RATE_LIMITED');
    expect(third.json.error?.message).toMatch(/at most 2 at once/);
    expect(third.headers['retry-after']).toBe('1');
    expect((await send(base, 'GET', '/trpc/me', { key: KEYS.isvB })).status).toBe(200);
    for (const req of held) req.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect((await send(base, 'GET', '/trpc/me')).status).toBe(200);
  });

  test('callers without a key are counted by address', async () => {
    const base = await serve({ callerLimits: { callsPerSecond: 2 } });
    expect((await send(base, 'GET', '/trpc/me', { key: null })).status).toBe(401);
    expect((await send(base, 'GET', '/trpc/me', { key: null })).status).toBe(401);
    expect((await send(base, 'GET', '/trpc/me', { key: null })).status).toBe(429);
  });

  test('a request whose body stalls is cut at requestTimeoutMs (408), freeing its slot', async () => {
    const base = await serve({ requestTimeoutMs: 1000, headersTimeoutMs: 1000 });
    const started = Date.now();
    const answer = await new Promise<{ status: number | null; closedAfterMs: number }>(
      (resolve) => {
        const req = request(`${base}/trpc/opportunities.deactivate`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${KEYS.isvA}`,
            'content-type': 'application/json',
            'content-length': String(1024 * 1024),
          },
        });
        req.on('response', (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode ?? null, closedAfterMs: Date.now() - started }),
          );
        });
        req.on('error', () => resolve({ status: null, closedAfterMs: Date.now() - started }));
        req.write('{"ids":[');
      },
    );
    // Node answers 408 (or closes the socket) once the timeout is noticed: seconds, not 300 s.
    if (answer.status !== null) expect(answer.status).toBe(408);
    expect(answer.closedAfterMs).toBeLessThan(10_000);
    expect(answer.closedAfterMs).toBeGreaterThanOrEqual(900);
  });

  test('connections beyond maxConnections are closed on arrival', async () => {
    const base = await serve({ maxConnections: 2 });
    const { connect } = await import('node:net');
    const { port } = new URL(base);
    const open = () =>
      new Promise<import('node:net').Socket>((resolve, reject) => {
        const s = connect(Number(port), '127.0.0.1', () => resolve(s));
        s.on('error', reject);
      });
    const held = [await open(), await open()];
    await new Promise((r) => setTimeout(r, 100));
    const third = await open();
    const closed = await new Promise<boolean>((resolve) => {
      third.on('close', () => resolve(true));
      third.on('error', () => {});
      setTimeout(() => resolve(false), 3000);
    });
    expect(closed).toBe(true);
    for (const s of held) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect((await send(base, 'GET', '/trpc/me')).status).toBe(200);
  });

  test.each(['TRACE', 'PUT', 'DELETE', 'PATCH'])(
    '%s on /trpc is 405 METHOD_NOT_ALLOWED with Allow, never a 500',
    async (method) => {
      const base = await serve();
      const res = await send(base, method, '/trpc/opportunities.list');
      expect(res.status, res.body).toBe(405);
      expect(res.json.error?.data.domainCode).toBe('METHOD_NOT_ALLOWED');
      expect(res.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    },
  );

  test('a query POSTed or a mutation sent with GET is 405 METHOD_NOT_ALLOWED', async () => {
    const base = await serve();
    const post = await send(base, 'POST', '/trpc/opportunities.summary', { body: '{}' });
    expect(post.status).toBe(405);
    expect(post.json.error?.data.domainCode).toBe('METHOD_NOT_ALLOWED');
    const get = await send(base, 'GET', '/trpc/opportunities.deactivate');
    expect(get.status).toBe(405);
    expect(get.json.error?.data.domainCode).toBe('METHOD_NOT_ALLOWED');
  });

  test('OPTIONS with CORS off is a 204 naming the served methods, not INTERNAL', async () => {
    const base = await serve();
    const res = await send(base, 'OPTIONS', '/trpc/opportunities.list');
    expect(res.status).toBe(204);
    expect(res.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    expect(res.body).toBe('');
  });

  test('every answer carries X-Content-Type-Options: nosniff and Cache-Control: no-store', async () => {
    const base = await serve();
    const answers = [
      await send(base, 'GET', '/trpc/me'),
      await send(base, 'GET', '/trpc/me', { key: 'rk_nope' }),
      await send(base, 'GET', batchOf(MAX_BATCH_SIZE + 1)),
      await send(base, 'TRACE', '/trpc/me'),
      await send(base, 'GET', '/healthz'),
      await send(base, 'GET', '/nowhere'),
    ];
    for (const a of answers) {
      expect(a.headers['x-content-type-options'], a.body).toBe('nosniff');
      expect(a.headers['cache-control'], a.body).toBe('no-store');
      expect(a.headers['content-type']).toBe('application/json');
    }
  });
});
