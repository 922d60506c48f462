import type { Opportunity } from '@resale-kit/core';
import { useResale } from '@resale-kit/sdk/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorText } from './errorText';

/**
 * "Create offer" from one Active opportunity. One idempotency key per form, reused when the
 * same attempt is retried, so a retry never counts twice. Interim: `CreateOfferForm` +
 * `useCreateOffer(opportunity)` replace it.
 */
export function CreateOfferForm({
  opportunity,
  onDone,
}: {
  opportunity: Opportunity;
  onDone: (message: string | null) => void;
}) {
  const resale = useResale();
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useMutation(
    resale.offers.create.mutationOptions({
      onSuccess: ({ offer }) => {
        void queryClient.invalidateQueries(resale.opportunities.pathFilter());
        onDone(`Offer ${offer.id} created from "${opportunity.name}"`);
      },
    }),
  );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const buyerAccountId = String(new FormData(event.currentTarget).get('buyerAccountId') ?? '');
    create.mutate({ opportunityId: opportunity.id, buyerAccountId, idempotencyKey });
  };

  return (
    <form className="portal-panel portal-form" aria-label="Create offer" onSubmit={submit}>
      <h2>Create offer from “{opportunity.name}”</h2>
      <label>
        Buyer AWS account id
        <input name="buyerAccountId" inputMode="numeric" pattern="\d{12}" required />
      </label>
      {create.isError && <p role="alert">{errorText(create.error)}</p>}
      <div className="portal-actions">
        <button type="button" className="rk-button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="rk-button rk-button--primary" disabled={create.isPending}>
          Create offer
        </button>
      </div>
    </form>
  );
}
