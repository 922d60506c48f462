import {
  type CloneOpportunityInput,
  type CreateOpportunityInput,
  cloneOpportunityIssues,
  createOpportunityIssues,
  type DurationValue,
  type FieldIssue,
  formatDiscount,
  MAX_DESCRIPTION_LENGTH,
  type Opportunity,
  todayUtc,
} from '@resale-kit/core';
import { type FormEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { DurationPicker } from '../DurationPicker/DurationPicker.js';
import { type ChoiceItem, ChoiceList } from '../forms/ChoiceList.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { describedBy, FieldError } from '../forms/FieldError.js';
import { groupIssues, useFocusFirstInvalid, useServerIssues } from '../forms/fieldErrors.js';
import { parsePercent } from '../forms/parsePercent.js';
import {
  DEFAULT_OPPORTUNITY_FORM_STRINGS,
  type OpportunityFormI18nStrings,
} from '../i18n/components.js';
import { useMessages } from '../i18n/useMessages.js';
import { issueHead } from '../i18n/validation.js';
import { useControllableState } from '../state/useControllableState.js';

/** What the form holds while a person fills it in. */
export interface OpportunityFormValue {
  name: string;
  description: string;
  /** Chosen product ids (create only). */
  productIds: string[];
  /** Chosen reseller ids (create only). */
  resellerIds: string[];
  /** The discount as typed ("12.5", or "12,5" in locales with a decimal comma). */
  discount: string;
  duration: DurationValue;
}

/** The request the form asks its caller to send: a create, or a clone of `source`. */
export type OpportunityFormSubmitDetail =
  | { kind: 'create'; input: CreateOpportunityInput }
  | { kind: 'clone'; input: CloneOpportunityInput };

export interface OpportunityFormProps {
  /** Clone this opportunity (product, reseller and duration type stay); create when absent. */
  source?: Opportunity;
  /** The products to choose from (create), as `{ id, name }`. */
  products?: readonly ChoiceItem[];
  /** The resellers to choose from (create), as `{ id, name }`. */
  resellers?: readonly ChoiceItem[];
  /** True while the products and resellers load: the lists say so. */
  itemsLoading?: boolean;
  /** Why the products or resellers could not be loaded, shown in place of the lists. */
  itemsError?: ReactNode;
  /** The value (controlled). Leave undefined to let the form keep its own. */
  value?: OpportunityFormValue;
  /** The initial value when uncontrolled. Default: empty, or the source's values for a clone. */
  defaultValue?: OpportunityFormValue;
  /** Every change, with the issues of the new value (core's rules). */
  onChange?: (value: OpportunityFormValue, detail: { issues: FieldIssue[] }) => void;
  /**
   * Called on submit when the whole form is valid, with the API input to send. An invalid form
   * shows every issue at once and moves focus to the first invalid field instead.
   */
  onSubmit: (detail: OpportunityFormSubmitDetail) => void;
  /** Called by the Cancel button. */
  onCancel?: () => void;
  /** True while the request runs: the submit button is disabled and says so. */
  submitting?: boolean;
  /**
   * The server's validation issues (`ResaleError.issues`, `DomainErrorData.issues`): shown on
   * their fields like the form's own, until the person edits that field.
   */
  issues?: readonly FieldIssue[];
  /** A failure no field explains (network, permission), shown in the error summary. */
  error?: ReactNode;
  /** The instant "today (UTC)" is taken from for the end date rules. Default: now. */
  now?: Date;
  /** Keeps the duration type of the source. Default: true for a clone, false for a create. */
  typeLocked?: boolean;
  /** The locale numbers are shown in. Default 'en-US'. */
  locale?: string;
  /** Strings to override; English by default (`OPPORTUNITY_FORM_STRINGS_DE` for German). */
  i18nStrings?: Partial<OpportunityFormI18nStrings>;
  /** Extra class names for the form element. */
  className?: string;
}

type Field = 'name' | 'description' | 'productIds' | 'resellerIds' | 'discount' | 'duration';

const fieldOf = (path: string): Field | 'form' => {
  const head = issueHead(path);
  if (head === 'endDate' || head === 'durationType') return 'duration';
  return head === 'name' ||
    head === 'description' ||
    head === 'productIds' ||
    head === 'resellerIds' ||
    head === 'discount'
    ? head
    : 'form';
};
const FIELD_ORDER: Field[] = [
  'name',
  'description',
  'productIds',
  'resellerIds',
  'discount',
  'duration',
];

/** The form's starting value: empty for a create; the source's values for a clone. */
export function initialOpportunityFormValue(
  source: Opportunity | undefined,
  now: Date,
): OpportunityFormValue {
  if (!source)
    return {
      name: '',
      description: '',
      productIds: [],
      resellerIds: [],
      discount: '',
      duration: { durationType: 'specific-duration', endDate: null },
    };
  // A clone keeps the end date only while it is allowed; a past one must be replaced.
  const keep = source.endDate !== null && source.endDate >= todayUtc(now);
  return {
    name: source.name,
    description: source.description ?? '',
    productIds: [source.productId],
    resellerIds: [source.resellerId],
    discount: String(source.discount.percent),
    duration: { durationType: source.durationType, endDate: keep ? source.endDate : null },
  };
}

function issuesOf(value: OpportunityFormValue, clone: boolean, now: Date): FieldIssue[] {
  const draft = {
    name: value.name,
    description: value.description,
    productIds: value.productIds,
    resellerIds: value.resellerIds,
    percent: parsePercent(value.discount),
    ...value.duration,
  };
  return clone ? cloneOpportunityIssues(draft, now) : createOpportunityIssues(draft, now);
}

/**
 * "Create opportunity", or "Clone opportunity" prefilled from `source`: name, description,
 * products × resellers (one opportunity per pair, counted as you choose), discount and
 * duration. Checks the whole form with core's rules on submit, shows every problem at once in
 * the person's language, maps the server's issues onto the same fields, and moves focus to the
 * first invalid field. Sends nothing itself: `onSubmit` gets the API input.
 */
export function OpportunityForm(props: OpportunityFormProps) {
  const { source, submitting = false } = props;
  const clone = source !== undefined;
  const s = useMessages(DEFAULT_OPPORTUNITY_FORM_STRINGS, props.i18nStrings);
  const locale = props.locale ?? 'en-US';
  const now = useMemo(() => props.now ?? new Date(), [props.now]);
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [value, setValue] = useControllableState(
    props.value,
    () => props.defaultValue ?? initialOpportunityFormValue(source, now),
    props.onChange,
  );
  const [attempts, setAttempts] = useState(0);
  const server = useServerIssues(props.issues, fieldOf);
  useFocusFirstInvalid(formRef, attempts, props.issues);

  const clientIssues = attempts > 0 ? issuesOf(value, clone, now) : [];
  const errors = groupIssues([...clientIssues, ...server.visible], fieldOf, s.validation.issue);
  const change = (field: Field, patch: Partial<OpportunityFormValue>) => {
    server.edited(field);
    const next = { ...value, ...patch };
    setValue(next, { issues: issuesOf(next, clone, now) });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempts((n) => n + 1);
    if (submitting || issuesOf(value, clone, now).length > 0) return;
    const description = value.description.trim() === '' ? null : value.description;
    const discount = { type: 'percentage' as const, percent: parsePercent(value.discount) ?? 0 };
    props.onSubmit(
      source
        ? {
            kind: 'clone',
            input: {
              id: source.id,
              name: value.name,
              description,
              discount,
              endDate: value.duration.endDate,
            },
          }
        : {
            kind: 'create',
            input: {
              name: value.name,
              description,
              productIds: value.productIds,
              resellerIds: value.resellerIds,
              discount,
              durationType: value.duration.durationType,
              endDate: value.duration.endDate,
            },
          },
    );
  };

  const fieldId = (field: Field) => `${id}-${field}`;
  const errorId = (field: Field) => `${id}-${field}-error`;
  const invalid = (field: Field) => (errors[field]?.length ? true : undefined);
  const summary = [
    ...FIELD_ORDER.flatMap((f) => (errors[f] ?? []).map((text) => ({ target: fieldId(f), text }))),
    ...(errors.form ?? []).map((text) => ({ text })),
  ];
  const count = clone ? 1 : value.productIds.length * value.resellerIds.length;
  const itemsNotice = props.itemsError ? (
    <p className="rk-field-error" role="alert">
      {props.itemsError}
    </p>
  ) : props.itemsLoading ? (
    <p role="status">{s.loadingItems}</p>
  ) : null;

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
      {source && (
        <dl className="rk-fields rk-fields--compact">
          <div>
            <dt>{s.clonedFrom}</dt>
            <dd className="rk-mono">{source.id}</dd>
          </div>
          <div>
            <dt>{s.product}</dt>
            <dd>{source.productName}</dd>
          </div>
          <div>
            <dt>{s.reseller}</dt>
            <dd>{source.resellerName}</dd>
          </div>
          <div>
            <dt>{s.sourceDiscount}</dt>
            <dd>{formatDiscount(source.discount, locale)}</dd>
          </div>
          <div>
            <dt>{s.sourceDuration}</dt>
            <dd>{s.durationLabel(source.durationType, source.endDate)}</dd>
          </div>
        </dl>
      )}
      <div className="rk-field">
        <label htmlFor={fieldId('name')} className="rk-field-label">
          {s.name}
        </label>
        <input
          id={fieldId('name')}
          className="rk-input"
          autoComplete="off"
          value={value.name}
          aria-invalid={invalid('name')}
          aria-describedby={describedBy(invalid('name') && errorId('name'))}
          onChange={(e) => change('name', { name: e.target.value })}
        />
        <FieldError id={errorId('name')} messages={errors.name} />
      </div>
      <div className="rk-field">
        <label htmlFor={fieldId('description')} className="rk-field-label">
          {s.description} <span className="rk-optional">({s.optional})</span>
        </label>
        <textarea
          id={fieldId('description')}
          className="rk-input"
          rows={2}
          value={value.description}
          aria-invalid={invalid('description')}
          aria-describedby={describedBy(
            `${id}-description-hint`,
            invalid('description') && errorId('description'),
          )}
          onChange={(e) => change('description', { description: e.target.value })}
        />
        <p id={`${id}-description-hint`} className="rk-hint">
          {s.descriptionCount([...value.description].length, MAX_DESCRIPTION_LENGTH)}
        </p>
        <FieldError id={errorId('description')} messages={errors.description} />
      </div>
      {!source && (
        <div className="rk-form-columns">
          <ChoiceList
            id={fieldId('productIds')}
            legend={s.products}
            hint={s.productsHint}
            selectedLabel={s.selected}
            selectAllLabel={s.selectAllProducts}
            items={props.products ?? []}
            value={value.productIds}
            notice={itemsNotice}
            onChange={(productIds) => change('productIds', { productIds })}
            errors={errors.productIds}
          />
          <ChoiceList
            id={fieldId('resellerIds')}
            legend={s.resellers}
            hint={s.resellersHint}
            selectedLabel={s.selected}
            selectAllLabel={s.selectAllResellers}
            items={props.resellers ?? []}
            value={value.resellerIds}
            notice={itemsNotice}
            onChange={(resellerIds) => change('resellerIds', { resellerIds })}
            errors={errors.resellerIds}
          />
        </div>
      )}
      <div className="rk-field rk-field--narrow">
        <label htmlFor={fieldId('discount')} className="rk-field-label">
          {s.discount}
        </label>
        <input
          id={fieldId('discount')}
          className="rk-input"
          inputMode="decimal"
          autoComplete="off"
          value={value.discount}
          aria-invalid={invalid('discount')}
          aria-describedby={describedBy(
            `${id}-discount-hint`,
            invalid('discount') && errorId('discount'),
          )}
          onChange={(e) => change('discount', { discount: e.target.value })}
        />
        <p id={`${id}-discount-hint`} className="rk-hint">
          {s.discountHint}
        </p>
        <FieldError id={errorId('discount')} messages={errors.discount} />
      </div>
      <div id={fieldId('duration')}>
        <DurationPicker
          value={value.duration}
          now={now}
          typeLocked={props.typeLocked ?? clone}
          error={errors.duration?.join(' ')}
          messages={{ ...s.duration, issue: s.validation.issue }}
          onChange={(duration) => change('duration', { duration })}
        />
      </div>
      {source && <p className="rk-hint">{s.cloneHint}</p>}
      <div className="rk-form-actions">
        <p className="rk-form-count" role="status">
          {clone ? s.cloneCount : s.createCount(value.productIds.length, value.resellerIds.length)}
        </p>
        <div className="rk-form-buttons">
          {props.onCancel && (
            <button type="button" className="rk-button rk-button--link" onClick={props.onCancel}>
              {s.cancel}
            </button>
          )}
          <button
            type="submit"
            className="rk-button rk-button--primary"
            aria-disabled={submitting || undefined}
          >
            {submitting ? s.submitting : clone ? s.submitClone : s.submitCreate(count)}
          </button>
        </div>
      </div>
    </form>
  );
}
