import {
  isFiltering,
  type ListSort,
  type ListView,
  listInputOf,
  type Opportunity,
} from '@resale-kit/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isResaleError } from '../errors.js';
import { useResale } from './provider.js';

/** Rows per page unless a page asks for another size. */
export const DEFAULT_PAGE_SIZE = 10;

export interface UseOpportunitiesTableOptions {
  /** Rows per page (1 to the API's maximum). Default 10. */
  pageSize?: number;
}

/**
 * The props of `@resale-kit/react`'s `OpportunitiesTable` this hook provides; the page adds the
 * rest (`selectionType`, `now`, actions). Spread them: `<OpportunitiesTable {...table} />`.
 */
export interface OpportunitiesTableBindings {
  items: readonly Opportunity[];
  totalCount: number | undefined;
  selectedItems: readonly Opportunity[];
  onSelectionChange: (detail: { selectedItems: readonly Opportunity[] }) => void;
  sorting: ListSort;
  onSortingChange: (sorting: ListSort) => void;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
  onPreviousPage: () => void;
  onNextPage: () => void;
  currentPage: number;
  pageSize: number;
  /** A page is loading: with no rows yet, or over the previous page's rows (busy). */
  loading: boolean;
  error: string | undefined;
  onRetry: () => void;
  /** True once a cursor that no longer fits was dropped and the list restarted at page 1. */
  notice: true | undefined;
  filteringActive: boolean;
  onClearFilter: () => void;
}

const firstPageOf = (view: ListView, patch: Partial<ListView> = {}): ListView => ({
  ...view,
  ...patch,
  cursor: null,
  page: 1,
});

/**
 * The opportunities table, connected: the page of `view` (filters, sort, cursor) from the API,
 * paging by cursor, sorting, clearing filters, a selection kept across refreshes, and recovery
 * from a cursor that no longer fits (a stale link, filters changed since): the list restarts at
 * the first page and says so. The view is the caller's (React state, or the URL through
 * `useListViewParams`): every change goes through `onViewChange`.
 */
export function useOpportunitiesTable(
  view: ListView,
  onViewChange: (view: ListView) => void,
  options: UseOpportunitiesTableOptions = {},
): OpportunitiesTableBindings {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const resale = useResale();
  const input = listInputOf(view, pageSize);
  const list = useQuery({
    ...resale.opportunities.list.queryOptions(input),
    // The previous page stays on screen, marked busy, while the next one loads.
    placeholderData: keepPreviousData,
  });
  const viewKey = JSON.stringify(input);

  // A cursor that no longer fits cannot be retried into working: restart at the first page.
  const badCursor = isResaleError(list.error, 'INVALID_CURSOR') && view.cursor !== null;
  const [restartedAt, setRestartedAt] = useState<string | null>(null);
  useEffect(() => {
    if (!badCursor) return;
    const first = firstPageOf(view);
    setRestartedAt(JSON.stringify(listInputOf(first, pageSize)));
    onViewChange(first);
  }, [badCursor, view, onViewChange, pageSize]);

  // The selection holds ids; the items shown are always the freshest copies on the page, so a
  // deactivation's answer shows in the selection too. Another page, sort or filter clears it.
  const [selection, setSelection] = useState<{ key: string; ids: readonly string[] }>({
    key: viewKey,
    ids: [],
  });
  const selectedIds = selection.key === viewKey ? selection.ids : [];
  const page = list.isPlaceholderData ? undefined : list.data;
  const items = list.data?.items ?? [];
  const selectedItems = items.filter((o) => selectedIds.includes(o.id));

  return {
    items,
    totalCount: list.data?.total,
    selectedItems,
    onSelectionChange: ({ selectedItems: next }) =>
      setSelection({ key: viewKey, ids: next.map((o) => o.id) }),
    sorting: view.sort,
    onSortingChange: (sort) => onViewChange(firstPageOf(view, { sort })),
    // The placeholder's cursors belong to the previous view: no paging from them.
    hasPreviousPage: Boolean(page?.prevCursor) || (page !== undefined && view.page > 1),
    hasNextPage: Boolean(page?.nextCursor),
    onPreviousPage: () => {
      if (!page) return;
      onViewChange(
        view.page <= 2 || !page.prevCursor
          ? firstPageOf(view)
          : { ...view, cursor: page.prevCursor, page: view.page - 1 },
      );
    },
    onNextPage: () => {
      if (page?.nextCursor) onViewChange({ ...view, cursor: page.nextCursor, page: view.page + 1 });
    },
    currentPage: view.page,
    pageSize,
    loading: list.isPending || list.isPlaceholderData || badCursor,
    error: list.error && !badCursor ? list.error.message : undefined,
    onRetry: () => void list.refetch(),
    notice: restartedAt === viewKey ? true : undefined,
    filteringActive: isFiltering(view.filters),
    onClearFilter: () => onViewChange(firstPageOf(view, { filters: {} })),
  };
}
