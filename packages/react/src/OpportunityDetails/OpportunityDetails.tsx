import { type OpportunityDetails as Details, formatDiscount } from '@resale-kit/core';
import { type ReactNode, useId } from 'react';
import { DEFAULT_DETAILS_STRINGS, type OpportunityDetailsI18nStrings } from '../i18n/components.js';
import { useMessages } from '../i18n/useMessages.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';

export interface OpportunityDetailsProps {
  /** The opportunity with its offers and history (`opportunities.get`); undefined while loading. */
  details?: Details;
  /** True while the details load (shown when `details` is undefined). */
  loading?: boolean;
  /** Why the details could not be loaded; shown with a Retry button when `onRetry` is given. */
  error?: ReactNode;
  /** Called by the Retry button after an error. */
  onRetry?: () => void;
  /** The locale numbers and instants are shown in. Default 'en-US'. */
  locale?: string;
  /** The time zone instants are shown in. Default 'UTC' (like end dates, and the same on server and client). */
  timeZone?: string;
  /** The level of the section headings (2 to 4). Default 3: under a dialog's title. */
  headingLevel?: 2 | 3 | 4;
  /** Strings to override; English by default (`DETAILS_STRINGS_DE` for German). */
  i18nStrings?: Partial<OpportunityDetailsI18nStrings>;
  /** Extra class names for the root element. */
  className?: string;
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();
function formatInstant(iso: string, locale: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = instantFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    });
    instantFormats.set(key, f);
  }
  return `${f.format(new Date(iso))} ${timeZone === 'UTC' ? 'UTC' : ''}`.trim();
}

/**
 * "View details": every field of an opportunity with its status, the Channel Partner Private
 * Offers created from it, and its audit history (created, cloned, used, deactivated: who, when).
 * Shows a loading state and a load error with Retry; fetches nothing itself.
 */
export function OpportunityDetails(props: OpportunityDetailsProps) {
  const { details, headingLevel = 3 } = props;
  const s = useMessages(DEFAULT_DETAILS_STRINGS, props.i18nStrings);
  const locale = props.locale ?? 'en-US';
  const timeZone = props.timeZone ?? 'UTC';
  const id = useId();
  const H = `h${headingLevel}` as 'h3';
  const when = (iso: string) => <time dateTime={iso}>{formatInstant(iso, locale, timeZone)}</time>;
  const root = `rk-root rk-details${props.className ? ` ${props.className}` : ''}`;

  if (!details) {
    return (
      <div className={root} aria-busy={props.loading && !props.error ? true : undefined}>
        {props.error ? (
          <div className="rk-field-error" role="alert">
            <p>
              {s.error} {props.error}
            </p>
            {props.onRetry && (
              <button type="button" className="rk-button" onClick={props.onRetry}>
                {s.retry}
              </button>
            )}
          </div>
        ) : (
          <p role="status">{s.loading}</p>
        )}
      </div>
    );
  }

  const o = details.opportunity;
  const field = (label: string, value: ReactNode, mono = false) => (
    <div>
      <dt>{label}</dt>
      <dd className={mono ? 'rk-mono' : undefined}>{value}</dd>
    </div>
  );
  return (
    <div className={root}>
      <section aria-labelledby={`${id}-fields`} className="rk-details-section">
        <H id={`${id}-fields`}>{s.fields}</H>
        <dl className="rk-fields">
          {field(s.id, o.id, true)}
          {field(s.status, <StatusBadge status={o.status} messages={s.statusLabels} />)}
          {field(s.name, o.name)}
          {field(s.description, o.description ?? s.none)}
          {field(s.productName, o.productName)}
          {field(s.resellerName, o.resellerName)}
          {field(s.discount, formatDiscount(o.discount, locale))}
          {field(s.duration, s.durationLabel(o.durationType, o.endDate))}
          {field(s.timesUsed, new Intl.NumberFormat(locale).format(o.timesUsed))}
          {field(s.created, when(o.createdAt))}
          {field(s.clonedFrom, o.clonedFromId ?? s.none, o.clonedFromId !== null)}
          {field(s.deactivated, o.restrictedAt ? when(o.restrictedAt) : s.none)}
        </dl>
      </section>
      {/* Not a landmark itself: the offers table's scroll box is the region this heading names. */}
      <div className="rk-details-section">
        <H id={`${id}-offers`}>{s.offers(details.offers.length)}</H>
        {details.offers.length === 0 ? (
          <p className="rk-hint">{s.noOffers}</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it
          <section className="rk-simple-scroll" aria-labelledby={`${id}-offers`} tabIndex={0}>
            <table className="rk-simple-table">
              <thead>
                <tr>
                  <th scope="col">{s.offerId}</th>
                  <th scope="col">{s.buyerAccount}</th>
                  <th scope="col">{s.createdBy}</th>
                  <th scope="col">{s.created}</th>
                </tr>
              </thead>
              <tbody>
                {details.offers.map((offer) => (
                  <tr key={offer.id}>
                    <td className="rk-mono">{offer.id}</td>
                    <td className="rk-mono">{offer.buyerAccountId}</td>
                    <td>{offer.createdBy.name}</td>
                    <td>{when(offer.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>
      <section aria-labelledby={`${id}-history`} className="rk-details-section">
        <H id={`${id}-history`}>{s.history}</H>
        <ol className="rk-timeline">
          {details.events.map((event) => (
            <li key={event.id}>
              <span>{s.event(event)}</span>{' '}
              <span className="rk-hint">
                {s.eventBy(event.actor.name, formatInstant(event.at, locale, timeZone))}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
