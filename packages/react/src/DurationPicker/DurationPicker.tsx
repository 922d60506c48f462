import {
  DURATION_TYPES,
  type DurationType,
  type DurationValue,
  durationIssues,
  END_DATE_RULE,
  type FieldIssue,
  todayUtc,
} from '@resale-kit/core';
import { useId, useMemo, useState } from 'react';
import { DEFAULT_DURATION_PICKER_MESSAGES, type DurationPickerMessages } from '../i18n/messages.js';
import { useMessages } from '../i18n/useMessages.js';
import { useControllableState } from '../state/useControllableState.js';

/** Detail of a duration change. */
export interface DurationChangeDetail {
  /** The rule violations of the new value (core's `durationIssues`); empty when valid. */
  issues: FieldIssue[];
}

export interface DurationPickerProps {
  /** The value (controlled): `{ durationType, endDate }`, endDate `'YYYY-MM-DD'` or null. */
  value?: DurationValue;
  /** The initial value when uncontrolled. Default: single use without an end date. */
  defaultValue?: DurationValue;
  /** Called with every new value and its rule violations. */
  onChange?: (value: DurationValue, detail: DurationChangeDetail) => void;
  /** The instant "today (UTC)" is taken from, the earliest end date allowed. Default: now. */
  now?: Date;
  /** Disables every control. */
  disabled?: boolean;
  /** Shows the value without letting it change. */
  readOnly?: boolean;
  /** Keeps the duration type as it is while the end date stays editable (e.g. for a clone). */
  typeLocked?: boolean;
  /** A field error from the server, shown under the end date (or the group when no date field). */
  error?: string;
  /** Shows rule violations before the user touched the end date, e.g. after a submit attempt. */
  showValidation?: boolean;
  /** The form field name prefix: radios are `${name}Type`, the date `${name}EndDate`. Default `duration`. */
  name?: string;
  /** Strings to override; English by default. */
  messages?: Partial<DurationPickerMessages>;
  /** Extra class names for the root element. */
  className?: string;
}

const INITIAL: DurationValue = { durationType: 'single-use', endDate: null };

/**
 * The "Opportunity duration" picker: the three duration types as a radio group with their
 * descriptions, and the end date field, shown and required or optional per core's
 * `END_DATE_RULE`, validated by core's `durationIssues`.
 */
export function DurationPicker(props: DurationPickerProps) {
  const {
    disabled = false,
    readOnly = false,
    typeLocked = false,
    name = 'duration',
    error,
  } = props;
  const m = useMessages(DEFAULT_DURATION_PICKER_MESSAGES, props.messages);
  const [value, setValue] = useControllableState<DurationValue, DurationChangeDetail>(
    props.value,
    props.defaultValue ?? INITIAL,
    props.onChange,
  );
  const [touched, setTouched] = useState(false);
  const now = useMemo(() => props.now ?? new Date(), [props.now]);
  const issues = useMemo(() => durationIssues(value, now), [value, now]);
  const id = useId();
  const rule = END_DATE_RULE[value.durationType];

  const change = (next: DurationValue) => {
    if (readOnly || disabled) return;
    setValue(next, { issues: durationIssues(next, now) });
  };
  const chooseType = (durationType: DurationType) =>
    !typeLocked &&
    change({
      durationType,
      endDate: END_DATE_RULE[durationType] === 'forbidden' ? null : value.endDate,
    });

  const visibleIssues = touched || props.showValidation ? issues : [];
  // A server error may repeat a rule message word for word: show it once.
  const messages = [...new Set([...(error ? [error] : []), ...visibleIssues.map(m.issue)])];
  const errorId = `${id}-error`;
  const showDate = rule !== 'forbidden';

  return (
    <fieldset
      className={`rk-root rk-duration${props.className ? ` ${props.className}` : ''}`}
      disabled={disabled}
      aria-describedby={`${id}-desc${!showDate && messages.length ? ` ${errorId}` : ''}`}
    >
      <legend className="rk-duration-legend">{m.legend}</legend>
      <p id={`${id}-desc`} className="rk-hint">
        {m.description}
      </p>
      <div className="rk-duration-options">
        {DURATION_TYPES.map((type) => {
          const checked = value.durationType === type;
          return (
            <div key={type} className="rk-radio">
              <input
                type="radio"
                id={`${id}-${type}`}
                name={`${name}Type`}
                value={type}
                checked={checked}
                disabled={(readOnly || typeLocked) && !checked}
                aria-describedby={`${id}-${type}-desc`}
                onChange={() => chooseType(type)}
              />
              <label htmlFor={`${id}-${type}`}>
                <span className="rk-radio-label">{m.types[type].label}</span>
                <span id={`${id}-${type}-desc`} className="rk-hint">
                  {m.types[type].description}
                </span>
              </label>
            </div>
          );
        })}
      </div>
      {showDate && (
        <div className="rk-field">
          <label htmlFor={`${id}-end`} className="rk-field-label">
            {m.endDate}
            {rule === 'optional' && <span className="rk-optional"> ({m.optional})</span>}
          </label>
          <input
            id={`${id}-end`}
            type="date"
            name={`${name}EndDate`}
            className="rk-input"
            value={value.endDate ?? ''}
            min={todayUtc(now)}
            required={rule === 'required'}
            readOnly={readOnly}
            aria-invalid={messages.length > 0 || undefined}
            aria-describedby={`${id}-end-hint${messages.length ? ` ${errorId}` : ''}`}
            onChange={(e) => {
              setTouched(true);
              change({ durationType: value.durationType, endDate: e.target.value || null });
            }}
            onBlur={() => setTouched(true)}
          />
          <p id={`${id}-end-hint`} className="rk-hint">
            {m.endDateHint}
          </p>
        </div>
      )}
      {messages.length > 0 && (
        <div id={errorId} className="rk-field-error" role="alert">
          {messages.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
