import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDb } from '../../src/db/index.js';
import { createOrganization } from '../../src/store/admin/operator.js';
import { describePostgres, freshPostgres } from './pg.js';
import { call, startServerProcess } from './server-process.js';

/**
 * Revocation is immediate across processes: two server processes on one Postgres database,
 * each with a principal cache far longer than the test (AUTH_CACHE_MS=600000), so only the
 * NOTIFY each hears can make it refuse a key it has cached. The limit is 1 s.
 */
const LIMIT_MS = 1_000;

describePostgres('revocation across server processes', () => {
  let handle: Awaited<ReturnType<typeof freshPostgres>>;
  let servers: Awaited<ReturnType<typeof startServerProcess>>[] = [];
  let adminKey: string;

  beforeAll(async () => {
    handle = await freshPostgres('rk_revoke');
    const db = await createDb({ url: handle.url, maxConnections: 2 });
    const org = await createOrganization(
      db.orm,
      { kind: 'isv', name: 'Revoke Co', adminName: 'Ada Admin' },
      new Date(),
    );
    adminKey = org.apiKey.secret;
    await db.close();
    const env = { DATABASE_URL: handle.url, AUTH_CACHE_MS: '600000' };
    servers = await Promise.all([startServerProcess([], env), startServerProcess([], env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await handle?.drop();
  });

  /** Polls `base` with `key` until it is refused; the time that took, in ms. */
  async function refusedWithin(base: string, key: string, startedAt: number): Promise<number> {
    for (;;) {
      const { status } = await call(base, key, 'me');
      const elapsed = performance.now() - startedAt;
      if (status === 401) return elapsed;
      if (elapsed > 5 * LIMIT_MS) throw new Error(`still accepted after ${Math.round(elapsed)} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** A new member and its key, made through `base`, then used (so cached) on both servers. */
  async function cachedMemberKey(base: string) {
    const user = await call(
      base,
      adminKey,
      'admin.users.create',
      { name: 'M', role: 'member' },
      true,
    );
    const userId = (user.body.result?.data as { id: string } | undefined)?.id;
    if (!userId) throw new Error(`user not created: ${JSON.stringify(user.body)}`);
    const key = await call(base, adminKey, 'admin.apiKeys.create', { label: 'm', userId }, true);
    const created = key.body.result?.data as { key: { id: string }; secret: string };
    for (const s of servers) {
      for (let i = 0; i < 2; i++)
        expect((await call(s.base, created.secret, 'me')).status).toBe(200);
    }
    return { userId, keyId: created.key.id, secret: created.secret };
  }

  test('a key revoked through one server is refused by the other within 1 s', async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const { keyId, secret } = await cachedMemberKey(a.base);
    const startedAt = performance.now();
    const revoked = await call(a.base, adminKey, 'admin.apiKeys.revoke', { id: keyId }, true);
    expect(revoked.status).toBe(200);
    // The server that revoked refuses on the very next request.
    expect((await call(a.base, secret, 'me')).status).toBe(401);
    const elapsed = await refusedWithin(b.base, secret, startedAt);
    console.log(`revoked key refused by the other process after ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeLessThan(LIMIT_MS);
  }, 60_000);

  test('a user removed through one server: its key is refused by the other within 1 s', async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const { userId, secret } = await cachedMemberKey(b.base);
    const startedAt = performance.now();
    expect((await call(b.base, adminKey, 'admin.users.remove', { userId }, true)).status).toBe(200);
    expect((await call(b.base, secret, 'me')).status).toBe(401);
    const elapsed = await refusedWithin(a.base, secret, startedAt);
    console.log(`removed user's key refused by the other process after ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeLessThan(LIMIT_MS);
  }, 60_000);
});
