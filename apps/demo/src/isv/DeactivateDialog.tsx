import { canDeactivate, type Opportunity, STATUS_LABELS } from '@resale-kit/core';
import { StatusBadge } from '@resale-kit/react';
import { useDeactivate } from '@resale-kit/sdk/react';
import { ActionFooter } from '../ui/ActionFooter';
import { Dialog } from '../ui/Dialog';
import { useNotify } from '../ui/notifications';

const REASONS: Record<string, string> = {
  RESTRICTED: 'already Restricted',
  EXPIRED: 'Expired: only Active opportunities can be deactivated',
  COMPLETE: 'Complete: only Active opportunities can be deactivated',
  NOT_FOUND: 'not found',
};

export interface DeactivateDialogProps {
  items: Opportunity[];
  now: Date;
  onClose: () => void;
}

/** Confirms the deactivation of one or several opportunities, then shows the result of each. */
export function DeactivateDialog({ items, now, onClose }: DeactivateDialogProps) {
  const notify = useNotify();
  const deactivate = useDeactivate(items, {
    onDeactivated: (results) => {
      const done = results.filter((r) => r.ok).length;
      notify(
        done === results.length ? 'success' : 'info',
        `${done} of ${results.length} ${results.length === 1 ? 'opportunity' : 'opportunities'} deactivated.`,
      );
    },
  });
  const activeCount = items.filter((o) => canDeactivate(o, now).ok).length;
  const { results } = deactivate;
  const resultOf = (id: string) => results?.find((r) => r.id === id);
  const title =
    items.length === 1 ? 'Deactivate opportunity' : `Deactivate ${items.length} opportunities`;

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <ActionFooter done={Boolean(results)} onClose={onClose}>
          <button
            type="button"
            className="rk-button rk-button--primary"
            disabled={deactivate.submitting || activeCount === 0}
            onClick={() => deactivate.onConfirm()}
          >
            {deactivate.submitting ? 'Deactivating…' : 'Deactivate'}
          </button>
        </ActionFooter>
      }
    >
      {!results && (
        <p>
          Deactivated opportunities become <strong>Restricted</strong>: the reseller can no longer
          create offers from them. This cannot be undone (clone an opportunity to authorize the
          reseller again).
          {activeCount < items.length &&
            ` Only Active opportunities change: ${items.length - activeCount} of the selected will be left as they are.`}
        </p>
      )}
      {results && (
        <p role="status">
          {results.filter((r) => r.ok).length} of {results.length} deactivated.
        </p>
      )}
      <ul className="demo-result-list" aria-label="Opportunities to deactivate">
        {items.map((o) => {
          const result = resultOf(o.id);
          return (
            <li key={o.id}>
              <span className="demo-result-name">{o.name}</span>
              <span className="demo-muted demo-mono"> {o.id}</span>{' '}
              {!result && <StatusBadge status={o.status} />}
              {result?.ok && (
                <span className="demo-result demo-result--ok">
                  Deactivated: <StatusBadge status={result.opportunity.status} />
                </span>
              )}
              {result && !result.ok && (
                <span className="demo-result demo-result--skipped">
                  Not changed: {REASONS[result.reason] ?? result.reason}
                </span>
              )}
              {!result && !canDeactivate(o, now).ok && (
                <span className="demo-muted"> (will stay {STATUS_LABELS[o.status]})</span>
              )}
            </li>
          );
        })}
      </ul>
      {deactivate.error && (
        <p className="demo-inline-error" role="alert">
          Nothing was deactivated: {deactivate.error}
        </p>
      )}
    </Dialog>
  );
}
