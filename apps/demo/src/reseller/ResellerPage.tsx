import { canUse, type Opportunity, type Principal } from '@resale-kit/core';
import { OpportunitiesTable } from '@resale-kit/react';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/errorMessage';
import { DetailsDialog } from '../opportunities/DetailsDialog';
import { OpportunityFilters } from '../opportunities/OpportunityFilters';
import { useOpportunityList } from '../opportunities/useOpportunityList';
import { isFiltering, PAGE_SIZE } from '../url/listState';
import { useListState } from '../url/useListState';
import { CreateOfferDialog } from './CreateOfferDialog';

type OpenDialog =
  | { kind: 'offer'; opportunity: Opportunity }
  | { kind: 'details'; id: string }
  | null;

/** The channel partner's view: the opportunities that target it, and "Create offer". */
export function ResellerPage({ now, principal }: { now: Date; principal: Principal }) {
  const { state, update, clearFilters } = useListState();
  const list = useOpportunityList(state);
  const [selected, setSelected] = useState<Opportunity[]>([]);
  const [dialog, setDialog] = useState<OpenDialog>(null);

  const listKey = JSON.stringify(state);
  useEffect(() => {
    void listKey;
    setSelected([]);
  }, [listKey]);

  const page = list.data;
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
          items={page?.items ?? []}
          totalCount={page?.total}
          now={now}
          selectionType="single"
          selectedItems={selected}
          onSelectionChange={({ selectedItems }) => setSelected(selectedItems)}
          sorting={state.sort}
          onSortingChange={(sort) => update({ sort })}
          hasPreviousPage={Boolean(page?.prevCursor)}
          hasNextPage={Boolean(page?.nextCursor)}
          onPreviousPage={() =>
            page?.prevCursor &&
            update(
              state.page <= 2
                ? { cursor: null, page: 1 }
                : { cursor: page.prevCursor, page: state.page - 1 },
            )
          }
          onNextPage={() =>
            page?.nextCursor && update({ cursor: page.nextCursor, page: state.page + 1 })
          }
          currentPage={state.page}
          pageSize={PAGE_SIZE}
          loading={list.isPending}
          error={
            list.error
              ? `The opportunities could not be loaded: ${errorMessage(list.error)}`
              : undefined
          }
          onRetry={() => (list.invalidCursor ? update({ cursor: null, page: 1 }) : list.refetch())}
          filteringActive={isFiltering(state)}
          onClearFilter={clearFilters}
          empty={
            <>
              <strong>No opportunities</strong>
              <p>No ISV has authorized {principal.name} to resell a product yet.</p>
            </>
          }
          filter={
            <OpportunityFilters
              state={state}
              update={update}
              clearFilters={clearFilters}
              showResellerFilter={false}
            />
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
        <CreateOfferDialog
          opportunity={dialog.opportunity}
          onClose={() => {
            setDialog(null);
            setSelected([]);
          }}
        />
      )}
      {dialog?.kind === 'details' && (
        <DetailsDialog id={dialog.id} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
