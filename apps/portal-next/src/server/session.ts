import { type OrgKind, RoleSchema } from '@resale-kit/core';
import type { SignedInIdentity } from '@resale-kit/server';
import { jwtVerify, SignJWT } from 'jose';

/**
 * The portal's own session: a JWT it signs itself (HS256, jose), in an httpOnly cookie. A toy
 * standing in for a real portal's sign-in; what matters is that the browser holds only this
 * cookie, never a resale-kit API key. It holds who signed in (organization, user, name, role),
 * not a principal: each request resolves it again (`store.resolveSignedIn`), so a user removed
 * in resale-kit is refused at once, whatever the cookie's expiry.
 */
export const SESSION_COOKIE = 'portal_session';
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

const ISSUER = 'resale-kit-portal-next';
const AUDIENCE = 'resale-kit-portal-next';
const DEV_SECRET = 'portal-next-dev-only-session-secret-not-for-production';

/** PORTAL_SESSION_SECRET, read per call so a missing one fails a request, not `next build`. */
function secretKey(): Uint8Array {
  const secret = process.env.PORTAL_SESSION_SECRET;
  if (!secret) {
    if (process.env.NODE_ENV === 'production') {
      throw new Error(
        'PORTAL_SESSION_SECRET is not set: `next start` runs in production and will not sign ' +
          'sessions with the development secret. Set it to 32 or more random characters.',
      );
    }
    return new TextEncoder().encode(DEV_SECRET);
  }
  if (secret.length < 32) {
    throw new Error('PORTAL_SESSION_SECRET must be at least 32 characters long');
  }
  return new TextEncoder().encode(secret);
}

/** Who signed in, as the session cookie holds it. */
export type SessionIdentity = SignedInIdentity & { kind: OrgKind };

/** The session token for a user who just signed in. */
export function signSession(identity: SessionIdentity): Promise<string> {
  const { kind, orgId, subject, name, role } = identity;
  return new SignJWT({ identity: { kind, orgId, subject, name, role } })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${SESSION_MAX_AGE_S}s`)
    .sign(secretKey());
}

const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The identity of a token this portal signed; anything else (an older shape too) is null. */
function identityOf(claim: unknown): SessionIdentity | null {
  if (typeof claim !== 'object' || claim === null) return null;
  const c = claim as Record<string, unknown>;
  if (c.kind !== 'isv' && c.kind !== 'reseller') return null;
  const role = RoleSchema.safeParse(c.role);
  if (!text(c.orgId) || !text(c.subject) || !text(c.name) || !role.success) return null;
  return { kind: c.kind, orgId: c.orgId, subject: c.subject, name: c.name, role: role.data };
}

/** The identity of a valid, unexpired session token; null for none or a bad one. */
export async function verifySession(token: string | undefined): Promise<SessionIdentity | null> {
  if (!token) return null;
  const key = secretKey();
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    // A cookie from before this shape (it held a principal) signs its holder out.
    return identityOf(payload.identity);
  } catch {
    // Expired, tampered or signed with another secret: signed out, nothing to report.
    return null;
  }
}

/** The session token in a request's Cookie header, if any. */
export function sessionToken(headers: Headers): string | undefined {
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      return decodeURIComponent(part.slice(eq + 1).trim());
    }
  }
  return undefined;
}

/** Where a signed-in user lands. */
export const homeOf = (who: { kind: OrgKind }): string =>
  who.kind === 'isv' ? '/partners' : '/reseller';
