import type { Principal } from '@resale-kit/core';
import { appRouter } from '@resale-kit/server';
import { dehydrate, QueryClient } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { redirect } from 'next/navigation';
import type { ServerClock } from '../shared/firstView';
import { pageContext } from './context';
import { homeOf } from './session';

/**
 * For a server-rendered page: the request's context, and the router's query options bound to a
 * fresh QueryClient. tRPC's options proxy calls the router in-process with that context (what
 * `createCaller` does) and gives each result the query key `useResale()` gives it in the
 * browser, so the client finds the first view in its cache and hydrates without a refetch.
 */
export async function serverQueries<K extends Principal['kind']>(kind: K) {
  const ctx = await pageContext();
  const principal = ctx.principal;
  if (!principal) redirect('/sign-in');
  if (principal.kind !== kind) redirect(homeOf(principal));
  const queryClient = new QueryClient();
  const resale = createTRPCOptionsProxy({ router: appRouter, ctx, queryClient });
  return {
    resale,
    queryClient,
    principal: principal as Extract<Principal, { kind: K }>,
    /** The request's clock, for the client's first render to match the server's. */
    clock: { now: ctx.now().toISOString(), fixed: ctx.clockFixed } satisfies ServerClock,
    /** What the page hands its client part: the queries fetched so far. */
    dehydrate: () => dehydrate(queryClient),
  };
}
