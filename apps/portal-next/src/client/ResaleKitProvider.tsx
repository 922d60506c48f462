'use client';

import { createResaleClient, isResaleError } from '@resale-kit/sdk';
import { ResaleProvider } from '@resale-kit/sdk/react';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The server rendered the first view a moment ago: do not fetch it again on hydration.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && isResaleError(error, 'NETWORK_ERROR'),
      },
      mutations: { retry: false },
    },
  });
}

/**
 * The SDK in the browser, against the portal's own route handler. No API key: the session
 * cookie goes with every same-origin request and the server resolves the principal from it.
 */
export function ResaleKitProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [client] = useState(() => createResaleClient({ url: '/api/trpc' }));
  return (
    <ResaleProvider client={client} queryClient={queryClient}>
      {children}
    </ResaleProvider>
  );
}
