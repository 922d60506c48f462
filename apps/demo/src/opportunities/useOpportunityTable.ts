import type { Opportunity } from '@resale-kit/core';
import { type OpportunitiesTableProps, visibleColumnsForFilter } from '@resale-kit/react';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { isFiltering, PAGE_SIZE } from '../url/listState';
import { useListState } from '../url/useListState';
import { useOpportunityList } from './useOpportunityList';

/**
 * The list state in the URL, the page it selects, the selection, and the table props that wire
 * them together (sort, cursor paging, loading / error / no-match states): shared by both views.
 */
export function useOpportunityTable() {
  const { state, update, clearFilters } = useListState();
  const list = useOpportunityList(state);
  const [selected, setSelected] = useState<Opportunity[]>([]);

  // A new page, filter or sort starts with nothing selected.
  const listKey = JSON.stringify(state);
  useEffect(() => {
    void listKey;
    setSelected([]);
  }, [listKey]);

  const page = list.data;
  // While a new page loads, the rows shown are the previous list's (keepPreviousData): its
  // cursors may belong to other filters or sort (INVALID_CURSOR), so they page nowhere.
  const cursors = list.isPlaceholderData ? undefined : page;
  const tableProps = {
    items: page?.items ?? [],
    totalCount: page?.total,
    // "Expires" joins the columns when the list is narrowed to what expires soon.
    visibleColumns: visibleColumnsForFilter({
      expiringWithinDays: state.expiringWithinDays ?? undefined,
    }),
    selectedItems: selected,
    onSelectionChange: ({ selectedItems }) => setSelected([...selectedItems]),
    sorting: state.sort,
    onSortingChange: (sort) => update({ sort }),
    hasPreviousPage: Boolean(cursors?.prevCursor),
    hasNextPage: Boolean(cursors?.nextCursor),
    onPreviousPage: () =>
      cursors?.prevCursor &&
      update(
        state.page <= 2
          ? { cursor: null, page: 1 }
          : { cursor: cursors.prevCursor, page: state.page - 1 },
      ),
    onNextPage: () =>
      cursors?.nextCursor && update({ cursor: cursors.nextCursor, page: state.page + 1 }),
    currentPage: state.page,
    pageSize: PAGE_SIZE,
    // The previous page's rows stay, marked busy, while the next one loads.
    loading: list.isPending || list.isPlaceholderData,
    error: list.error
      ? `The opportunities could not be loaded: ${errorMessage(list.error)}`
      : undefined,
    onRetry: () => (list.invalidCursor ? update({ cursor: null, page: 1 }) : list.refetch()),
    filteringActive: isFiltering(state),
    onClearFilter: clearFilters,
  } satisfies Partial<OpportunitiesTableProps>;

  return { state, update, clearFilters, setSelected, tableProps };
}
