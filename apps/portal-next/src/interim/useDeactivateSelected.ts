import type { Opportunity } from '@resale-kit/core';
import { useResale } from '@resale-kit/sdk/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorText } from './errorText';

/**
 * Deactivates the table's selection at once and reports a sentence. Interim:
 * `DeactivateConfirmation` + `useDeactivate(items)` replace it (confirmation, per-item results).
 */
export function useDeactivateSelected(onDone: (message: string) => void) {
  const resale = useResale();
  const queryClient = useQueryClient();
  const deactivate = useMutation(
    resale.opportunities.deactivate.mutationOptions({
      onSuccess: (results) => {
        const done = results.filter((r) => r.ok).length;
        const refused = results.length - done;
        onDone(`${done} deactivated${refused > 0 ? `, ${refused} could not be (not Active)` : ''}`);
      },
      onError: (error) => onDone(`Deactivate failed: ${errorText(error)}`),
      onSettled: () => queryClient.invalidateQueries(resale.opportunities.pathFilter()),
    }),
  );
  return (items: Opportunity[]) => deactivate.mutate({ ids: items.map((o) => o.id) });
}
