import type { Opportunity } from '@resale-kit/core';
import { DeactivateConfirmation, Dialog, OpportunityForm } from '@resale-kit/react';
import { useDeactivate, useOpportunityForm } from '@resale-kit/sdk/react';
import { useNotify } from '../ui/notifications';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Create, or clone `source`, in a dialog; says what was created. */
export function FormDialog(props: { source?: Opportunity; now: Date; onClose: () => void }) {
  const { source, onClose } = props;
  const notify = useNotify();
  const form = useOpportunityForm({
    source,
    onSaved: (created) => {
      notify(
        'success',
        source
          ? `Opportunity "${created[0]?.name}" cloned: ${created[0]?.id}.`
          : `${plural(created.length, 'opportunity', 'opportunities')} created.`,
      );
      onClose();
    },
  });
  return (
    <Dialog
      open
      size="large"
      header={source ? 'Clone opportunity' : 'Create opportunity'}
      onDismiss={onClose}
    >
      <OpportunityForm {...form} now={props.now} onCancel={onClose} />
    </Dialog>
  );
}

/** Confirms a deactivation, then shows each item's result. */
export function DeactivateDialog(props: { items: Opportunity[]; now: Date; onClose: () => void }) {
  const { items, onClose } = props;
  const notify = useNotify();
  const deactivate = useDeactivate(items, {
    onDeactivated: (results) => {
      const done = results.filter((r) => r.ok).length;
      const what = plural(results.length, 'opportunity', 'opportunities');
      notify(done === results.length ? 'success' : 'info', `${done} of ${what} deactivated.`);
    },
  });
  const header =
    items.length === 1 ? 'Deactivate opportunity' : `Deactivate ${items.length} opportunities`;
  return (
    <Dialog open header={header} onDismiss={onClose}>
      <DeactivateConfirmation {...deactivate} now={props.now} onClose={onClose} />
    </Dialog>
  );
}
