import { type Principal, PrincipalSchema } from '@resale-kit/core';
import { jwtVerify, SignJWT } from 'jose';

/**
 * The portal's own session: a JWT it signs itself (HS256, jose), in an httpOnly cookie. A toy
 * standing in for a real portal's sign-in; what matters is that the browser holds only this
 * cookie, never a resale-kit API key.
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

/** The session token for a principal resolved at sign-in. */
export function signSession(principal: Principal): Promise<string> {
  return new SignJWT({ principal })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${SESSION_MAX_AGE_S}s`)
    .sign(secretKey());
}

/** The principal of a valid, unexpired session token; null for none or a bad one. */
export async function verifySession(token: string | undefined): Promise<Principal | null> {
  if (!token) return null;
  const key = secretKey();
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const parsed = PrincipalSchema.safeParse(payload.principal);
    return parsed.success ? parsed.data : null;
  } catch {
    // Expired, tampered or signed with another secret: signed out, nothing to report.
    return null;
  }
}

/** Where a signed-in user lands. */
export const homeOf = (principal: Principal): string =>
  principal.kind === 'isv' ? '/partners' : '/reseller';
