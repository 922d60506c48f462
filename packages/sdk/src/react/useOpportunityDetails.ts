import { useQuery } from '@tanstack/react-query';
import type { ResaleOutputs } from '../types.js';
import { useResale } from './provider.js';

/** One opportunity with the offers created from it and its history. */
export type OpportunityDetailsData = ResaleOutputs['opportunities']['get'];

/** The props of `@resale-kit/react`'s `OpportunityDetails` this hook provides. */
export interface OpportunityDetailsBindings {
  details: OpportunityDetailsData | undefined;
  loading: boolean;
  error: string | undefined;
  onRetry: () => void;
}

/** The details of one opportunity, connected; nothing is fetched while `id` is null. */
export function useOpportunityDetails(id: string | null): OpportunityDetailsBindings {
  const resale = useResale();
  const details = useQuery({
    ...resale.opportunities.get.queryOptions({ id: id ?? '' }),
    enabled: id !== null,
  });
  return {
    details: details.data,
    loading: id !== null && details.isPending,
    error: details.error?.message,
    onRetry: () => void details.refetch(),
  };
}
