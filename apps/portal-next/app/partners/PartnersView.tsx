'use client';

import { FIRST_PAGE_VIEW, type Opportunity } from '@resale-kit/core';
import {
  DeactivateConfirmation,
  Dialog,
  OpportunitiesTable,
  OpportunityForm,
  SummaryCards,
} from '@resale-kit/react';
import {
  useDeactivate,
  useOpportunitiesTable,
  useOpportunityForm,
  useSummaryCards,
} from '@resale-kit/sdk/react';
import { useState } from 'react';
import { useNow } from '@/client/useNow';
import { PAGE_SIZE, type ServerClock } from '@/shared/firstView';

type Say = (message: string) => void;

function CreateDialog({ now, onClose, say }: { now: Date; onClose: () => void; say: Say }) {
  const form = useOpportunityForm({
    onSaved: (created) => {
      say(`${created.length} opportunity created: ${created[0]?.name ?? ''}`);
      onClose();
    },
  });
  return (
    <Dialog open size="large" header="Create opportunity" onDismiss={onClose}>
      <OpportunityForm {...form} now={now} onCancel={onClose} />
    </Dialog>
  );
}

function DeactivateDialog(props: {
  items: Opportunity[];
  now: Date;
  onClose: () => void;
  say: Say;
}) {
  const deactivate = useDeactivate(props.items, {
    onDeactivated: (results) => {
      const done = results.filter((r) => r.ok).length;
      const refused = results.length - done;
      props.say(
        `${done} deactivated${refused > 0 ? `, ${refused} could not be (not Active)` : ''}`,
      );
    },
  });
  return (
    <Dialog open header="Deactivate opportunities" onDismiss={props.onClose}>
      <DeactivateConfirmation {...deactivate} now={props.now} onClose={props.onClose} />
    </Dialog>
  );
}

/** The Partners page in the browser: the summary cards and the table, then what they start. */
export function PartnersView({ clock, userName }: { clock: ServerClock; userName: string }) {
  const now = useNow(clock);
  // Starts at the view the server rendered: the hooks find its data in the hydrated cache.
  const [view, setView] = useState(FIRST_PAGE_VIEW);
  const table = useOpportunitiesTable(view, setView, { pageSize: PAGE_SIZE });
  const cards = useSummaryCards(view, setView);
  const [dialog, setDialog] = useState<{ deactivate: Opportunity[] } | 'create' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const close = () => setDialog(null);

  return (
    <>
      <h1>Partners</h1>
      <p className="portal-muted">Resale authorizations {userName} manages for channel partners.</p>
      <p role="status" className="portal-status">
        {message}
      </p>
      <SummaryCards {...cards} />
      <OpportunitiesTable
        {...table}
        now={now}
        selectionType="multi"
        onCreate={() => setDialog('create')}
        onDeactivate={(items) => setDialog({ deactivate: items })}
      />
      {dialog === 'create' && <CreateDialog now={now} onClose={close} say={setMessage} />}
      {dialog && dialog !== 'create' && (
        <DeactivateDialog items={dialog.deactivate} now={now} onClose={close} say={setMessage} />
      )}
    </>
  );
}
