import { formatDiscount, type OpportunityEvent } from '@resale-kit/core';
import { StatusBadge } from '@resale-kit/react';
import { useOpportunityDetails } from '@resale-kit/sdk/react';
import { Dialog } from '../ui/Dialog';
import { describeDuration } from './durationLabel';
import { formatInstant } from './formatInstant';

function describeEvent(event: OpportunityEvent): string {
  const data = event.data ?? {};
  switch (event.type) {
    case 'created':
      return 'Created';
    case 'cloned':
      return `Cloned from ${String(data.fromId ?? 'another opportunity')}`;
    case 'used':
      return `Used to create offer ${String(data.offerId ?? '')} for buyer ${String(data.buyerAccountId ?? '')}`.trim();
    case 'deactivated':
      return 'Deactivated (now Restricted)';
    default:
      return event.type;
  }
}

/** View details: every field, the status, the CPPOs created from it and its history. */
export function DetailsDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const details = useOpportunityDetails(id);
  const data = details.details;
  const o = data?.opportunity;
  return (
    <Dialog
      title={o ? `Opportunity details: ${o.name}` : 'Opportunity details'}
      onClose={onClose}
      size="wide"
      footer={
        <button type="button" className="rk-button" onClick={onClose}>
          Close
        </button>
      }
    >
      {details.loading && <p role="status">Loading the opportunity…</p>}
      {details.error && (
        <div className="demo-inline-error" role="alert">
          <p>The opportunity could not be loaded: {details.error}</p>
          <button type="button" className="rk-button" onClick={details.onRetry}>
            Retry
          </button>
        </div>
      )}
      {o && data && (
        <>
          <section aria-labelledby="details-fields" className="demo-details-section">
            <h3 id="details-fields">Opportunity</h3>
            <dl className="demo-fields">
              <div>
                <dt>Opportunity ID</dt>
                <dd className="demo-mono">{o.id}</dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={o.status} />
                </dd>
              </div>
              <div>
                <dt>Opportunity name</dt>
                <dd>{o.name}</dd>
              </div>
              <div>
                <dt>Description</dt>
                <dd>{o.description ?? '-'}</dd>
              </div>
              <div>
                <dt>Product name</dt>
                <dd>{o.productName}</dd>
              </div>
              <div>
                <dt>Reseller name</dt>
                <dd>{o.resellerName}</dd>
              </div>
              <div>
                <dt>Discount type</dt>
                <dd>{formatDiscount(o.discount)}</dd>
              </div>
              <div>
                <dt>Duration</dt>
                <dd>{describeDuration(o.durationType, o.endDate)}</dd>
              </div>
              <div>
                <dt>Times used</dt>
                <dd data-testid="details-times-used">{o.timesUsed}</dd>
              </div>
              <div>
                <dt>Created</dt>
                <dd>
                  <time dateTime={o.createdAt}>{formatInstant(o.createdAt)}</time>
                </dd>
              </div>
              <div>
                <dt>Cloned from</dt>
                <dd className="demo-mono">{o.clonedFromId ?? '-'}</dd>
              </div>
              <div>
                <dt>Deactivated</dt>
                <dd>
                  {o.restrictedAt ? (
                    <time dateTime={o.restrictedAt}>{formatInstant(o.restrictedAt)}</time>
                  ) : (
                    '-'
                  )}
                </dd>
              </div>
            </dl>
          </section>
          <section aria-labelledby="details-offers" className="demo-details-section">
            <h3 id="details-offers">Offers created from it ({data.offers.length})</h3>
            {data.offers.length === 0 ? (
              <p className="demo-muted">
                No Channel Partner Private Offer was created from it yet.
              </p>
            ) : (
              <table className="demo-simple-table">
                <thead>
                  <tr>
                    <th scope="col">Offer ID</th>
                    <th scope="col">Buyer account</th>
                    <th scope="col">Created by</th>
                    <th scope="col">Created</th>
                  </tr>
                </thead>
                <tbody>
                  {data.offers.map((offer) => (
                    <tr key={offer.id}>
                      <td className="demo-mono">{offer.id}</td>
                      <td className="demo-mono">{offer.buyerAccountId}</td>
                      <td>{offer.createdBy.name}</td>
                      <td>
                        <time dateTime={offer.createdAt}>{formatInstant(offer.createdAt)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="details-history" className="demo-details-section">
            <h3 id="details-history">History</h3>
            <ol className="demo-timeline">
              {data.events.map((event) => (
                <li key={event.id}>
                  <span className="demo-timeline-what">{describeEvent(event)}</span>
                  <span className="demo-muted">
                    {' '}
                    by {event.actor.name},{' '}
                    <time dateTime={event.at}>{formatInstant(event.at)}</time>
                  </span>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </Dialog>
  );
}
