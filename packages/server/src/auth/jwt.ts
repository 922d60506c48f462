import { ROLES, type Role } from '@resale-kit/core';
import {
  type CryptoKey,
  createRemoteJWKSet,
  importSPKI,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import type { Store } from '../store/types.js';
import { type Authenticate, bearerToken } from '../trpc/context.js';

/**
 * Sign-in with JWTs the host's identity provider signs: the bin's JWT_* settings, or
 * `createHttpServer({ authenticate: await jwtAuthenticate(store, options) })`. The token comes
 * in `Authorization: Bearer <jwt>` (API keys keep working beside it: a key has no dots).
 */
export interface JwtAuthOptions {
  /** Verify with the provider's JSON Web Key Set at this URL (fetched and cached by jose)... */
  jwksUrl?: string;
  /** ...or with this public key (PEM, SPKI: "-----BEGIN PUBLIC KEY-----"). */
  publicKey?: string;
  /** Accepted algorithms (default RS256). */
  algorithms?: string[];
  /** Required `iss` and `aud`. */
  issuer: string;
  audience: string;
  /** Claim names (defaults: org, role, name, email); `sub` is always the user's id. */
  claims?: { org?: string; role?: string; name?: string; email?: string };
  /** Allowed clock skew for exp / nbf, in seconds (default 5). */
  clockToleranceSeconds?: number;
}

export class JwtConfigError extends Error {
  override name = 'JwtConfigError';
}

const text = (payload: JWTPayload, claim: string): string | undefined => {
  const v = payload[claim];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/**
 * The `authenticate` hook for signed JWTs: a token whose signature, issuer, audience and
 * expiry check out, and whose claims name an existing organization (its resale-kit id), a
 * role and a subject, signs in as that user, created on first sight so the audit trail and
 * opportunities name the person. Anything else is no principal (UNAUTHORIZED); why is never
 * told to the caller.
 */
export async function jwtAuthenticate(store: Store, opts: JwtAuthOptions): Promise<Authenticate> {
  const algorithms = opts.algorithms?.length ? opts.algorithms : ['RS256'];
  let key: JWTVerifyGetKey | CryptoKey;
  if (opts.jwksUrl && opts.publicKey) {
    throw new JwtConfigError('JWT: give either a JWKS URL or a public key, not both');
  }
  if (opts.jwksUrl) {
    key = createRemoteJWKSet(new URL(opts.jwksUrl));
  } else if (opts.publicKey) {
    try {
      key = await importSPKI(opts.publicKey, algorithms[0] as string);
    } catch (err) {
      throw new JwtConfigError(
        `JWT: the public key is not a PEM SPKI key: ${(err as Error).message}`,
      );
    }
  } else {
    throw new JwtConfigError('JWT: a JWKS URL or a public key is required');
  }
  if (!opts.issuer || !opts.audience)
    throw new JwtConfigError('JWT: issuer and audience are required');
  const c = opts.claims ?? {};
  const claim = {
    org: c.org ?? 'org',
    role: c.role ?? 'role',
    name: c.name ?? 'name',
    email: c.email ?? 'email',
  };

  return async (request) => {
    const token = bearerToken(request.headers.get('authorization') ?? undefined);
    if (!token) return null;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as CryptoKey, {
        issuer: opts.issuer,
        audience: opts.audience,
        algorithms,
        clockTolerance: opts.clockToleranceSeconds ?? 5,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch {
      return null;
    }
    const orgId = text(payload, claim.org);
    const role = text(payload, claim.role);
    const subject = payload.sub;
    if (!orgId || !subject || !role || !(ROLES as readonly string[]).includes(role)) return null;
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(orgId)) return null;
    return store.resolveSignedIn(
      {
        orgId,
        subject,
        role: role as Role,
        name: text(payload, claim.name) ?? subject,
        email: text(payload, claim.email) ?? null,
      },
      new Date(),
    );
  };
}
