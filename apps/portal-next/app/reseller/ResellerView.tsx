'use client';

import { canUse, FIRST_PAGE_VIEW, type Opportunity, type Principal } from '@resale-kit/core';
import { CreateOfferForm, Dialog, OpportunitiesTable } from '@resale-kit/react';
import { useCreateOffer, useOpportunitiesTable } from '@resale-kit/sdk/react';
import { useState } from 'react';
import { useNow } from '@/client/useNow';
import { PAGE_SIZE, type ServerClock } from '@/shared/firstView';

/** "Create offer" in a dialog: one idempotency key per attempt, kept across its retries. */
function OfferDialog(props: {
  opportunity: Opportunity;
  onDone: (message: string | null) => void;
}) {
  const { opportunity, onDone } = props;
  const offer = useCreateOffer(opportunity, {
    onCreated: (result) => onDone(`Offer ${result.offer.id} created from "${opportunity.name}"`),
  });
  return (
    <Dialog open header="Create offer" onDismiss={() => onDone(null)}>
      <CreateOfferForm {...offer} onClose={() => onDone(null)} />
    </Dialog>
  );
}

/** The reseller's page in the browser: the table and "Create offer". */
export function ResellerView({ clock, principal }: { clock: ServerClock; principal: Principal }) {
  const now = useNow(clock);
  const [view, setView] = useState(FIRST_PAGE_VIEW);
  const table = useOpportunitiesTable(view, setView, { pageSize: PAGE_SIZE });
  const [offering, setOffering] = useState<Opportunity | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <>
      <h1>Opportunities</h1>
      <p className="portal-muted">
        What ISVs authorize {principal.name} to resell: create a private offer from an Active one.
      </p>
      <p role="status" className="portal-status">
        {message}
      </p>
      {offering && (
        <OfferDialog
          key={offering.id}
          opportunity={offering}
          onDone={(text) => {
            setOffering(null);
            setMessage(text);
          }}
        />
      )}
      <OpportunitiesTable
        {...table}
        now={now}
        selectionType="single"
        actions={(items) => {
          const one = items.length === 1 ? items[0] : undefined;
          return (
            <button
              type="button"
              className="rk-button rk-button--primary"
              disabled={!one || !canUse(one, principal, now).ok}
              onClick={() => one && setOffering(one)}
            >
              Create offer
            </button>
          );
        }}
      />
    </>
  );
}
