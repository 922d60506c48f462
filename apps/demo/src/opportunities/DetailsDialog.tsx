import { Dialog, OpportunityDetails } from '@resale-kit/react';
import { useOpportunityDetails } from '@resale-kit/sdk/react';

/** View details: every field, the status, the offers created from it and its history. */
export function DetailsDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const details = useOpportunityDetails(id);
  const name = details.details?.opportunity.name;
  return (
    <Dialog
      open
      size="large"
      header={name ? `Opportunity details: ${name}` : 'Opportunity details'}
      onDismiss={onClose}
      footer={
        <button type="button" className="rk-button" onClick={onClose}>
          Close
        </button>
      }
    >
      <OpportunityDetails {...details} />
    </Dialog>
  );
}
