import type { ListOpportunitiesInput } from '@resale-kit/core';
import type { OpportunitiesTableProps, SortingState } from '@resale-kit/react';
import { useResale } from '@resale-kit/sdk/react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

type ListInput = ListOpportunitiesInput & { sort: SortingState; limit: number };

/**
 * Sort and cursor paging for `OpportunitiesTable`, starting from the input the server rendered
 * (so the first render reads the hydrated cache). Interim: `useOpportunitiesTable` replaces it.
 */
export function useListPage(first: ListInput) {
  const resale = useResale();
  const [sort, setSort] = useState<SortingState>(first.sort);
  const [page, setPage] = useState<{ cursor?: string; number: number }>({ number: 1 });
  const input: ListInput = page.cursor
    ? { ...first, sort, cursor: page.cursor }
    : { ...first, sort };
  const list = useQuery({
    ...resale.opportunities.list.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  const tableProps = {
    items: data?.items ?? [],
    totalCount: data?.total,
    loading: list.isPending,
    error: list.isError ? list.error.message : undefined,
    onRetry: () => void list.refetch(),
    sorting: sort,
    onSortingChange: (next) => {
      setSort(next);
      setPage({ number: 1 });
    },
    currentPage: page.number,
    pageSize: first.limit,
    hasNextPage: Boolean(data?.nextCursor) && !list.isPlaceholderData,
    hasPreviousPage: page.number > 1 && !list.isPlaceholderData,
    onNextPage: () =>
      data?.nextCursor && setPage({ cursor: data.nextCursor, number: page.number + 1 }),
    onPreviousPage: () =>
      setPage(
        page.number <= 2 || !data?.prevCursor
          ? { number: 1 }
          : { cursor: data.prevCursor, number: page.number - 1 },
      ),
  } satisfies Partial<OpportunitiesTableProps>;
  return { tableProps };
}
