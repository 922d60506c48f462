import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jwtAuthenticate } from '../../src/auth/jwt.js';
import { createDb, type Database } from '../../src/db/index.js';
import { silentLogger } from '../../src/http/logger.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createStore, type Store } from '../../src/store/index.js';
import { insertTenants, KEYS, T } from './tenants.js';

/**
 * Sign-in with the host's JWTs, verified with a key pair made here (never a network: the
 * JWKS case is served on loopback by this test). Every refusal is a plain 401.
 */
const ISSUER = 'https://id.portal.test';
const AUDIENCE = 'resale-kit';

describe('JWT sign-in [pglite]', () => {
  let db: Database;
  let store: Store;
  let http: HttpServer;
  let url: string;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;
  let publicPem: string;

  beforeAll(async () => {
    db = await createDb({ dataDir: 'memory://' });
    await insertTenants(db);
    store = createStore(db);
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    publicPem = await exportSPKI(pair.publicKey);
    const authenticate = await jwtAuthenticate(store, {
      publicKey: publicPem,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    http = createHttpServer({ store, logger: silentLogger, authenticate });
    url = await http.listen(0);
  });
  afterAll(async () => {
    await http?.close();
    await db?.close();
  });

  const token = (
    claims: Record<string, unknown>,
    opts: { key?: CryptoKey; iss?: string; aud?: string; exp?: string | number } = {},
  ) =>
    new SignJWT({ org: T.isvA, role: 'member', name: 'Pat Portal', ...claims })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject(String(claims.sub ?? 'portal-user-1'))
      .setIssuer(opts.iss ?? ISSUER)
      .setAudience(opts.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? '5m')
      .sign(opts.key ?? privateKey);

  const me = async (bearer: string) => {
    const res = await fetch(`${url}/trpc/me`, { headers: { authorization: `Bearer ${bearer}` } });
    const body = (await res.json()) as {
      result?: { data: { principal: Record<string, unknown> } };
    };
    return { status: res.status, principal: body.result?.data.principal };
  };

  test('a good token signs in; the user is created once, on first sight, and can work', async () => {
    const first = await me(await token({ sub: 'portal-user-1' }));
    expect(first).toMatchObject({
      status: 200,
      principal: { kind: 'isv', isvId: T.isvA, role: 'member', name: 'Pat Portal' },
    });
    const again = await me(await token({ sub: 'portal-user-1' }));
    expect(again.principal?.userId).toBe(first.principal?.userId);
    const users = await store.admin.listUsers({
      kind: 'isv',
      isvId: T.isvA,
      userId: T.userIsvA,
      name: 'Alice',
      role: 'admin',
    });
    expect(users.filter((u) => u.name === 'Pat Portal')).toHaveLength(1);
    // It creates an opportunity; the opportunity names the portal user.
    const res = await fetch(`${url}/trpc/opportunities.create`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token({ sub: 'portal-user-1' })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        name: 'From the portal',
        productIds: [T.productA1],
        resellerIds: [T.reseller1],
        discount: { type: 'percentage', percent: 3 },
        durationType: 'no-set-duration',
      }),
    });
    expect(res.status).toBe(200);
  });

  test('the role follows the claims: a viewer token cannot write', async () => {
    const viewer = await token({ sub: 'portal-user-2', role: 'viewer' });
    expect((await me(viewer)).principal).toMatchObject({ role: 'viewer' });
    const res = await fetch(`${url}/trpc/opportunities.deactivate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${viewer}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [crypto.randomUUID()] }),
    });
    expect(res.status).toBe(403);
  });

  test.each([
    ['a wrong issuer', () => token({}, { iss: 'https://evil.test' })],
    ['a wrong audience', () => token({}, { aud: 'someone-else' })],
    ['an expired token', () => token({}, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ['a signature by another key', () => token({}, { key: otherKey })],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await token({})).split('.');
        const forged = Buffer.from(
          JSON.stringify({
            sub: 'x',
            org: T.isvA,
            role: 'admin',
            iss: ISSUER,
            aud: AUDIENCE,
            exp: 9e9,
          }),
        ).toString('base64url');
        return `${h}.${forged}.${s}`;
      },
    ],
    ['an unknown role', () => token({ role: 'owner' })],
    ['an organization that does not exist', () => token({ org: crypto.randomUUID() })],
    ['no organization claim', () => token({ org: undefined })],
  ])('%s is UNAUTHORIZED', async (_name, make) => {
    expect(await me(await make())).toEqual({ status: 401, principal: undefined });
  });

  test('API keys keep working beside JWTs, and a removed user loses access at once', async () => {
    expect(await me(KEYS.isvA)).toMatchObject({ status: 200, principal: { userId: T.userIsvA } });
    const t = await token({ sub: 'portal-user-3' });
    const { principal } = await me(t);
    const admin = {
      kind: 'isv' as const,
      isvId: T.isvA,
      userId: T.userIsvA,
      name: 'Alice',
      role: 'admin' as const,
    };
    await store.admin.removeUser(admin, principal?.userId as string, new Date());
    expect((await me(t)).status).toBe(401);
  });

  test('a JWKS URL works as well as a PEM key', async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
    const jwks = createServer((_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    try {
      const port = (jwks.address() as AddressInfo).port;
      const auth = await jwtAuthenticate(store, {
        jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
        algorithms: ['ES256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      const good = await new SignJWT({ org: T.reseller1, role: 'member', name: 'Remy' })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject('jwks-user')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('5m')
        .sign(pair.privateKey);
      const headers = new Headers({ authorization: `Bearer ${good}` });
      expect(await auth({ headers })).toMatchObject({
        kind: 'reseller',
        resellerId: T.reseller1,
        role: 'member',
      });
      const bad = new Headers({ authorization: `Bearer ${await token({})}` });
      expect(await auth({ headers: bad })).toBeNull();
    } finally {
      jwks.close();
    }
  });
});
