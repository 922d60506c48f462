import type { Principal } from '@resale-kit/core';
import { type AuthRequest, createContext, type InnerContext } from '@resale-kit/server';
import { headers } from 'next/headers';
import { resaleKit } from './resaleKit';
import { sessionToken, verifySession } from './session';

/**
 * The server package's `authenticate` hook, the portal's way in: the signed session cookie
 * names who signed in, and the store resolves that identity on every request. A user removed
 * (or an organization gone) in resale-kit is refused at once, even with a valid cookie.
 */
export async function authenticate(request: AuthRequest): Promise<Principal | null> {
  // The cookie first: no database is opened for a request without a session.
  const identity = await verifySession(sessionToken(request.headers));
  if (!identity) return null;
  const { store, now } = await resaleKit();
  return store.resolveSignedIn(identity, now());
}

/**
 * The one place a portal request becomes resale-kit's context, for the route handler (its Fetch
 * `Request`) and the server-rendered pages (the request's headers) alike. `apiKeys: false`: an
 * `Authorization` header is ignored, the session alone signs in.
 */
export async function portalContext(req: AuthRequest): Promise<InnerContext> {
  const { store, now, clockFixed } = await resaleKit();
  return createContext({ store, now, clockFixed, apiKeys: false, authenticate })({ req });
}

/**
 * The context of the page being rendered. The headers first: during `next build`, reading them
 * is what marks a page dynamic, and the database must not be opened for a page not rendered.
 */
export async function pageContext(): Promise<InnerContext> {
  return portalContext({ headers: new Headers(await headers()) });
}

/** Who is signed in to the portal, resolved as the API resolves it; null when nobody is. */
export async function sessionPrincipal(): Promise<Principal | null> {
  return authenticate({ headers: new Headers(await headers()) });
}
