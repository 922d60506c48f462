// @vitest-environment jsdom
import { FIRST_PAGE_VIEW, type ListView } from '@resale-kit/core';
import { OpportunitiesTable, SummaryCards } from '@resale-kit/react';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { createResaleClient } from '../../src/index.js';
import {
  type OpportunitiesTableBindings,
  type OpportunityFiltersBindings,
  useListViewParams,
  useOpportunitiesTable,
  useOpportunityFilters,
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

/** What the hook returned on the last render, and every view it asked for. */
let table: OpportunitiesTableBindings;
let views: ListView[];

/** A Partners page as an embedder writes it: state, two hooks, two components. */
function Page({ initial = FIRST_PAGE_VIEW }: { initial?: ListView }) {
  const [view, setView] = useState(initial);
  const onViewChange = (next: ListView) => {
    views.push(next);
    setView(next);
  };
  table = useOpportunitiesTable(view, onViewChange);
  const cards = useSummaryCards(view, onViewChange);
  return (
    <>
      <SummaryCards {...cards} showStatusCards />
      <OpportunitiesTable {...table} now={NOW} selectionType="multi" />
    </>
  );
}

const api = () => createResaleClient({ url: server.url, apiKey: server.key('isv') });
const ids = (items: readonly { id: string }[]) => items.map((o) => o.id);

test('pages by cursor through the real table: Next shows the API page 2, Previous page 1', async () => {
  views = [];
  const first = await api().opportunities.list.query({ limit: 10 });
  const second = await api().opportunities.list.query({
    limit: 10,
    cursor: first.nextCursor ?? '',
  });
  renderWithResale(server, <Page />);
  await waitFor(() => expect(ids(table.items)).toEqual(ids(first.items)));
  expect(table.totalCount).toBe(first.total);
  expect(table.hasPreviousPage).toBe(false);
  expect(screen.getByRole('heading', { name: `Opportunities (${first.total})` })).toBeTruthy();

  fireEvent.click(screen.getByRole('button', { name: /Next/ }));
  expect(views.at(-1)).toMatchObject({ cursor: first.nextCursor, page: 2 });
  // While page 2 loads, page 1's rows stay, marked busy, and cannot page further.
  expect(table.loading).toBe(true);
  expect(table.hasNextPage).toBe(false);
  await waitFor(() => expect(ids(table.items)).toEqual(ids(second.items)));
  expect(table.loading).toBe(false);
  expect(table.currentPage).toBe(2);

  fireEvent.click(screen.getByRole('button', { name: /Previous/ }));
  expect(views.at(-1)).toMatchObject({ cursor: null, page: 1 });
  await waitFor(() => expect(ids(table.items)).toEqual(ids(first.items)));
});

test('a summary card filters the table from page 1 and is marked pressed', async () => {
  views = [];
  const restricted = await api().opportunities.list.query({ limit: 10, status: ['restricted'] });
  renderWithResale(server, <Page />);
  await waitFor(() => expect(table.items.length).toBe(10));
  const card = await screen.findByRole('button', { name: /Restricted/ });
  await waitFor(() => expect((card as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(card);
  expect(views.at(-1)).toEqual({
    filters: { status: ['restricted'] },
    sort: FIRST_PAGE_VIEW.sort,
    cursor: null,
    page: 1,
  });
  await waitFor(() => expect(ids(table.items)).toEqual(ids(restricted.items)));
  expect(table.totalCount).toBe(restricted.total);
  expect(table.filteringActive).toBe(true);
  expect(screen.getByRole('button', { name: /Restricted/ }).getAttribute('aria-pressed')).toBe(
    'true',
  );

  act(() => table.onClearFilter());
  expect(views.at(-1)?.filters).toEqual({});
});

test('sorting goes back to page 1 and asks the API for that order', async () => {
  views = [];
  const byName = await api().opportunities.list.query({
    limit: 10,
    sort: { field: 'name', direction: 'asc' },
  });
  renderWithResale(server, <Page />);
  await waitFor(() => expect(table.items.length).toBe(10));
  act(() => table.onSortingChange({ field: 'name', direction: 'asc' }));
  await waitFor(() => expect(ids(table.items)).toEqual(ids(byName.items)));
  expect(table.sorting).toEqual({ field: 'name', direction: 'asc' });
});

test('a cursor that no longer fits restarts at page 1 with a notice, not an endless Retry', async () => {
  views = [];
  const first = await api().opportunities.list.query({ limit: 10 });
  // A real cursor, but issued for other filters: the server refuses it (INVALID_CURSOR).
  const other = await api().opportunities.list.query({ limit: 10, status: ['active'] });
  renderWithResale(
    server,
    <Page initial={{ ...FIRST_PAGE_VIEW, cursor: other.nextCursor, page: 2 }} />,
  );
  await waitFor(() => expect(ids(table.items)).toEqual(ids(first.items)));
  expect(views).toEqual([{ ...FIRST_PAGE_VIEW, cursor: null, page: 1 }]);
  expect(table.error).toBeUndefined();
  expect(table.notice).toBe(true);
  expect(table.currentPage).toBe(1);
  // The notice belongs to the restart: the next move clears it.
  fireEvent.click(screen.getByRole('button', { name: /Next/ }));
  expect(table.notice).toBeUndefined();
});

test('the selection holds across a refetch, and a page change clears it', async () => {
  views = [];
  const { queryClient } = renderWithResale(server, <Page />);
  await waitFor(() => expect(table.items.length).toBe(10));
  const picked = table.items.slice(0, 2);
  act(() => table.onSelectionChange({ selectedItems: picked }));
  expect(ids(table.selectedItems)).toEqual(ids(picked));
  await act(() => queryClient.refetchQueries());
  expect(ids(table.selectedItems)).toEqual(ids(picked));
  fireEvent.click(screen.getByRole('button', { name: /Next/ }));
  expect(table.selectedItems).toEqual([]);
});

let params: URLSearchParams;
function UrlPage() {
  const [search, setSearch] = useState(new URLSearchParams('status=expired&sort=name&dir=asc'));
  params = search;
  const [view, setView] = useListViewParams(search, setSearch);
  table = useOpportunitiesTable(view, setView);
  return null;
}

test('the URL adapter: parameters in, view out, and every change written back', async () => {
  const expired = await api().opportunities.list.query({
    limit: 10,
    status: ['expired'],
    sort: { field: 'name', direction: 'asc' },
  });
  renderWithResale(server, <UrlPage />);
  await waitFor(() => expect(ids(table.items)).toEqual(ids(expired.items)));
  expect(table.sorting).toEqual({ field: 'name', direction: 'asc' });
  act(() => table.onSortingChange({ field: 'createdAt', direction: 'desc' }));
  // The default sort leaves the URL; the filter stays.
  expect(params.toString()).toBe('status=expired');
  act(() => table.onClearFilter());
  expect(params.toString()).toBe('');
});

let filters: OpportunityFiltersBindings;
function FilteredPage({ resellers }: { resellers: boolean }) {
  const [view, setView] = useState(FIRST_PAGE_VIEW);
  const onViewChange = (next: ListView) => {
    views.push(next);
    setView(next);
  };
  table = useOpportunitiesTable(view, onViewChange);
  filters = useOpportunityFilters(view, onViewChange, { resellers });
  return null;
}

test('filters: choices loaded, a choice applies at once, typed text once typing pauses', async () => {
  views = [];
  const products = await api().products.list.query();
  const { requests } = renderWithResale(server, <FilteredPage resellers />);
  await waitFor(() => expect(filters.products.map((p) => p.id)).toEqual(products.map((p) => p.id)));
  await waitFor(() => expect(filters.resellers?.length).toBeGreaterThan(0));
  await waitFor(() => expect(table.items.length).toBe(10));

  act(() => filters.onChange({ status: ['expired'] }));
  expect(views.at(-1)?.filters).toEqual({ status: ['expired'] });
  const lists = () => proceduresOf(requests).filter((p) => p === 'opportunities.list').length;
  await waitFor(() => expect(table.loading).toBe(false));
  const before = lists();
  act(() => filters.onChange({ status: ['expired'], q: 'Spec' }));
  act(() => filters.onChange({ status: ['expired'], q: 'Specific' }));
  // The field follows every key; the view (and the API) only the pause.
  expect(filters.value).toEqual({ status: ['expired'], q: 'Specific' });
  expect(views.at(-1)?.filters).toEqual({ status: ['expired'] });
  await waitFor(() =>
    expect(views.at(-1)?.filters).toEqual({ status: ['expired'], q: 'Specific' }),
  );
  await waitFor(() => expect(table.loading).toBe(false));
  expect(lists()).toBe(before + 1);
  expect(table.items.every((o) => o.status === 'expired' && o.name.includes('Specific'))).toBe(
    true,
  );
});

test('filters: a reseller user gets no reseller filter and no resellers request', async () => {
  const { requests } = renderWithResale(server, <FilteredPage resellers={false} />, {
    as: 'reseller',
  });
  await waitFor(() => expect(filters.products.length).toBeGreaterThan(0));
  expect(filters.resellers).toBeUndefined();
  expect(proceduresOf(requests)).not.toContain('resellers.list');
});
