import type { Opportunity } from '@resale-kit/core';
import { useCreateOffer } from '@resale-kit/sdk/react';
import type { FormEvent } from 'react';
import { errorText } from './errorText';

/**
 * "Create offer" from one Active opportunity, on `useCreateOffer` (one idempotency key per
 * attempt, reused when that attempt is retried). Interim: the kit's `CreateOfferForm` replaces
 * the markup.
 */
export function CreateOfferForm({
  opportunity,
  onDone,
}: {
  opportunity: Opportunity;
  onDone: (message: string | null) => void;
}) {
  const create = useCreateOffer(opportunity, {
    onCreated: ({ offer }) => onDone(`Offer ${offer.id} created from "${opportunity.name}"`),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const buyerAccountId = String(new FormData(event.currentTarget).get('buyerAccountId') ?? '');
    create.onSubmit({ buyerAccountId });
  };

  return (
    <form className="portal-panel portal-form" aria-label="Create offer" onSubmit={submit}>
      <h2>Create offer from “{opportunity.name}”</h2>
      <label>
        Buyer AWS account id
        <input name="buyerAccountId" inputMode="numeric" pattern="\d{12}" required />
      </label>
      {(create.error || create.issues.length > 0) && <p role="alert">{errorText(create)}</p>}
      <div className="portal-actions">
        <button type="button" className="rk-button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="rk-button rk-button--primary" disabled={create.submitting}>
          Create offer
        </button>
      </div>
    </form>
  );
}
