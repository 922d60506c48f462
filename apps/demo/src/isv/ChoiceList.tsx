import { useId } from 'react';
import { FieldError } from '../ui/ErrorText';

export interface ChoiceListProps {
  legend: string;
  hint: string;
  options: readonly { id: string; name: string }[];
  value: string[];
  onChange: (ids: string[]) => void;
  loading: boolean;
  errorId: string;
  errors: string[] | undefined;
}

/** A multi-choice as a scrollable group of checkboxes, with "Select all". */
export function ChoiceList(props: ChoiceListProps) {
  const { legend, options, value, onChange, errors } = props;
  const id = useId();
  const all = options.length > 0 && value.length === options.length;
  const toggle = (optionId: string, on: boolean) =>
    onChange(
      on
        ? options.filter((o) => o.id === optionId || value.includes(o.id)).map((o) => o.id)
        : value.filter((v) => v !== optionId),
    );
  return (
    <fieldset
      className="demo-choice"
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={[`${id}-hint`, errors?.length ? props.errorId : '']
        .filter(Boolean)
        .join(' ')}
    >
      <legend>
        {legend} <span className="demo-muted">({value.length} selected)</span>
      </legend>
      <p id={`${id}-hint`} className="demo-hint">
        {props.hint}
      </p>
      {props.loading && <p role="status">Loading…</p>}
      {options.length > 0 && (
        <div className="demo-choice-list">
          <label className="demo-choice-all">
            <input
              type="checkbox"
              checked={all}
              onChange={(e) => onChange(e.target.checked ? options.map((o) => o.id) : [])}
            />
            Select all {legend.toLowerCase()}
          </label>
          {options.map((o) => (
            <label key={o.id}>
              <input
                type="checkbox"
                checked={value.includes(o.id)}
                onChange={(e) => toggle(o.id, e.target.checked)}
              />
              {o.name}
            </label>
          ))}
        </div>
      )}
      <FieldError id={props.errorId} messages={errors} />
    </fieldset>
  );
}
