import {
  createDb,
  createJsonLogger,
  createStore,
  DEMO_IDENTITIES,
  seedDemo,
} from '@resale-kit/server';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../src/server/context';
import type { ResaleKit } from '../src/server/resaleKit';
import { SESSION_COOKIE, type SessionIdentity, signSession } from '../src/server/session';

/**
 * The portal's `authenticate` hook against an in-memory database: the session cookie names who
 * signed in, and every request resolves it again, so removal in resale-kit wins over a cookie.
 */
describe('the portal session, resolved on each request', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  let close: () => Promise<void>;
  let kit: ResaleKit;
  const holder = globalThis as typeof globalThis & { __resaleKit?: Promise<ResaleKit> };

  beforeAll(async () => {
    const db = await createDb({ dataDir: 'memory://' });
    await seedDemo(db, { now });
    close = () => db.close();
    kit = {
      store: createStore(db),
      now: () => now,
      clockFixed: true,
      logger: createJsonLogger({ level: 'error' }),
    };
    // The portal's one database per process, here this test's.
    holder.__resaleKit = Promise.resolve(kit);
  });
  afterAll(async () => {
    holder.__resaleKit = undefined;
    await close?.();
  });

  const request = (token: string) => ({
    headers: new Headers({ cookie: `other=1; ${SESSION_COOKIE}=${token}` }),
  });

  it('refuses a user removed in resale-kit on the next request, despite a valid cookie', async () => {
    const acme = DEMO_IDENTITIES.find((d) => d.role === 'admin' && d.kind === 'isv');
    const admin = acme && (await kit.store.authenticate(acme.apiKey));
    if (admin?.kind !== 'isv') throw new Error('the seed has no ISV admin');
    const identity: SessionIdentity = {
      kind: 'isv',
      orgId: admin.isvId,
      subject: 'portal-user-42',
      name: 'Pat Portal',
      role: 'member',
    };
    const cookie = await signSession(identity);
    const before = await authenticate(request(cookie));
    expect(before).toMatchObject({
      kind: 'isv',
      isvId: admin.isvId,
      name: 'Pat Portal',
      role: 'member',
    });
    if (!before) throw new Error('unreachable');
    await kit.store.admin.removeUser(admin, before.userId, now);
    expect(await authenticate(request(cookie))).toBeNull();
  });

  it('signs out a cookie of the old shape (a principal) and one without a session', async () => {
    const secret = new TextEncoder().encode(
      'portal-next-dev-only-session-secret-not-for-production',
    );
    const old = await new SignJWT({
      principal: { kind: 'isv', userId: 'x', name: 'x', role: 'admin', isvId: 'y' },
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('resale-kit-portal-next')
      .setAudience('resale-kit-portal-next')
      .setExpirationTime('1h')
      .sign(secret);
    expect(await authenticate(request(old))).toBeNull();
    expect(await authenticate({ headers: new Headers() })).toBeNull();
  });
});
