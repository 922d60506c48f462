import {
  buyerAccountIdIssues,
  type CreateOfferInput,
  type CreateOfferResult,
  type FieldIssue,
  formatDiscount,
  normalizeBuyerAccountId,
  type Opportunity,
} from '@resale-kit/core';
import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { describedBy, FieldError } from '../forms/FieldError.js';
import { groupIssues, useFocusFirstInvalid, useServerIssues } from '../forms/fieldErrors.js';
import {
  type CreateOfferFormI18nStrings,
  DEFAULT_CREATE_OFFER_STRINGS,
} from '../i18n/components.js';
import { useMessages } from '../i18n/useMessages.js';
import { issueHead } from '../i18n/validation.js';
import { StatusBadge } from '../StatusBadge/StatusBadge.js';
import { useControllableState } from '../state/useControllableState.js';

export interface CreateOfferFormProps {
  /** The Active opportunity the reseller creates a Channel Partner Private Offer from. */
  opportunity: Opportunity;
  /**
   * The request's idempotency key: make one when the form opens (`crypto.randomUUID()`) and keep
   * it across retries, so a retried request is counted once. Shown to the person.
   */
  idempotencyKey: string;
  /** The buyer account id as typed (controlled). Leave undefined to let the form keep its own. */
  value?: string;
  /** The initial buyer account id when uncontrolled. Default: empty. */
  defaultValue?: string;
  /** Every change of the buyer account id, with its issues. */
  onChange?: (value: string, detail: { issues: FieldIssue[] }) => void;
  /**
   * Called on submit when the buyer account id is valid, with the API input (the id normalized:
   * spaces and dashes removed). An invalid id is explained and focused instead.
   */
  onSubmit: (input: CreateOfferInput) => void;
  /** Called by Cancel (before) or Close (after the result). */
  onClose?: () => void;
  /** The created offer (`offers.create`'s result): the form then shows it instead of the field. */
  result?: CreateOfferResult;
  /** True while the request runs. */
  submitting?: boolean;
  /** The server's validation issues (`ResaleError.issues`), shown on the buyer field. */
  issues?: readonly FieldIssue[];
  /** A failure no field explains (the opportunity stopped being Active, network), shown above. */
  error?: ReactNode;
  /** The locale numbers are shown in. Default 'en-US'. */
  locale?: string;
  /** Strings to override; English by default (`CREATE_OFFER_STRINGS_DE` for German). */
  i18nStrings?: Partial<CreateOfferFormI18nStrings>;
  /** Extra class names for the root element. */
  className?: string;
}

type Field = 'buyerAccountId';
const fieldOf = (path: string): Field | 'form' =>
  issueHead(path) === 'buyerAccountId' ? 'buyerAccountId' : 'form';

/**
 * "Create offer" (reseller side): the opportunity's terms, the buyer's AWS account id (typed with
 * spaces or dashes if the person likes; core normalizes it) and the idempotency key; then the
 * created offer with the opportunity's new times used and status. Sends nothing itself.
 */
export function CreateOfferForm(props: CreateOfferFormProps) {
  const { opportunity: o, result, submitting = false } = props;
  const s = useMessages(DEFAULT_CREATE_OFFER_STRINGS, props.i18nStrings);
  const locale = props.locale ?? 'en-US';
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [value, setValue] = useControllableState(
    props.value,
    props.defaultValue ?? '',
    props.onChange,
  );
  const [attempts, setAttempts] = useState(0);
  const server = useServerIssues(props.issues, fieldOf);
  useFocusFirstInvalid(formRef, attempts, props.issues);
  const clientIssues = attempts > 0 ? buyerAccountIdIssues(value) : [];
  const errors = groupIssues([...clientIssues, ...server.visible], fieldOf, s.validation.issue);
  const fieldId = `${id}-buyer`;
  const errorId = `${fieldId}-error`;
  const summary = [
    ...(errors.buyerAccountId ?? []).map((text) => ({ target: fieldId, text })),
    ...(errors.form ?? []).map((text) => ({ text })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempts((n) => n + 1);
    if (submitting || buyerAccountIdIssues(value).length > 0) return;
    props.onSubmit({
      opportunityId: o.id,
      buyerAccountId: normalizeBuyerAccountId(value),
      idempotencyKey: props.idempotencyKey,
    });
  };

  const terms = (
    <dl className="rk-fields rk-fields--compact">
      <div>
        <dt>{s.opportunity}</dt>
        <dd>{o.name}</dd>
      </div>
      <div>
        <dt>{s.product}</dt>
        <dd>{o.productName}</dd>
      </div>
      <div>
        <dt>{s.discount}</dt>
        <dd>{formatDiscount(o.discount, locale)}</dd>
      </div>
      {!result && (
        <div>
          <dt>{s.timesUsed}</dt>
          <dd>{o.timesUsed}</dd>
        </div>
      )}
    </dl>
  );

  if (result) {
    return (
      <div className={`rk-root rk-form${props.className ? ` ${props.className}` : ''}`}>
        {terms}
        <div className="rk-success" role="status">
          <p>{result.replayed ? s.replayed : s.created}</p>
          <dl className="rk-fields rk-fields--compact">
            <div>
              <dt>{s.offerId}</dt>
              <dd className="rk-mono">{result.offer.id}</dd>
            </div>
            <div>
              <dt>{s.buyerAccount}</dt>
              <dd className="rk-mono">{result.offer.buyerAccountId}</dd>
            </div>
            <div>
              <dt>{s.timesUsed}</dt>
              <dd>{result.opportunity.timesUsed}</dd>
            </div>
            <div>
              <dt>{s.status}</dt>
              <dd>
                <StatusBadge status={result.opportunity.status} messages={s.statusLabels} />
              </dd>
            </div>
          </dl>
        </div>
        {props.onClose && (
          <div className="rk-form-actions">
            <div className="rk-form-buttons">
              <button
                type="button"
                className="rk-button rk-button--primary"
                onClick={props.onClose}
              >
                {s.close}
              </button>
            </div>
          </div>
        )}
      </div>
    );
  }

  return (
    <form
      ref={formRef}
      className={`rk-root rk-form${props.className ? ` ${props.className}` : ''}`}
      noValidate
      onSubmit={submit}
    >
      <ErrorSummary title={s.validation.summaryTitle(summary.length)} items={summary}>
        {props.error && (
          <p>
            {s.requestFailed} {props.error}
          </p>
        )}
      </ErrorSummary>
      {terms}
      <div className="rk-field">
        <label htmlFor={fieldId} className="rk-field-label">
          {s.buyer}
        </label>
        <input
          id={fieldId}
          className="rk-input"
          inputMode="numeric"
          autoComplete="off"
          placeholder={s.buyerPlaceholder}
          value={value}
          aria-invalid={errors.buyerAccountId ? true : undefined}
          aria-describedby={describedBy(
            `${fieldId}-hint`,
            Boolean(errors.buyerAccountId) && errorId,
          )}
          onChange={(e) => {
            server.edited('buyerAccountId');
            setValue(e.target.value, { issues: buyerAccountIdIssues(e.target.value) });
          }}
        />
        <p id={`${fieldId}-hint`} className="rk-hint">
          {s.buyerHint}
        </p>
        <FieldError id={errorId} messages={errors.buyerAccountId} />
      </div>
      <div className="rk-field">
        <span className="rk-field-label">{s.idempotencyKey}</span>
        <p className="rk-mono">{props.idempotencyKey}</p>
        <p className="rk-hint">{s.idempotencyKeyHint}</p>
      </div>
      <div className="rk-form-actions">
        <div className="rk-form-buttons">
          {props.onClose && (
            <button type="button" className="rk-button rk-button--link" onClick={props.onClose}>
              {s.cancel}
            </button>
          )}
          <button
            type="submit"
            className="rk-button rk-button--primary"
            aria-disabled={submitting || undefined}
          >
            {submitting ? s.submitting : s.submit}
          </button>
        </div>
      </div>
    </form>
  );
}
