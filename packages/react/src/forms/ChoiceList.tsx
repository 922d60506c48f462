import { useId } from 'react';
import { describedBy, FieldError } from './FieldError.js';

/** One option of a choice list. */
export interface ChoiceItem {
  id: string;
  name: string;
}

export interface ChoiceListProps {
  /** The root id, target of the error summary's link. */
  id: string;
  legend: string;
  hint: string;
  /** "3 selected". */
  selectedLabel: (count: number) => string;
  /** "Select all products". */
  selectAllLabel: string;
  items: readonly ChoiceItem[];
  value: readonly string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
  /** A loading or load-failure notice shown instead of (or above) the options. */
  notice?: React.ReactNode;
  errors: string[] | undefined;
}

/** A multi-choice as a scrollable group of checkboxes, with "Select all". */
export function ChoiceList(props: ChoiceListProps) {
  const { legend, items, value, onChange, errors } = props;
  const id = useId();
  const errorId = `${props.id}-error`;
  const all = items.length > 0 && value.length === items.length;
  const toggle = (itemId: string, on: boolean) =>
    onChange(
      on
        ? items.filter((o) => o.id === itemId || value.includes(o.id)).map((o) => o.id)
        : value.filter((v) => v !== itemId),
    );
  return (
    <fieldset
      id={props.id}
      className="rk-choice"
      disabled={props.disabled}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={describedBy(`${id}-hint`, Boolean(errors?.length) && errorId)}
    >
      <legend className="rk-field-label">
        {legend} <span className="rk-optional">({props.selectedLabel(value.length)})</span>
      </legend>
      <p id={`${id}-hint`} className="rk-hint">
        {props.hint}
      </p>
      {props.notice}
      {items.length > 0 && (
        <div className="rk-choice-list">
          <label className="rk-choice-all">
            <input
              type="checkbox"
              checked={all}
              onChange={(e) => onChange(e.target.checked ? items.map((o) => o.id) : [])}
            />
            {props.selectAllLabel}
          </label>
          {items.map((o) => (
            <label key={o.id}>
              <input
                type="checkbox"
                checked={value.includes(o.id)}
                onChange={(e) => toggle(o.id, e.target.checked)}
              />
              <span className="rk-choice-name">{o.name}</span>
            </label>
          ))}
        </div>
      )}
      <FieldError id={errorId} messages={errors} />
    </fieldset>
  );
}
