'use client';

import type { Opportunity } from '@resale-kit/core';
import { OpportunitiesTable, SummaryCards } from '@resale-kit/react';
import { useResale } from '@resale-kit/sdk/react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNow } from '@/client/useNow';
import { CreateOpportunityForm } from '@/interim/CreateOpportunityForm';
import { useDeactivateSelected } from '@/interim/useDeactivateSelected';
import { useListPage } from '@/interim/useListPage';
import { FIRST_PAGE, type ServerClock } from '@/shared/firstView';

/** The Partners page in the browser: the summary cards and the table, then what they start. */
export function PartnersView({ clock, userName }: { clock: ServerClock; userName: string }) {
  const resale = useResale();
  const now = useNow(clock);
  const summary = useQuery(resale.opportunities.summary.queryOptions());
  const { tableProps } = useListPage(FIRST_PAGE);
  const [selected, setSelected] = useState<Opportunity[]>([]);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const deactivate = useDeactivateSelected((text) => {
    setSelected([]);
    setMessage(text);
  });

  return (
    <>
      <h1>Partners</h1>
      <p className="portal-muted">Resale authorizations {userName} manages for channel partners.</p>
      <p role="status" className="portal-status">
        {message}
      </p>
      <SummaryCards summary={summary.data} loading={summary.isPending} />
      {creating && (
        <CreateOpportunityForm
          now={now}
          onDone={(text) => {
            setCreating(false);
            setMessage(text);
          }}
        />
      )}
      <OpportunitiesTable
        {...tableProps}
        now={now}
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ selectedItems }) => setSelected(selectedItems)}
        onCreate={() => setCreating(true)}
        onDeactivate={deactivate}
      />
    </>
  );
}
