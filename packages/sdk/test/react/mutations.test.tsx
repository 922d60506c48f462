// @vitest-environment jsdom
import { FIRST_PAGE_VIEW, type Opportunity } from '@resale-kit/core';
import { act, cleanup, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createResaleClient } from '../../src/index.js';
import {
  type CreateOfferBindings,
  type DeactivateBindings,
  type OpportunitiesTableBindings,
  type OpportunityDetailsBindings,
  type OpportunityFormBindings,
  type SummaryCardsBindings,
  useCreateOffer,
  useDeactivate,
  useOpportunitiesTable,
  useOpportunityDetails,
  useOpportunityForm,
  useSummaryCards,
} from '../../src/react/index.js';
import { startServer } from '../server.js';
import { proceduresOf, renderWithResale, type TestServer } from './harness.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
let server: TestServer;
beforeAll(async () => {
  server = await startServer(NOW);
});
afterAll(() => server.stop());
afterEach(cleanup);

const api = (as: 'isv' | 'reseller' = 'isv') =>
  createResaleClient({ url: server.url, apiKey: server.key(as) });
const noop = () => {};

let table: OpportunitiesTableBindings;
let cards: SummaryCardsBindings;

function Deactivating({ items }: { items: Opportunity[] }) {
  table = useOpportunitiesTable(FIRST_PAGE_VIEW, noop);
  cards = useSummaryCards();
  deactivate = useDeactivate(items);
  return null;
}
let deactivate: DeactivateBindings;

test('deactivate: per-item results, the rows on screen change at once, only list and summary refetch', async () => {
  const page = await api().opportunities.list.query({ limit: 10 });
  const active = page.items.filter((o) => o.status === 'active').slice(0, 1);
  const other = page.items.find((o) => o.status !== 'active');
  if (active.length === 0 || !other) throw new Error('the seed has an active and another row');
  const before = await api().opportunities.summary.query();
  const { requests } = renderWithResale(server, <Deactivating items={[...active, other]} />);
  await waitFor(() => expect(table.items.length).toBe(10));
  await waitFor(() => expect(cards.summary).toEqual(before));
  expect(deactivate.items).toHaveLength(2);
  const sentBefore = requests.length;

  act(() => deactivate.onConfirm());
  await waitFor(() => expect(deactivate.results).toBeDefined());
  expect(deactivate.results?.map((r) => r.ok)).toEqual([true, false]);
  expect(deactivate.error).toBeUndefined();
  await waitFor(() =>
    expect(cards.summary?.byStatus.restricted).toBe(before.byStatus.restricted + 1),
  );
  expect(table.items.find((o) => o.id === active[0]?.id)?.status).toBe('restricted');
  const after = proceduresOf(requests.slice(sentBefore));
  expect(after).toContain('opportunities.deactivate');
  expect(new Set(after)).toEqual(
    new Set(['opportunities.deactivate', 'opportunities.list', 'opportunities.summary']),
  );
});

let form: OpportunityFormBindings;
/** Every answer `onSaved` was given. */
const saves: Opportunity[][] = [];
function Creating({ source }: { source?: Opportunity }) {
  table = useOpportunitiesTable(FIRST_PAGE_VIEW, noop);
  form = useOpportunityForm({ source, onSaved: (created) => saves.push(created) });
  return null;
}

test('create: products and resellers loaded, server issues per field, then the answer and a fresh list', async () => {
  saves.length = 0;
  const [products, resellers] = await Promise.all([
    api().products.list.query(),
    api().resellers.list.query(),
  ]);
  renderWithResale(server, <Creating />);
  await waitFor(() => expect(form.itemsLoading).toBe(false));
  expect(form.products.map((p) => p.id)).toEqual(products.map((p) => p.id));
  expect(form.resellers.map((r) => r.id)).toEqual(resellers.map((r) => r.id));
  await waitFor(() => expect(table.items.length).toBe(10));

  const value = {
    name: 'Hooks test: two resellers',
    description: null,
    productIds: [products[0]?.id ?? ''],
    resellerIds: resellers.slice(0, 2).map((r) => r.id),
    discount: { type: 'percentage' as const, percent: 150 },
    durationType: 'specific-duration' as const,
    endDate: '2020-01-01',
  };
  act(() => form.onSubmit({ kind: 'create', input: value }));
  await waitFor(() => expect(form.issues.length).toBeGreaterThan(0));
  expect(form.issues.map((i) => i.field).sort()).toEqual(['discount.percent', 'endDate']);
  expect(form.error).toBeUndefined();
  expect(saves).toEqual([]);

  act(() =>
    form.onSubmit({
      kind: 'create',
      input: { ...value, discount: { type: 'percentage', percent: 15 }, endDate: '2026-12-31' },
    }),
  );
  await waitFor(() => expect(saves).toHaveLength(1));
  const saved = saves[0];
  expect(saved?.map((o) => o.resellerId).sort()).toEqual(value.resellerIds.sort());
  expect(form.issues).toEqual([]);
  // Newest first: the created rows head the refetched first page.
  await waitFor(() =>
    expect(
      table.items
        .slice(0, 2)
        .map((o) => o.id)
        .sort(),
    ).toEqual(saved?.map((o) => o.id).sort()),
  );
});

test('clone: no catalog is loaded, and the copy is the answer', async () => {
  saves.length = 0;
  const [source] = (await api().opportunities.list.query({ status: ['active'], limit: 1 })).items;
  if (!source) throw new Error('no active opportunity');
  const { requests } = renderWithResale(server, <Creating source={source} />);
  expect(form.itemsLoading).toBe(false);
  act(() =>
    form.onSubmit({
      kind: 'clone',
      input: { id: source.id, name: `${source.name} (copy)`, endDate: source.endDate },
    }),
  );
  await waitFor(() => expect(saves).toHaveLength(1));
  expect(saves[0]?.[0]?.clonedFromId).toBe(source.id);
  expect(proceduresOf(requests)).not.toContain('products.list');
  expect(proceduresOf(requests)).not.toContain('resellers.list');
});

let offer: CreateOfferBindings;
let details: OpportunityDetailsBindings;
function Offering({ opportunity }: { opportunity: Opportunity }) {
  table = useOpportunitiesTable(FIRST_PAGE_VIEW, noop);
  offer = useCreateOffer(opportunity);
  details = useOpportunityDetails(opportunity.id);
  return null;
}

test('create offer: a retry after a lost answer reuses the key and counts once; the next offer gets a new key', async () => {
  const reseller = api('reseller');
  const page = await reseller.opportunities.list.query({ limit: 10 });
  const opportunity = page.items.find(
    (o) => o.status === 'active' && o.durationType !== 'single-use',
  );
  if (!opportunity) throw new Error('the reseller has a reusable active opportunity');
  // The first offer request reaches the server, but its answer never comes back.
  let lose = true;
  const lossy: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = await fetch(input, init);
    if (lose && url.includes('offers.create')) {
      lose = false;
      throw new TypeError('fetch failed');
    }
    return response;
  };
  renderWithResale(server, <Offering opportunity={opportunity} />, {
    as: 'reseller',
    fetch: lossy,
  });
  await waitFor(() => expect(details.details?.opportunity.id).toBe(opportunity.id));
  await waitFor(() => expect(table.items.length).toBeGreaterThan(0));
  const firstKey = offer.idempotencyKey;

  act(() => offer.onSubmit({ buyerAccountId: '123456789012' }));
  await waitFor(() => expect(offer.error).toBeDefined());
  expect(offer.result).toBeUndefined();
  act(() => offer.onSubmit({ buyerAccountId: '123456789012' }));
  await waitFor(() => expect(offer.result).toBeDefined());
  expect(offer.idempotencyKey).toBe(firstKey);
  expect(offer.result?.replayed).toBe(true);
  const used = opportunity.timesUsed + 1;
  expect(offer.result?.opportunity.timesUsed).toBe(used);
  // The answer reaches the row on screen and the details (refetched: its offers grew).
  await waitFor(() => expect(details.details?.offers.length).toBeGreaterThan(0));
  expect(details.details?.opportunity.timesUsed).toBe(used);
  expect(table.items.find((o) => o.id === opportunity.id)?.timesUsed).toBe(used);

  act(() => offer.onSubmit({ buyerAccountId: '123456789012' }));
  await waitFor(() => expect(offer.result?.replayed).toBe(false));
  expect(offer.idempotencyKey).not.toBe(firstKey);
  expect(offer.result?.opportunity.timesUsed).toBe(used + 1);
});

test('create offer: a bad buyer account comes back as an issue on its field', async () => {
  const page = await api('reseller').opportunities.list.query({ status: ['active'], limit: 1 });
  const opportunity = page.items[0];
  if (!opportunity) throw new Error('no active opportunity for the reseller');
  renderWithResale(server, <Offering opportunity={opportunity} />, { as: 'reseller' });
  act(() => offer.onSubmit({ buyerAccountId: '12' }));
  await waitFor(() => expect(offer.issues.length).toBe(1));
  expect(offer.issues[0]?.field).toBe('buyerAccountId');
  expect(offer.error).toBeUndefined();
});

function NoDetails() {
  details = useOpportunityDetails(null);
  return null;
}

test('details: nothing is fetched without an id', async () => {
  const { requests } = renderWithResale(server, <NoDetails />);
  await new Promise((r) => setTimeout(r, 50));
  expect(details).toMatchObject({ details: undefined, loading: false, error: undefined });
  expect(requests).toEqual([]);
});
