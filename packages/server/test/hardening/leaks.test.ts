/**
 * Nothing internal leaves the server or lands in its logs: a run through every error path
 * (validation, auth, routing, limits, a database outage), whose answers and log lines (at debug
 * level) are then searched for the API keys used and their SHA-256 digests, for bound
 * parameters, stacks and SQL. Stacks and SQL appear only with RESALE_KIT_DEBUG_ERRORS=1, and
 * even then never a key or a digest.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { createDb, type Database } from '../../src/db/index.js';
import { createJsonLogger } from '../../src/http/logger.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createStore } from '../../src/store/index.js';
import { fixedClock } from '../../src/trpc/context.js';
import { NOW } from '../api/harness.js';
import { insertTenants, KEYS } from '../api/tenants.js';

const UNKNOWN_KEY = 'rk_test_unknown_0123456789abcdef';
const ALL_KEYS = [...Object.values(KEYS), UNKNOWN_KEY];
const digests = (key: string) => {
  const hash = createHash('sha256').update(key, 'utf8').digest();
  return [hash.toString('hex'), hash.toString('base64'), hash.toString('base64url')];
};
const SECRETS = ALL_KEYS.flatMap((k) => [k, ...digests(k)]);

interface Seen {
  what: string;
  status: number;
  body: string;
}

describe('no keys, digests, parameters or stacks in answers and logs [pglite]', () => {
  let db: Database;
  let http: HttpServer;
  let base: string;
  const logs: string[] = [];
  const seen: Seen[] = [];

  beforeAll(async () => {
    db = await createDb({ dataDir: 'memory://' });
    await insertTenants(db);
    http = createHttpServer({
      store: createStore(db),
      now: fixedClock(NOW),
      logger: createJsonLogger({ level: 'debug', write: (line) => logs.push(line) }),
      checkDatabase: () => db.orm.execute(sql`select 1`),
      callerLimits: { callsPerSecond: 30, maxConcurrent: 4 },
      maxBodySize: 64 * 1024,
      // Every request looks its key up again: the outage reaches the key lookup.
      authCacheMs: 0,
    });
    base = await http.listen(0);
  });
  afterAll(async () => {
    await http?.close();
    await db?.close().catch(() => {});
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  async function hit(
    what: string,
    path: string,
    init: { method?: string; key?: string | null; body?: string } = {},
  ): Promise<Seen> {
    const key = init.key === undefined ? KEYS.isvA : init.key;
    const res = await fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body,
    });
    const s = { what, status: res.status, body: await res.text() };
    seen.push(s);
    return s;
  }
  const q = (input: unknown) => `?input=${encodeURIComponent(JSON.stringify(input))}`;

  function expectNothingLeaked() {
    const texts = [
      ...logs.map((l) => ({ where: 'log', text: l })),
      ...seen.map((s) => ({ where: `${s.what} ${s.status}`, text: s.body })),
    ];
    expect(texts.length).toBeGreaterThan(20);
    for (const { where, text } of texts) {
      for (const secret of SECRETS) expect(text.includes(secret), `${where}: ${text}`).toBe(false);
      expect(text, where).not.toMatch(/params:/);
    }
  }

  test('every error path while the database is up', async () => {
    for (const key of ALL_KEYS) await hit('me', '/trpc/me', { key });
    await hit('no key', '/trpc/me', { key: null });
    await hit('validation', '/trpc/opportunities.create', {
      method: 'POST',
      body: JSON.stringify({ name: '\u0000', discount: { type: 'percentage', percent: 1e-12 } }),
    });
    await hit('forbidden', '/trpc/opportunities.summary', { key: KEYS.reseller1 });
    await hit(
      'not found',
      `/trpc/opportunities.get${q({ id: '00000000-0000-4000-8000-000000000000' })}`,
    );
    await hit('bad cursor', `/trpc/opportunities.list${q({ cursor: 'x'.repeat(2000) })}`);
    await hit(
      'edited cursor',
      `/trpc/opportunities.list${q({ cursor: Buffer.from(JSON.stringify({ d: 'n', f: 'createdAt', o: 'desc', k: '0000-01-01T00:00:00Z', i: '00000000-0000-4000-8000-000000000000' })).toString('base64url') })}`,
    );
    await hit('put', '/trpc/me', { method: 'PUT' });
    await hit('broken json', '/trpc/opportunities.create', { method: 'POST', body: '{"name":' });
    await hit('too large', '/trpc/opportunities.create', {
      method: 'POST',
      body: JSON.stringify({ name: 'x'.repeat(100_000) }),
    });
    await hit(
      'batch',
      `/trpc/${Array.from({ length: 11 }, () => 'me').join(',')}?batch=1&input=%7B%7D`,
    );
    await hit('no route', '/nowhere');
    // Four batches of 10 at once: 40 calls, over isvB's 30 per second.
    const tenCalls = `/trpc/${Array.from({ length: 10 }, () => 'me').join(',')}?batch=1&input=%7B%7D`;
    await Promise.all([1, 2, 3, 4].map(() => hit('flood', tenCalls, { key: KEYS.isvB })));
    const statuses = new Set(seen.map((s) => s.status));
    for (const status of [200, 400, 401, 403, 404, 405, 413, 429])
      expect(statuses).toContain(status);
    for (const s of seen) expect(s.status, `${s.what}: ${s.body}`).toBeLessThan(500);
    expectNothingLeaked();
  });

  test('a database outage: 500s and a 503 that say nothing internal, by default and in debug', async () => {
    await db.close();
    // The previous test's flood used up isvB's second.
    await new Promise((r) => setTimeout(r, 1100));
    for (const debug of ['0', '1']) {
      vi.stubEnv('RESALE_KIT_DEBUG_ERRORS', debug);
      vi.stubEnv('NODE_ENV', 'development');
      for (const key of ALL_KEYS) {
        const res = await hit(`outage me debug=${debug}`, '/trpc/me', { key });
        expect(res.status).toBe(500);
        const data = JSON.parse(res.body).error.data as Record<string, unknown>;
        expect(data.domainCode).toBe('INTERNAL');
        expect(data).not.toHaveProperty('stack');
        if (debug === '1') {
          // The switch shows the cause (no parameters) and where it happened.
          expect(data.debug).toMatchObject({
            message: expect.any(String),
            stack: expect.stringContaining('at '),
          });
        } else {
          expect(data).not.toHaveProperty('debug');
          expect(res.body).not.toMatch(/select|api_keys|key_hash|\/work\/|node_modules/i);
        }
      }
      const health = await hit(`outage healthz debug=${debug}`, '/healthz');
      expect(health.status).toBe(503);
    }
    expect(logs.some((l) => l.includes('"procedure failed"'))).toBe(true);
    // By default the log has no SQL text and no stack frames either.
    const defaultLogs = logs.filter((l) => l.includes('"procedure failed"'));
    expect(defaultLogs.some((l) => !l.includes('"stack"') && !l.includes('"query"'))).toBe(true);
    expectNothingLeaked();
  });
});
