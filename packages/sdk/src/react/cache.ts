import type { Opportunity } from '@resale-kit/core';
import type { QueryClient } from '@tanstack/react-query';
import type { ResaleOutputs } from '../types.js';
import type { useResale } from './provider.js';

type Resale = ReturnType<typeof useResale>;
type ListPage = ResaleOutputs['opportunities']['list'];
type Details = ResaleOutputs['opportunities']['get'];

/**
 * What a mutation changes in the cache, and nothing more. The cache belongs to one caller (one
 * organization): these touch the opportunity queries only, never `me`, products or resellers.
 */
export function cacheEffects(resale: Resale, queryClient: QueryClient) {
  const lists = resale.opportunities.list.pathFilter();
  return {
    /**
     * Writes fresh copies of opportunities (from a mutation's answer) into every cached page and
     * details that hold them, so what is on screen changes at once, without a request.
     */
    patch(fresh: readonly Opportunity[]) {
      const byId = new Map(fresh.map((o) => [o.id, o]));
      queryClient.setQueriesData<ListPage>(lists, (page) =>
        page?.items.some((o) => byId.has(o.id))
          ? { ...page, items: page.items.map((o) => byId.get(o.id) ?? o) }
          : page,
      );
      for (const o of fresh) {
        queryClient.setQueryData<Details>(resale.opportunities.get.queryKey({ id: o.id }), (d) =>
          d ? { ...d, opportunity: o } : d,
        );
      }
    },
    /**
     * Rows were added, or changed status: which rows each filtered page holds and the counts
     * may differ. Only the list pages and the summary are marked stale (TanStack refetches the
     * ones on screen; the others on their next use).
     */
    invalidateListAndSummary() {
      return Promise.all([
        queryClient.invalidateQueries(lists),
        queryClient.invalidateQueries(resale.opportunities.summary.pathFilter()),
      ]);
    },
    /** Its history or offers grew: the details of these opportunities, if cached. */
    invalidateDetails(ids: readonly string[]) {
      return Promise.all(
        ids.map((id) =>
          queryClient.invalidateQueries(resale.opportunities.get.queryFilter({ id })),
        ),
      );
    },
  };
}
