import type { Opportunity } from '@resale-kit/core';
import {
  OpportunitiesTable,
  OpportunityFilters,
  SummaryCards,
  visibleColumnsForFilter,
} from '@resale-kit/react';
import {
  useOpportunitiesTable,
  useOpportunityFilters,
  useSummaryCards,
} from '@resale-kit/sdk/react';
import { useState } from 'react';
import { DetailsDialog } from '../opportunities/DetailsDialog';
import { useTableView } from '../opportunities/useTableView';
import { DeactivateDialog, FormDialog } from './IsvDialogs';

type OpenDialog =
  | { kind: 'deactivate'; items: Opportunity[] }
  | { kind: 'form'; source?: Opportunity }
  | { kind: 'details'; id: string }
  | null;

/** The ISV's Partners page: summary cards and the opportunities table with its actions. */
export function IsvPage({ now }: { now: Date }) {
  const [view, setView] = useTableView();
  const table = useOpportunitiesTable(view, setView);
  const cards = useSummaryCards(view, setView);
  const filters = useOpportunityFilters(view, setView);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);

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
          // "Expires" joins the columns when the list is narrowed to what expires soon.
          visibleColumns={visibleColumnsForFilter(view.filters)}
          now={now}
          selectionType="multi"
          filter={<OpportunityFilters {...filters} />}
          onDeactivate={(items) => setDialog({ kind: 'deactivate', items })}
          onClone={(source) => setDialog({ kind: 'form', source })}
          onViewDetails={(item) => setDialog({ kind: 'details', id: item.id })}
          onCreate={() => setDialog({ kind: 'form' })}
        />
      </div>
      {dialog?.kind === 'deactivate' && (
        <DeactivateDialog items={dialog.items} now={now} onClose={close} />
      )}
      {dialog?.kind === 'form' && <FormDialog source={dialog.source} now={now} onClose={close} />}
      {dialog?.kind === 'details' && <DetailsDialog id={dialog.id} onClose={close} />}
    </>
  );
}
