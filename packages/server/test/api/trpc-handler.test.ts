import { Agent, request } from 'node:http';
import { createTRPCClient, httpBatchStreamLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/http/logger.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { fixedClock } from '../../src/trpc/context.js';
import type { AppRouter } from '../../src/trpc/routers/_app.js';
import { type Api, NOW, openApi } from './harness.js';
import { KEYS, T } from './tenants.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** tRPC's wire as node:http, one keep-alive socket: what the adapter sends, byte for byte. */
describe('tRPC HTTP adapter', () => {
  let api: Api;
  let http: HttpServer;
  let url: string;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  const send = (method: 'GET' | 'POST' | 'HEAD', path: string, body?: string, headers = {}) =>
    new Promise<Answer & { socket: unknown }>((resolve, reject) => {
      const req = request(`${url}${path}`, {
        method,
        agent,
        headers: {
          authorization: `Bearer ${KEYS.isvA}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            socket: req.socket,
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });

  beforeAll(async () => {
    api = await openApi('pglite');
    http = createHttpServer({
      store: api.store,
      now: fixedClock(NOW),
      logger: silentLogger,
      maxBodySize: 1024,
    });
    url = await http.listen(0);
  });
  afterAll(async () => {
    agent.destroy();
    await http?.close();
    await api?.close();
  });

  test('a JSON answer is sent whole, with its Content-Length (not chunked)', async () => {
    const res = await send('GET', '/trpc/opportunities.summary');
    expect(res.status).toBe(200);
    expect(res.headers['transfer-encoding']).toBeUndefined();
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body));
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.body).result.data.byStatus).toBeDefined();
  });

  test('an error answer keeps its status and tRPC shape', async () => {
    const res = await send('POST', '/trpc/offers.create', '{"opportunityId":1}');
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.data).toMatchObject({ code: 'FORBIDDEN', httpStatus: 403 });
    const unknown = await send('GET', '/trpc/nope.nothing');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error.data.code).toBe('NOT_FOUND');
  });

  test('a body over maxBodySize is 413 PAYLOAD_TOO_LARGE, and the socket serves the next request', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(4096) });
    const res = await send('POST', '/trpc/opportunities.create', big);
    expect(res.status).toBe(413);
    const { error } = JSON.parse(res.body);
    expect(error.data).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 });
    expect(error.message).toMatch(/larger than the 1024 bytes/);
    const next = await send('GET', '/trpc/me');
    expect(next.socket).toBe(res.socket);
    expect(next.status).toBe(200);
    expect(JSON.parse(next.body).result.data.principal.kind).toBe('isv');
  });

  test('a body that is not JSON is a 400 saying so', async () => {
    const res = await send('POST', '/trpc/opportunities.create', '{"name":');
    expect(res.status).toBe(400);
    const { error } = JSON.parse(res.body);
    expect(error.data.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/JSON/);
  });

  test('HEAD is answered with no body, and a query cannot be POSTed', async () => {
    const head = await send('HEAD', '/trpc/opportunities.summary');
    expect(head.status).toBe(204);
    expect(head.body).toBe('');
    const wrong = await send('POST', '/trpc/opportunities.summary', '{}');
    expect(wrong.status).toBe(405);
    expect(JSON.parse(wrong.body).error.data.code).toBe('METHOD_NOT_SUPPORTED');
  });

  test('a streamed batch (httpBatchStreamLink) is streamed in chunks and answers every call', async () => {
    const client = createTRPCClient<AppRouter>({
      links: [
        httpBatchStreamLink({
          url: `${url}/trpc`,
          headers: { authorization: `Bearer ${KEYS.isvA}` },
        }),
      ],
    });
    const [me, products] = await Promise.all([client.me.query(), client.products.list.query()]);
    expect(me.principal).toMatchObject({ kind: 'isv', isvId: T.isvA });
    expect(products.length).toBeGreaterThan(0);
    const raw = await send('GET', '/trpc/me?batch=1&input=%7B%7D', undefined, {
      'trpc-accept': 'application/jsonl',
    });
    expect(raw.status).toBe(200);
    expect(raw.headers['transfer-encoding']).toBe('chunked');
    expect(raw.headers['content-length']).toBeUndefined();
    expect(raw.body.trim().split('\n').length).toBeGreaterThan(1);
  });
});
