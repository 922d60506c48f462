import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createResaleClient } from '../../src/index.js';
import { ResaleProvider } from '../../src/react/index.js';
import { recordingFetch, type startServer } from '../server.js';

export type TestServer = Awaited<ReturnType<typeof startServer>>;

/** The procedures named by the requests sent so far ('opportunities.list', 'me'...). */
export const proceduresOf = (requests: { url: string }[]) =>
  requests.flatMap((r) => new URL(r.url).pathname.replace(/^.*\/trpc\//, '').split(','));

/** Renders `ui` inside a ResaleProvider talking to the real server as one demo identity. */
export function renderWithResale(
  server: TestServer,
  ui: ReactNode,
  options: { as?: 'isv' | 'reseller'; fetch?: typeof fetch } = {},
) {
  const recorder = recordingFetch(options.fetch);
  const client = createResaleClient({
    url: server.url,
    apiKey: server.key(options.as ?? 'isv'),
    fetch: recorder.fetch,
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ResaleProvider client={client} queryClient={queryClient}>
      {ui}
    </ResaleProvider>,
  );
  return { client, queryClient, requests: recorder.requests };
}
