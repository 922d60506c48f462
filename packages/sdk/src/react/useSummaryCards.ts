import {
  type ListFilters,
  type ListView,
  type Summary,
  type SummaryCardId,
  summaryCardOf,
} from '@resale-kit/core';
import { useQuery } from '@tanstack/react-query';
import { useResale } from './provider.js';

/** The props of `@resale-kit/react`'s `SummaryCards` this hook provides. */
export interface SummaryCardsBindings {
  summary: Summary | undefined;
  loading: boolean;
  /** With a view: the card whose filters are the view's, marked pressed. */
  selectedCard?: SummaryCardId | null;
  /** With a view: a card click shows its filters from the first page, keeping the sort. */
  onSelect?: (filters: ListFilters, card: SummaryCardId) => void;
}

/**
 * The summary cards, connected (ISV only: the counts of its opportunities). Given the table's
 * view and its setter, the cards also filter the table; without them they only show counts.
 */
export function useSummaryCards(
  view?: ListView,
  onViewChange?: (view: ListView) => void,
): SummaryCardsBindings {
  const resale = useResale();
  const summary = useQuery(resale.opportunities.summary.queryOptions());
  const bindings: SummaryCardsBindings = {
    summary: summary.data,
    loading: summary.isPending,
  };
  if (view && onViewChange) {
    bindings.selectedCard = summaryCardOf(view.filters);
    bindings.onSelect = (filters) =>
      onViewChange({ filters, sort: view.sort, cursor: null, page: 1 });
  }
  return bindings;
}
