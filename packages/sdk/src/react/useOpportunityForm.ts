import type {
  CloneOpportunityInput,
  CreateOpportunityInput,
  FieldIssue,
  Opportunity,
  Product,
  Reseller,
} from '@resale-kit/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cacheEffects } from './cache.js';
import { hookError } from './errors.js';
import { useResale } from './provider.js';

/** What `OpportunityForm` asks to send: a create, or a clone of its source. */
export type OpportunityFormSubmit =
  | { kind: 'create'; input: CreateOpportunityInput }
  | { kind: 'clone'; input: CloneOpportunityInput };

export interface UseOpportunityFormOptions {
  /** Clone this opportunity; create when absent. */
  source?: Opportunity;
  /** Called with what was created (one per product x reseller pair; one for a clone). */
  onSaved?: (created: Opportunity[]) => void;
}

/** The props of `@resale-kit/react`'s `OpportunityForm` this hook provides. */
export interface OpportunityFormBindings {
  source: Opportunity | undefined;
  /** The choices for a create (empty for a clone, which keeps its source's). */
  products: readonly Product[];
  resellers: readonly Reseller[];
  /** The choices are loading. */
  itemsLoading: boolean;
  /** The choices could not be loaded. */
  itemsError: string | undefined;
  submitting: boolean;
  /** The server's issues per field, for the form to show beside its own. */
  issues: FieldIssue[];
  /** A failure that names no field (network, permission). */
  error: string | undefined;
  onSubmit: (detail: OpportunityFormSubmit) => void;
}

/**
 * Create or clone, connected: products and resellers loaded for a create, the answer handed to
 * `onSaved`, server field errors returned as issues per field. A save refreshes only the list
 * pages and the summary (rows were added), never the catalog or `me`.
 */
export function useOpportunityForm(
  options: UseOpportunityFormOptions = {},
): OpportunityFormBindings {
  const { source, onSaved } = options;
  const resale = useResale();
  const cache = cacheEffects(resale, useQueryClient());
  const creating = source === undefined;
  const products = useQuery({ ...resale.products.list.queryOptions(), enabled: creating });
  const resellers = useQuery({ ...resale.resellers.list.queryOptions(), enabled: creating });
  const saved = (created: Opportunity[]) => {
    onSaved?.(created);
    return cache.invalidateListAndSummary();
  };
  const create = useMutation(resale.opportunities.create.mutationOptions({ onSuccess: saved }));
  const clone = useMutation(
    resale.opportunities.clone.mutationOptions({ onSuccess: (o) => saved([o]) }),
  );
  const mutation = creating ? create : clone;
  const failure = hookError(mutation.error);

  return {
    source,
    products: products.data ?? [],
    resellers: resellers.data ?? [],
    itemsLoading: creating && (products.isPending || resellers.isPending),
    itemsError: (products.error ?? resellers.error)?.message,
    submitting: mutation.isPending,
    issues: failure.issues,
    error: failure.message,
    onSubmit: (detail) => {
      if (mutation.isPending) return;
      if (detail.kind === 'clone') clone.mutate(detail.input);
      else create.mutate(detail.input);
    },
  };
}
