import type { Opportunity } from '@resale-kit/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResaleOutputs } from '../types.js';
import { cacheEffects } from './cache.js';
import { useResale } from './provider.js';

/** One result per id: `{ ok: true, opportunity }` or `{ ok: false, reason }`. */
export type DeactivateResults = ResaleOutputs['opportunities']['deactivate'];

export interface UseDeactivateOptions {
  /** Called with the per-item results once the server answered. */
  onDeactivated?: (results: DeactivateResults) => void;
}

/** The props of `@resale-kit/react`'s `DeactivateConfirmation` this hook provides. */
export interface DeactivateBindings {
  items: readonly Opportunity[];
  /** The per-item results, once confirmed and answered. */
  results: DeactivateResults | undefined;
  submitting: boolean;
  /** Nothing was deactivated (the request failed as a whole). */
  error: string | undefined;
  /**
   * Sends every one of `items`, whatever ids the component proposes: the server judges each (a
   * row may have changed since it was loaded), so each gets its own result.
   */
  onConfirm: () => void;
}

/**
 * Deactivates `items`, connected. The answer's fresh copies replace the rows on screen at once;
 * then the list pages and the summary (whose counts and filtered rows changed) are refreshed,
 * and nothing else.
 */
export function useDeactivate(
  items: readonly Opportunity[],
  options: UseDeactivateOptions = {},
): DeactivateBindings {
  const resale = useResale();
  const cache = cacheEffects(resale, useQueryClient());
  const deactivate = useMutation(
    resale.opportunities.deactivate.mutationOptions({
      onSuccess: (results) => {
        cache.patch(results.flatMap((r) => (r.ok ? [r.opportunity] : [])));
        options.onDeactivated?.(results);
        const changed = results.filter((r) => r.ok).map((r) => r.id);
        // Unchanged ids (already restricted, another tenant's) change nothing cached.
        if (changed.length > 0) {
          return Promise.all([cache.invalidateListAndSummary(), cache.invalidateDetails(changed)]);
        }
      },
    }),
  );
  return {
    items,
    results: deactivate.data,
    submitting: deactivate.isPending,
    error: deactivate.error?.message,
    onConfirm: () => {
      if (!deactivate.isPending) deactivate.mutate({ ids: items.map((o) => o.id) });
    },
  };
}
