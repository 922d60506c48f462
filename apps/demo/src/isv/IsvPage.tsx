import type { Opportunity } from '@resale-kit/core';
import { OpportunitiesTable, SummaryCards } from '@resale-kit/react';
import { useOpportunitiesTable, useSummaryCards } from '@resale-kit/sdk/react';
import { useState } from 'react';
import { DetailsDialog } from '../opportunities/DetailsDialog';
import { OpportunityFilters } from '../opportunities/OpportunityFilters';
import { useTableView } from '../opportunities/useTableView';
import { DeactivateDialog } from './DeactivateDialog';
import { OpportunityForm } from './OpportunityForm';

type OpenDialog =
  | { kind: 'deactivate'; items: Opportunity[] }
  | { kind: 'create' }
  | { kind: 'clone'; source: Opportunity }
  | { kind: 'details'; id: string }
  | null;

/** The ISV's Partners page: summary cards and the opportunities table with its actions. */
export function IsvPage({ now }: { now: Date }) {
  const [view, setView] = useTableView();
  const table = useOpportunitiesTable(view, setView);
  const cards = useSummaryCards(view, setView);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const closeDialog = () => setDialog(null);

  return (
    <>
      <div className="demo-page-header">
        <h1>Partners</h1>
        <p className="demo-muted">
          Resale authorizations (opportunities) you give your channel partners: who may resell which
          product, at what discount, for how long.
        </p>
      </div>
      <div className="demo-panel">
        <SummaryCards {...cards} showStatusCards />
      </div>
      <div className="demo-panel">
        <OpportunitiesTable
          className="demo-table"
          {...table}
          // Until the table's busy state lands (rows kept, dimmed): loading only without rows.
          loading={table.loading && table.items.length === 0}
          now={now}
          selectionType="multi"
          filter={<OpportunityFilters view={view} onViewChange={setView} showResellerFilter />}
          onDeactivate={(items) => setDialog({ kind: 'deactivate', items })}
          onClone={(source) => setDialog({ kind: 'clone', source })}
          onViewDetails={(item) => setDialog({ kind: 'details', id: item.id })}
          onCreate={() => setDialog({ kind: 'create' })}
        />
      </div>
      {dialog?.kind === 'deactivate' && (
        <DeactivateDialog items={dialog.items} now={now} onClose={closeDialog} />
      )}
      {dialog?.kind === 'create' && <OpportunityForm now={now} onClose={closeDialog} />}
      {dialog?.kind === 'clone' && (
        <OpportunityForm source={dialog.source} now={now} onClose={closeDialog} />
      )}
      {dialog?.kind === 'details' && <DetailsDialog id={dialog.id} onClose={closeDialog} />}
    </>
  );
}
