import { isResaleError } from '@resale-kit/sdk';
import { useResale } from '@resale-kit/sdk/react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListState } from '../url/listState';
import { toListInput } from '../url/listState';

/** The current page of opportunities for the list state in the URL (previous page kept while loading). */
export function useOpportunityList(state: ListState) {
  const resale = useResale();
  const query = useQuery({
    ...resale.opportunities.list.queryOptions(toListInput(state)),
    placeholderData: keepPreviousData,
  });
  /** A cursor from an older page may stop being valid: the way out is the first page. */
  const invalidCursor = isResaleError(query.error, 'INVALID_CURSOR');
  return { ...query, invalidCursor };
}
