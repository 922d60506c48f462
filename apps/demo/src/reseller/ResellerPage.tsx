import { canUse, type Opportunity, type Principal } from '@resale-kit/core';
import { OpportunitiesTable } from '@resale-kit/react';
import { useOpportunitiesTable } from '@resale-kit/sdk/react';
import { useState } from 'react';
import { DetailsDialog } from '../opportunities/DetailsDialog';
import { OpportunityFilters } from '../opportunities/OpportunityFilters';
import { useTableView } from '../opportunities/useTableView';
import { CreateOfferDialog } from './CreateOfferDialog';

type OpenDialog =
  | { kind: 'offer'; opportunity: Opportunity }
  | { kind: 'details'; id: string }
  | null;

/** The channel partner's view: the opportunities that target it, and "Create offer". */
export function ResellerPage({ now, principal }: { now: Date; principal: Principal }) {
  const [view, setView] = useTableView();
  const table = useOpportunitiesTable(view, setView);
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
          // Until the table's busy state lands (rows kept, dimmed): loading only without rows.
          loading={table.loading && table.items.length === 0}
          now={now}
          selectionType="single"
          empty={
            <>
              <strong>No opportunities</strong>
              <p>No ISV has authorized {principal.name} to resell a product yet.</p>
            </>
          }
          filter={
            <OpportunityFilters view={view} onViewChange={setView} showResellerFilter={false} />
          }
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
        <CreateOfferDialog opportunity={dialog.opportunity} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'details' && (
        <DetailsDialog id={dialog.id} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
