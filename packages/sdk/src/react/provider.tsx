import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { ReactNode } from 'react';
import type { ResaleClient } from '../client.js';
import type { AppRouter } from '../router.js';

const context = createTRPCContext<AppRouter>();

/**
 * Query and mutation options for every procedure, typed from the router:
 * `useQuery(useResale().opportunities.list.queryOptions(input))`.
 */
export const useResale = context.useTRPC;
/** The vanilla client inside React (imperative calls from event handlers). */
export const useResaleClient = context.useTRPCClient;

export interface ResaleProviderProps {
  /** From `createResaleClient`. */
  client: ResaleClient;
  /** Your TanStack QueryClient: cache, retries and defaults stay yours. */
  queryClient: QueryClient;
  children?: ReactNode;
}

/** Provides the client and TanStack Query to `useResale` / `useResaleClient`. */
export function ResaleProvider({ client, queryClient, children }: ResaleProviderProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <context.TRPCProvider trpcClient={client} queryClient={queryClient}>
        {children}
      </context.TRPCProvider>
    </QueryClientProvider>
  );
}
