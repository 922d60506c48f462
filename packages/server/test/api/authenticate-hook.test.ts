import type { Principal } from '@resale-kit/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDb, type Database } from '../../src/db/index.js';
import { createStore, type Store } from '../../src/store/index.js';
import { type AuthRequest, createContext } from '../../src/trpc/context.js';
import { createCaller } from '../../src/trpc/routers/_app.js';
import { insertTenants, KEYS, T } from './tenants.js';

/**
 * The `authenticate(request)` hook as a host (the Next.js portal) uses it: given a Fetch
 * Request, its headers alone; with `apiKeys: false` a key in the request is ignored.
 */
let db: Database;
let store: Store;
beforeAll(async () => {
  db = await createDb({ dataDir: 'memory://' });
  await insertTenants(db);
  store = createStore(db);
});
afterAll(() => db?.close());

const session = (cookie: string | null): Promise<Principal | null> =>
  cookie === 'session=pat'
    ? store.resolveSignedIn(
        { orgId: T.isvA, subject: 'pat', name: 'Pat', role: 'viewer' },
        new Date(),
      )
    : Promise.resolve(null);

test('a Fetch Request goes to the hook; the hook resolves the session per request', async () => {
  const seen: AuthRequest[] = [];
  const context = createContext({
    store,
    apiKeys: false,
    authenticate: (request) => {
      seen.push(request);
      return session(request.headers.get('cookie'));
    },
  });
  const req = new Request('http://portal.test/api/trpc/me', { headers: { cookie: 'session=pat' } });
  const ctx = await context({ req });
  expect(seen[0]?.headers.get('cookie')).toBe('session=pat');
  expect((await createCaller(ctx).me()).principal).toMatchObject({ name: 'Pat', role: 'viewer' });

  // apiKeys: false: a valid API key is not a way in; the hook decides (no session: nobody).
  const withKey = new Request('http://portal.test/api/trpc/me', {
    headers: { authorization: `Bearer ${KEYS.isvA}` },
  });
  await expect(createCaller(await context({ req: withKey })).me()).rejects.toMatchObject({
    code: 'UNAUTHORIZED',
  });
});

test('with API keys on (the default), a key signs in and the hook is not asked', async () => {
  let asked = 0;
  const context = createContext({
    store,
    authenticate: () => {
      asked += 1;
      return null;
    },
  });
  const ctx = await context({ req: { headers: { authorization: `Bearer ${KEYS.isvA}` } } });
  expect(ctx.principal).toMatchObject({ userId: T.userIsvA });
  expect(asked).toBe(0);
  expect((await context({ req: { headers: {} } })).principal).toBeNull();
  expect(asked).toBe(1);
});
