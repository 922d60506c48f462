// @vitest-environment jsdom
import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createResaleClient } from '../src/index.js';
import { ResaleProvider, useResale } from '../src/react/index.js';
import { startServer } from './server.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(NOW);
});
afterAll(() => server.stop());
afterEach(cleanup);

function Summary() {
  const resale = useResale();
  const summary = useQuery(resale.opportunities.summary.queryOptions());
  const me = useQuery(resale.me.queryOptions());
  if (!summary.data || !me.data) return <p>Loading</p>;
  return (
    <p>
      {me.data.principal.name}: {summary.data.active} active
    </p>
  );
}

const renderWith = (ui: React.ReactNode) => {
  const client = createResaleClient({ url: server.url, apiKey: server.key('isv') });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <ResaleProvider client={client} queryClient={queryClient}>
      {ui}
    </ResaleProvider>,
  );
};

test('hooks read the API through the provider, typed from the router', async () => {
  renderWith(<Summary />);
  expect(screen.getByText('Loading')).toBeTruthy();
  expect(await screen.findByText(/Alice Admin: \d+ active/)).toBeTruthy();
});

function Deactivator({ id }: { id: string }) {
  const resale = useResale();
  const queryClient = useQueryClient();
  const details = useQuery(resale.opportunities.get.queryOptions({ id }));
  const deactivate = useMutation(
    resale.opportunities.deactivate.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(resale.opportunities.get.queryFilter({ id })),
    }),
  );
  return (
    <div>
      <p>status: {details.data?.opportunity.status ?? '…'}</p>
      <button type="button" onClick={() => deactivate.mutate({ ids: [id] })}>
        Deactivate
      </button>
    </div>
  );
}

test('mutations through the hooks, and invalidation refreshes the query', async () => {
  const isv = createResaleClient({ url: server.url, apiKey: server.key('isv') });
  const { items } = await isv.opportunities.list.query({ status: ['active'], limit: 1 });
  const id = items[0]?.id ?? '';
  renderWith(<Deactivator id={id} />);
  await screen.findByText('status: active');
  await act(async () => screen.getByRole('button', { name: 'Deactivate' }).click());
  await waitFor(() => expect(screen.getByText('status: restricted')).toBeTruthy());
});
