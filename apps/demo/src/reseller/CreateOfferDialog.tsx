import { describeIssue, formatDiscount, type Opportunity, STATUS_LABELS } from '@resale-kit/core';
import { StatusBadge } from '@resale-kit/react';
import { useCreateOffer } from '@resale-kit/sdk/react';
import { type FormEvent, useId, useState } from 'react';
import { ActionFooter } from '../ui/ActionFooter';
import { Dialog } from '../ui/Dialog';
import { FieldError } from '../ui/ErrorText';
import { useNotify } from '../ui/notifications';

/**
 * "Create offer": a reseller creates a Channel Partner Private Offer from an Active opportunity.
 * The idempotency key is generated when the dialog opens and kept across retries, so a retried
 * request is counted once.
 */
export function CreateOfferDialog({
  opportunity,
  onClose,
}: {
  opportunity: Opportunity;
  onClose: () => void;
}) {
  const notify = useNotify();
  const id = useId();
  const [buyerAccountId, setBuyerAccountId] = useState('');
  const createOffer = useCreateOffer(opportunity, {
    onCreated: (result) =>
      notify(
        'success',
        `Offer created from "${result.opportunity.name}": times used ${result.opportunity.timesUsed}, status ${STATUS_LABELS[result.opportunity.status]}.`,
      ),
  });
  const { idempotencyKey, result } = createOffer;
  const buyerErrors = createOffer.issues.length ? createOffer.issues.map(describeIssue) : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    createOffer.onSubmit({ buyerAccountId });
  };

  return (
    <Dialog
      title="Create offer"
      onClose={onClose}
      footer={
        <ActionFooter done={Boolean(result)} onClose={onClose}>
          <button
            type="submit"
            form={`${id}-form`}
            className="rk-button rk-button--primary"
            disabled={createOffer.submitting}
          >
            {createOffer.submitting ? 'Creating…' : 'Create offer'}
          </button>
        </ActionFooter>
      }
    >
      <dl className="demo-fields demo-fields--compact">
        <div>
          <dt>Opportunity</dt>
          <dd>{opportunity.name}</dd>
        </div>
        <div>
          <dt>Product</dt>
          <dd>{opportunity.productName}</dd>
        </div>
        <div>
          <dt>Discount type</dt>
          <dd>{formatDiscount(opportunity.discount)}</dd>
        </div>
        {!result && (
          <div>
            <dt>Times used</dt>
            <dd>{opportunity.timesUsed}</dd>
          </div>
        )}
      </dl>
      {result ? (
        <div className="demo-success" role="status">
          <p>
            {result.replayed
              ? 'This request had already been recorded: here is its first result, nothing was counted again.'
              : 'Channel Partner Private Offer created.'}
          </p>
          <dl className="demo-fields demo-fields--compact">
            <div>
              <dt>Offer ID</dt>
              <dd className="demo-mono">{result.offer.id}</dd>
            </div>
            <div>
              <dt>Buyer account</dt>
              <dd className="demo-mono">{result.offer.buyerAccountId}</dd>
            </div>
            <div>
              <dt>Times used</dt>
              <dd data-testid="offer-times-used">{result.opportunity.timesUsed}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                <StatusBadge status={result.opportunity.status} />
              </dd>
            </div>
          </dl>
        </div>
      ) : (
        <form id={`${id}-form`} className="demo-form" noValidate onSubmit={submit}>
          <div className="demo-field">
            <label htmlFor={`${id}-buyer`}>Buyer AWS account ID</label>
            <input
              id={`${id}-buyer`}
              inputMode="numeric"
              autoComplete="off"
              placeholder="123456789012"
              value={buyerAccountId}
              aria-invalid={buyerErrors ? true : undefined}
              aria-describedby={`${id}-buyer-hint${buyerErrors ? ` ${id}-buyer-error` : ''}`}
              onChange={(e) => setBuyerAccountId(e.target.value.trim())}
            />
            <p id={`${id}-buyer-hint`} className="demo-hint">
              The 12-digit account of the buyer the private offer is for.
            </p>
            <FieldError id={`${id}-buyer-error`} messages={buyerErrors} />
          </div>
          <div className="demo-field">
            <span className="demo-label">Idempotency key</span>
            <p className="demo-mono demo-key">{idempotencyKey}</p>
            <p className="demo-hint">
              Generated for this offer: sending it again (a retry) returns the first result and
              counts nothing twice.
            </p>
          </div>
          {createOffer.error && (
            <p className="demo-inline-error" role="alert">
              The offer was not created: {createOffer.error}
            </p>
          )}
        </form>
      )}
    </Dialog>
  );
}
