import {
  EXPIRING_WINDOW_DAYS,
  type ListFilters,
  STATUSES,
  type Summary,
  type SummaryCardId,
  summaryCardFilters,
} from '@resale-kit/core';
import { useId } from 'react';
import { formatNumber } from '../i18n/format.js';
import { DEFAULT_SUMMARY_CARDS_MESSAGES, type SummaryCardsMessages } from '../i18n/messages.js';
import { useMessages } from '../i18n/useMessages.js';

export interface SummaryCardsProps {
  /** The counts, as returned by the API's summary (core's `Summary`); null or undefined while unknown. */
  summary?: Summary | null;
  /** Shows the loading state. */
  loading?: boolean;
  /** Adds one card per status (Active, Expired, Restricted, Complete) after the two main ones. */
  showStatusCards?: boolean;
  /** Makes the cards buttons that report the list filters they stand for (core's `summaryCardFilters`). */
  onSelect?: (filters: ListFilters, card: SummaryCardId) => void;
  /** The card whose filter is applied, marked as pressed. */
  selectedCard?: SummaryCardId | null;
  /** The heading level of the "Summary" title. Default 2. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** The BCP 47 locale for numbers. Default `'en-US'`. */
  locale?: string;
  /** Strings to override; English by default. */
  messages?: Partial<SummaryCardsMessages>;
  /** Extra class names for the root element. */
  className?: string;
}

/** The summary cards: "Expiring in 30 days" and "Active", optionally one per status. */
export function SummaryCards(props: SummaryCardsProps) {
  const { summary, loading = false, locale = 'en-US', onSelect } = props;
  const m = useMessages(DEFAULT_SUMMARY_CARDS_MESSAGES, props.messages);
  const headingId = useId();
  const Heading = `h${props.headingLevel ?? 2}` as const;
  const cards: { id: SummaryCardId; label: string; count: number | undefined }[] = [
    { id: 'expiring', label: m.expiring(EXPIRING_WINDOW_DAYS), count: summary?.expiringIn30Days },
    { id: 'active', label: m.active, count: summary?.active },
    ...(props.showStatusCards
      ? STATUSES.filter((s) => s !== 'active').map((s) => ({
          id: s,
          label: m.status[s],
          count: summary?.byStatus[s],
        }))
      : []),
  ];

  return (
    <section
      className={`rk-root rk-summary${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={headingId}
      aria-busy={loading || undefined}
    >
      <Heading id={headingId} className="rk-summary-title">
        {m.title}
      </Heading>
      <p className="rk-hint">{m.description}</p>
      <ul className="rk-cards">
        {cards.map((card) => {
          const value =
            loading || card.count === undefined ? (
              <span className="rk-card-loading">{m.loading}</span>
            ) : (
              formatNumber(card.count, locale)
            );
          const content = (
            <>
              <span className="rk-card-label">{card.label}</span>
              <span className="rk-card-value">{value}</span>
            </>
          );
          return (
            <li key={card.id} className={`rk-card rk-card--${card.id}`}>
              {onSelect ? (
                <button
                  type="button"
                  className="rk-card-body rk-card-button"
                  aria-pressed={
                    props.selectedCard === undefined ? undefined : props.selectedCard === card.id
                  }
                  title={m.showFiltered}
                  disabled={loading}
                  onClick={() => onSelect(summaryCardFilters(card.id), card.id)}
                >
                  {content}
                </button>
              ) : (
                <div className="rk-card-body">{content}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
