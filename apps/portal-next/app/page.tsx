import { redirect } from 'next/navigation';
import { sessionPrincipal } from '@/server/context';
import { homeOf } from '@/server/session';

export default async function Home() {
  const principal = await sessionPrincipal();
  redirect(principal ? homeOf(principal) : '/sign-in');
}
