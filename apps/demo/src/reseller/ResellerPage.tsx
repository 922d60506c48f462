import { canUse, type Opportunity, type Principal, STATUS_LABELS } from '@resale-kit/core';
import {
  CreateOfferForm,
  Dialog,
  OpportunitiesTable,
  OpportunityFilters,
  visibleColumnsForFilter,
} from '@resale-kit/react';
import {
  useCreateOffer,
  useOpportunitiesTable,
  useOpportunityFilters,
} from '@resale-kit/sdk/react';
import { useState } from 'react';
import { DetailsDialog } from '../opportunities/DetailsDialog';
import { useTableView } from '../opportunities/useTableView';
import { useNotify } from '../ui/notifications';

type OpenDialog =
  | { kind: 'offer'; opportunity: Opportunity }
  | { kind: 'details'; id: string }
  | null;

/** "Create offer" in a dialog: one idempotency key per attempt, kept across its retries. */
function OfferDialog({ opportunity, onClose }: { opportunity: Opportunity; onClose: () => void }) {
  const notify = useNotify();
  const offer = useCreateOffer(opportunity, {
    onCreated: ({ opportunity: o }) =>
      notify(
        'success',
        `Offer created from "${o.name}": times used ${o.timesUsed}, status ${STATUS_LABELS[o.status]}.`,
      ),
  });
  return (
    <Dialog open header="Create offer" onDismiss={onClose}>
      <CreateOfferForm {...offer} onClose={onClose} />
    </Dialog>
  );
}

/** The channel partner's view: the opportunities that target it, and "Create offer". */
export function ResellerPage({ now, principal }: { now: Date; principal: Principal }) {
  const [view, setView] = useTableView();
  const table = useOpportunitiesTable(view, setView);
  const filters = useOpportunityFilters(view, setView, { resellers: false });
  const [dialog, setDialog] = useState<OpenDialog>(null);
  return (
    <>
      <div className="demo-page-header">
        <h1>Partners</h1>
        <p className="demo-muted">
          Opportunities that authorize {principal.name} to resell a product: create a Channel
          Partner Private Offer from an Active one.
        </p>
      </div>
      <div className="demo-panel">
        <OpportunitiesTable
          className="demo-table"
          {...table}
          visibleColumns={visibleColumnsForFilter(view.filters)}
          now={now}
          selectionType="single"
          messages={{ emptyDescription: `No ISV has authorized ${principal.name} yet.` }}
          filter={<OpportunityFilters {...filters} />}
          onViewDetails={(item) => setDialog({ kind: 'details', id: item.id })}
          actions={(items) => {
            const one = items.length === 1 ? items[0] : undefined;
            const usable = one ? canUse(one, principal, now).ok : false;
            return (
              <button
                type="button"
                className="rk-button rk-button--primary"
                disabled={!usable}
                title={one && !usable ? 'Only Active opportunities can be used' : undefined}
                onClick={() => one && setDialog({ kind: 'offer', opportunity: one })}
              >
                Create offer
              </button>
            );
          }}
        />
      </div>
      {dialog?.kind === 'offer' && (
        <OfferDialog opportunity={dialog.opportunity} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'details' && (
        <DetailsDialog id={dialog.id} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
