import { createResaleClient, isResaleError, type ResaleClient } from '@resale-kit/sdk';
import { QueryClient } from '@tanstack/react-query';
import { currentApiKey } from '../identity/identityStore';

/** The typed SDK client; calls go to `/trpc`, which the Vite server proxies to the API. */
export const resaleClient: ResaleClient = createResaleClient({
  url: '/trpc',
  getApiKey: currentApiKey,
});

/** Retries only when the server never answered: a 4xx will not change by asking again. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => failureCount < 2 && isResaleError(error, 'NETWORK_ERROR'),
    },
    mutations: { retry: false },
  },
});
