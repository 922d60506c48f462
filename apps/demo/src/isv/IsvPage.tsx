import { type Opportunity, summaryCardOf } from '@resale-kit/core';
import { OpportunitiesTable, SummaryCards } from '@resale-kit/react';
import { useResale } from '@resale-kit/sdk/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { DetailsDialog } from '../opportunities/DetailsDialog';
import { OpportunityFilters } from '../opportunities/OpportunityFilters';
import { useOpportunityTable } from '../opportunities/useOpportunityTable';
import { toListInput } from '../url/listState';
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
  const resale = useResale();
  const { state, update, clearFilters, setSelected, tableProps } = useOpportunityTable();
  const summary = useQuery(resale.opportunities.summary.queryOptions());
  const [dialog, setDialog] = useState<OpenDialog>(null);

  const closeDialog = () => {
    setDialog(null);
    setSelected([]);
  };

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
        {summary.error ? (
          <div className="demo-inline-error" role="alert">
            <p>The summary could not be loaded: {errorMessage(summary.error)}</p>
            <button type="button" className="rk-button" onClick={() => summary.refetch()}>
              Retry
            </button>
          </div>
        ) : (
          <SummaryCards
            summary={summary.data}
            loading={summary.isPending}
            showStatusCards
            selectedCard={summaryCardOf(toListInput(state))}
            onSelect={(filter) =>
              update({
                status: filter.status ?? [],
                expiringWithinDays: filter.expiringWithinDays ?? null,
                productId: null,
                resellerId: null,
                q: '',
              })
            }
          />
        )}
      </div>
      <div className="demo-panel">
        <OpportunitiesTable
          className="demo-table"
          {...tableProps}
          now={now}
          selectionType="multi"
          filter={
            <OpportunityFilters
              state={state}
              update={update}
              clearFilters={clearFilters}
              showResellerFilter
            />
          }
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
