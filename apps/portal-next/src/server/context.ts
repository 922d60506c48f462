import type { Principal } from '@resale-kit/core';
import { createInnerContext, type InnerContext } from '@resale-kit/server';
import { cookies } from 'next/headers';
import { resaleKit } from './resaleKit';
import { SESSION_COOKIE, verifySession } from './session';

/** Who is signed in to the portal, from its session cookie; null when nobody is. */
export async function sessionPrincipal(): Promise<Principal | null> {
  return verifySession((await cookies()).get(SESSION_COOKIE)?.value);
}

/**
 * The one place a portal request becomes resale-kit's context, for the route handler and the
 * server-rendered pages alike. Only the session counts: an `Authorization` header is ignored,
 * so the portal's API takes no API keys. Interim: the server package has no
 * `authenticate(request)` hook on main yet, so the principal is resolved here and handed to
 * `createInnerContext`. With the hook this becomes `createContext({ store, now, clockFixed,
 * apiKeys: false, authenticate })`, the session check being the hook; callers do not change.
 */
export async function portalContext(): Promise<InnerContext> {
  // The session first: during `next build`, reading cookies is what marks a page dynamic, and
  // the database must not be opened for a page that is not going to be rendered.
  const principal = await sessionPrincipal();
  const { store, now, clockFixed } = await resaleKit();
  return createInnerContext({ store, now, clockFixed, principal });
}
