import { canDeactivate, type DeactivateResult, type Opportunity } from '@resale-kit/core';
import { type ReactNode, useMemo } from 'react';
import {
  DEFAULT_DEACTIVATE_STRINGS,
  type DeactivateConfirmationI18nStrings,
} from '../i18n/components.js';
import { useMessages } from '../i18n/useMessages.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';

export interface DeactivateConfirmationProps {
  /** The opportunities the person selected (Active or not: the others are explained). */
  items: readonly Opportunity[];
  /**
   * The per-item results of the request (`opportunities.deactivate`). Until given, the component
   * asks for confirmation; once given, it shows what happened to each item.
   */
  results?: readonly DeactivateResult[];
  /** Called by the Deactivate button with the ids to send (the Active ones). */
  onConfirm: (ids: string[]) => void;
  /** Called by Cancel (before) or Close (after the results). */
  onClose: () => void;
  /** True while the request runs: the button is busy and says so. */
  submitting?: boolean;
  /** The request failed as a whole (nothing changed): why, shown with role=alert. */
  error?: ReactNode;
  /** The instant statuses are judged at (which items can still change). Default: now. */
  now?: Date;
  /** Strings to override; English by default (`DEACTIVATE_STRINGS_DE` for German). */
  i18nStrings?: Partial<DeactivateConfirmationI18nStrings>;
  /** Extra class names for the root element. */
  className?: string;
}

/**
 * "Deactivate opportunities": says what will change (Active ones become Restricted, for good),
 * what will not and why (the others keep their status), then, given `results`, the outcome of
 * each item. Sends nothing itself: `onConfirm` gets the ids.
 */
export function DeactivateConfirmation(props: DeactivateConfirmationProps) {
  const { items, results, submitting = false } = props;
  const s = useMessages(DEFAULT_DEACTIVATE_STRINGS, props.i18nStrings);
  const now = useMemo(() => props.now ?? new Date(), [props.now]);
  const active = items.filter((o) => canDeactivate(o, now).ok);
  const skipped = items.length - active.length;
  const resultOf = (id: string) => results?.find((r) => r.id === id);
  const done = results?.filter((r) => r.ok).length ?? 0;

  return (
    <div className={`rk-root rk-deactivate${props.className ? ` ${props.className}` : ''}`}>
      {!results && (
        <>
          <p>{s.willChange}</p>
          {skipped > 0 && <p>{s.willNotChange(skipped, items.length)}</p>}
        </>
      )}
      {results && <p role="status">{s.resultSummary(done, results.length)}</p>}
      <ul className="rk-result-list" aria-label={s.listLabel}>
        {items.map((o) => {
          const result = resultOf(o.id);
          const blocked = !canDeactivate(o, now).ok;
          return (
            <li key={o.id}>
              <span>{o.name}</span> <span className="rk-hint rk-mono">{o.id}</span>{' '}
              {!result && <StatusBadge status={o.status} messages={s.status} />}
              {!result && blocked && (
                <span className="rk-hint"> {s.stays(s.status[o.status])}</span>
              )}
              {result?.ok && (
                <span className="rk-result--ok">
                  {s.deactivated}:{' '}
                  <StatusBadge status={result.opportunity.status} messages={s.status} />
                </span>
              )}
              {result && !result.ok && <span>{s.notChanged(s.reasons[result.reason])}</span>}
            </li>
          );
        })}
      </ul>
      {props.error && (
        <div className="rk-field-error" role="alert">
          <p>
            {s.failed} {props.error}
          </p>
        </div>
      )}
      <div className="rk-form-actions">
        <div className="rk-form-buttons">
          {results ? (
            <button type="button" className="rk-button rk-button--primary" onClick={props.onClose}>
              {s.close}
            </button>
          ) : (
            <>
              <button type="button" className="rk-button rk-button--link" onClick={props.onClose}>
                {s.cancel}
              </button>
              <button
                type="button"
                className="rk-button rk-button--primary"
                disabled={active.length === 0}
                aria-disabled={submitting || undefined}
                onClick={() => !submitting && props.onConfirm(active.map((o) => o.id))}
              >
                {submitting ? s.confirming : s.confirm(active.length)}
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
