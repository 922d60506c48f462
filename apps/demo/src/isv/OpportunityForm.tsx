import {
  type DurationValue,
  describeIssue,
  durationIssues,
  fieldErrors,
  formatDiscount,
  MAX_DESCRIPTION_LENGTH,
  MAX_NAME_LENGTH,
  type Opportunity,
  todayUtc,
} from '@resale-kit/core';
import { DurationPicker } from '@resale-kit/react';
import { useOpportunityForm } from '@resale-kit/sdk/react';
import { type FormEvent, useId, useState } from 'react';
import { describeDuration } from '../opportunities/durationLabel';
import { Dialog } from '../ui/Dialog';
import { FieldError } from '../ui/ErrorText';
import { useNotify } from '../ui/notifications';
import { ChoiceList } from './ChoiceList';
import { type FormField, groupFieldErrors } from './formErrors';

export interface OpportunityFormProps {
  /** Clone this opportunity (product, reseller and duration type stay); create when absent. */
  source?: Opportunity;
  /** The server's "today" for the end date's lower bound. */
  now: Date;
  onClose: () => void;
}

function initialDuration(source: Opportunity | undefined, now: Date): DurationValue {
  if (!source) return { durationType: 'specific-duration', endDate: null };
  // A clone keeps the end date only when it is still allowed; a past one must be replaced.
  const keep = source.endDate !== null && source.endDate >= todayUtc(now);
  return { durationType: source.durationType, endDate: keep ? source.endDate : null };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Create opportunity", or "Clone opportunity" prefilled from a source. */
export function OpportunityForm({ source, now, onClose }: OpportunityFormProps) {
  const notify = useNotify();
  const id = useId();

  const [name, setName] = useState(source?.name ?? '');
  const [description, setDescription] = useState(source?.description ?? '');
  const [productIds, setProductIds] = useState<string[]>([]);
  const [resellerIds, setResellerIds] = useState<string[]>([]);
  const [discount, setDiscount] = useState(source ? String(source.discount.percent) : '');
  const [duration, setDuration] = useState<DurationValue>(() => initialDuration(source, now));
  const [localErrors, setLocalErrors] = useState<Partial<Record<FormField, string[]>>>({});
  const [submitted, setSubmitted] = useState(false);

  const onDone = (created: Opportunity[]) => {
    notify(
      'success',
      source
        ? `Opportunity "${created[0]?.name ?? name}" cloned: ${created[0]?.id ?? ''}.`
        : `${plural(created.length, 'opportunity', 'opportunities')} created.`,
    );
    onClose();
  };
  const form = useOpportunityForm({ source, onSaved: onDone });
  const serverErrors = groupFieldErrors(fieldErrors(form.issues));
  const errors: Partial<Record<FormField, string[]>> = { ...serverErrors, ...localErrors };
  const count = source ? 1 : productIds.length * resellerIds.length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const percent = Number.parseFloat(discount);
    if (discount.trim() === '' || Number.isNaN(percent)) {
      setLocalErrors({ discount: ['Enter the discount as a percent, e.g. 12 or 12.5'] });
      return;
    }
    setLocalErrors({});
    const common = {
      name,
      description: description.trim() === '' ? null : description,
      discount: { type: 'percentage' as const, percent },
      endDate: duration.endDate,
    };
    form.onSubmit(
      source
        ? { kind: 'clone', input: { id: source.id, ...common } }
        : {
            kind: 'create',
            input: { ...common, productIds, resellerIds, durationType: duration.durationType },
          },
    );
  };

  const described = (field: FormField, hint?: string) =>
    [hint, errors[field]?.length ? `${id}-${field}-error` : undefined].filter(Boolean).join(' ') ||
    undefined;
  const otherErrors = errors.form ?? [];
  // The picker shows core's duration rules itself once submitted: pass only what it cannot know.
  const ownIssues = submitted ? durationIssues(duration, now).map(describeIssue) : [];
  const durationError =
    errors.duration?.filter((m) => !ownIssues.includes(m)).join(' ') || undefined;
  const generalError = form.error ?? form.itemsError ?? null;

  return (
    <Dialog
      title={source ? 'Clone opportunity' : 'Create opportunity'}
      onClose={onClose}
      size="wide"
      footer={
        <>
          <p className="demo-count" role="status">
            {source
              ? '1 opportunity will be created: a copy of the source.'
              : `${plural(productIds.length, 'product', 'products')} × ${plural(resellerIds.length, 'reseller', 'resellers')}: ${plural(count, 'opportunity', 'opportunities')} will be created.`}
          </p>
          <button type="button" className="rk-button rk-button--link" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={`${id}-form`}
            className="rk-button rk-button--primary"
            disabled={form.submitting}
          >
            {form.submitting
              ? 'Saving…'
              : source
                ? 'Clone opportunity'
                : count > 1
                  ? `Create ${count} opportunities`
                  : 'Create opportunity'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="demo-form" noValidate onSubmit={submit}>
        {(generalError || otherErrors.length > 0) && (
          <div className="demo-inline-error" role="alert">
            {generalError && <p>{generalError}</p>}
            {otherErrors.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}
        {source && (
          <dl className="demo-fields demo-fields--compact">
            <div>
              <dt>Cloned from</dt>
              <dd className="demo-mono">{source.id}</dd>
            </div>
            <div>
              <dt>Product</dt>
              <dd>{source.productName}</dd>
            </div>
            <div>
              <dt>Reseller</dt>
              <dd>{source.resellerName}</dd>
            </div>
            <div>
              <dt>Source discount</dt>
              <dd>{formatDiscount(source.discount)}</dd>
            </div>
            <div>
              <dt>Source duration</dt>
              <dd>{describeDuration(source.durationType, source.endDate)}</dd>
            </div>
          </dl>
        )}
        <div className="demo-field">
          <label htmlFor={`${id}-name`}>Opportunity name</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={MAX_NAME_LENGTH + 20}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={described('name')}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id={`${id}-name-error`} messages={errors.name} />
        </div>
        <div className="demo-field">
          <label htmlFor={`${id}-description`}>
            Description <span className="demo-muted">(optional)</span>
          </label>
          <textarea
            id={`${id}-description`}
            rows={2}
            value={description}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={described('description', `${id}-description-hint`)}
            onChange={(e) => setDescription(e.target.value)}
          />
          <p id={`${id}-description-hint`} className="demo-hint">
            {description.length}/{MAX_DESCRIPTION_LENGTH} characters
          </p>
          <FieldError id={`${id}-description-error`} messages={errors.description} />
        </div>
        {!source && (
          <div className="demo-form-columns">
            <ChoiceList
              legend="Products"
              hint="One opportunity is created per product and reseller."
              loading={form.itemsLoading}
              options={form.products}
              value={productIds}
              onChange={setProductIds}
              errorId={`${id}-productIds-error`}
              errors={errors.productIds}
            />
            <ChoiceList
              legend="Resellers"
              hint="The channel partners authorized to resell."
              loading={form.itemsLoading}
              options={form.resellers}
              value={resellerIds}
              onChange={setResellerIds}
              errorId={`${id}-resellerIds-error`}
              errors={errors.resellerIds}
            />
          </div>
        )}
        <div className="demo-field demo-field--narrow">
          <label htmlFor={`${id}-discount`}>Discount (%)</label>
          <input
            id={`${id}-discount`}
            type="number"
            inputMode="decimal"
            min={0.01}
            max={100}
            step={0.01}
            value={discount}
            aria-invalid={errors.discount ? true : undefined}
            aria-describedby={described('discount', `${id}-discount-hint`)}
            onChange={(e) => setDiscount(e.target.value)}
          />
          <p id={`${id}-discount-hint`} className="demo-hint">
            Percentage off the list price, more than 0 and at most 100, up to 2 decimals.
          </p>
          <FieldError id={`${id}-discount-error`} messages={errors.discount} />
        </div>
        <DurationPicker
          value={duration}
          now={now}
          // A clone keeps its source's duration type: only the end date can change.
          typeLocked={Boolean(source)}
          showValidation={submitted}
          error={durationError}
          onChange={setDuration}
        />
        {source && (
          <p className="demo-hint">
            A clone keeps the product, the reseller and the duration type of its source; change the
            name, description, discount or end date here.
          </p>
        )}
      </form>
    </Dialog>
  );
}
