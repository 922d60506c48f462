'use client';

import { FIRST_PAGE_VIEW } from '@resale-kit/core';
import { OpportunitiesTable, SummaryCards } from '@resale-kit/react';
import { useDeactivate, useOpportunitiesTable, useSummaryCards } from '@resale-kit/sdk/react';
import { useState } from 'react';
import { useNow } from '@/client/useNow';
import { CreateOpportunityForm } from '@/interim/CreateOpportunityForm';
import { PAGE_SIZE, type ServerClock } from '@/shared/firstView';

/** The Partners page in the browser: the summary cards and the table, then what they start. */
export function PartnersView({ clock, userName }: { clock: ServerClock; userName: string }) {
  const now = useNow(clock);
  // Starts at the view the server rendered: the hooks find its data in the hydrated cache.
  const [view, setView] = useState(FIRST_PAGE_VIEW);
  const table = useOpportunitiesTable(view, setView, { pageSize: PAGE_SIZE });
  const cards = useSummaryCards(view, setView);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const deactivate = useDeactivate(table.selectedItems, {
    onDeactivated: (results) => {
      const done = results.filter((r) => r.ok).length;
      const refused = results.length - done;
      setMessage(
        `${done} deactivated${refused > 0 ? `, ${refused} could not be (not Active)` : ''}`,
      );
    },
  });

  return (
    <>
      <h1>Partners</h1>
      <p className="portal-muted">Resale authorizations {userName} manages for channel partners.</p>
      <p role="status" className="portal-status">
        {message ?? (deactivate.error && `Deactivate failed: ${deactivate.error}`)}
      </p>
      <SummaryCards {...cards} />
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
        {...table}
        now={now}
        selectionType="multi"
        onCreate={() => setCreating(true)}
        onDeactivate={() => deactivate.onConfirm()}
      />
    </>
  );
}
