'use server';

import { DEMO_IDENTITIES } from '@resale-kit/server';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { resaleKit } from '@/server/resaleKit';
import { homeOf, SESSION_COOKIE, SESSION_MAX_AGE_S, signSession } from '@/server/session';

/**
 * The toy sign-in: the form names a demo user; the server resolves that user's principal (here
 * through the demo user's API key, which never leaves the server) and stores it in a signed
 * session cookie. A real portal checks a password or an identity provider instead.
 */
export async function signIn(form: FormData): Promise<void> {
  const identity = DEMO_IDENTITIES.find((d) => d.label === form.get('user'));
  if (!identity) redirect('/sign-in?error=unknown-user');
  const { store } = await resaleKit();
  const principal = await store.authenticate(identity.apiKey);
  if (!principal) redirect('/sign-in?error=unknown-user');
  const jar = await cookies();
  jar.set(SESSION_COOKIE, await signSession(principal), {
    httpOnly: true,
    sameSite: 'lax',
    secure: (await headers()).get('x-forwarded-proto') === 'https',
    path: '/',
    maxAge: SESSION_MAX_AGE_S,
  });
  redirect(homeOf(principal));
}

export async function signOut(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect('/sign-in');
}
