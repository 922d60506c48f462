'use server';

import { DEMO_IDENTITIES } from '@resale-kit/server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { resaleKit } from '@/server/resaleKit';
import {
  homeOf,
  SESSION_COOKIE,
  SESSION_MAX_AGE_S,
  type SessionIdentity,
  signSession,
} from '@/server/session';

/**
 * The toy sign-in: the form names a demo user; the server looks up that seeded user (through
 * its demo API key, which never leaves the server) and stores who signed in (organization,
 * user, name, role) in a signed session cookie; every request resolves it again. A real portal
 * checks a password or an identity provider instead, and signs its own user id as `subject`.
 */
export async function signIn(form: FormData): Promise<void> {
  const identity = DEMO_IDENTITIES.find((d) => d.label === form.get('user'));
  if (!identity) redirect('/sign-in?error=unknown-user');
  const { store } = await resaleKit();
  const seeded = await store.authenticate(identity.apiKey);
  if (!seeded) redirect('/sign-in?error=unknown-user');
  const session: SessionIdentity = {
    kind: seeded.kind,
    orgId: seeded.kind === 'isv' ? seeded.isvId : seeded.resellerId,
    subject: seeded.userId,
    name: identity.name,
    role: identity.role,
  };
  const jar = await cookies();
  jar.set(SESSION_COOKIE, await signSession(session), {
    httpOnly: true,
    sameSite: 'lax',
    secure: (await headers()).get('x-forwarded-proto') === 'https',
    path: '/',
    maxAge: SESSION_MAX_AGE_S,
  });
  redirect(homeOf(session));
}

export async function signOut(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect('/sign-in');
}
