import {
  EXPIRING_WINDOW_DAYS,
  isFiltering,
  type ListFilters,
  normalizeListFilters,
  STATUSES,
  type Status,
} from '@resale-kit/core';
import { useId } from 'react';
import type { ChoiceItem } from '../forms/ChoiceList.js';
import { DEFAULT_FILTERS_STRINGS, type OpportunityFiltersI18nStrings } from '../i18n/components.js';
import { useMessages } from '../i18n/useMessages.js';

export interface OpportunityFiltersProps {
  /** The filters (controlled), core's `ListFilters`: the same object the list API takes. */
  value: ListFilters;
  /**
   * Every change, in core's canonical form (`normalizeListFilters`). Text arrives on every
   * keystroke: debounce the request, not the field.
   */
  onChange: (value: ListFilters) => void;
  /** The products to filter by, as `{ id, name }`. */
  products?: readonly ChoiceItem[];
  /** The resellers to filter by; leave undefined to hide the filter (a reseller sees only itself). */
  resellers?: readonly ChoiceItem[];
  /** The "expires within" choices, in days. Default: 7, 30 (the summary card's window), 90. */
  expiringOptions?: readonly number[];
  /** Disables every control (e.g. while the first page loads). */
  disabled?: boolean;
  /** Strings to override; English by default (`FILTERS_STRINGS_DE` for German). */
  i18nStrings?: Partial<OpportunityFiltersI18nStrings>;
  /** Extra class names for the root element. */
  className?: string;
}

const DEFAULT_EXPIRING = [7, EXPIRING_WINDOW_DAYS, 90];

/**
 * The filter bar above the opportunities table: free text (name or id), status (several),
 * product, reseller and "expires within N days", with Clear filters. Controlled: the value is
 * core's ListFilters, so it goes to the API, the URL codec and the summary cards unchanged.
 */
export function OpportunityFilters(props: OpportunityFiltersProps) {
  const { value, disabled } = props;
  const s = useMessages(DEFAULT_FILTERS_STRINGS, props.i18nStrings);
  const id = useId();
  const update = (patch: Partial<ListFilters>) =>
    props.onChange(normalizeListFilters({ ...value, ...patch }));
  const statuses = value.status ?? [];
  const toggleStatus = (status: Status, on: boolean) =>
    update({
      status: on ? [...statuses, status] : statuses.filter((x) => x !== status),
    });
  const expiring = [...new Set([...(props.expiringOptions ?? DEFAULT_EXPIRING)])];
  if (value.expiringWithinDays !== undefined && !expiring.includes(value.expiringWithinDays))
    expiring.push(value.expiringWithinDays);
  expiring.sort((a, b) => a - b);

  return (
    <search
      aria-label={s.label}
      className={`rk-root rk-filters${props.className ? ` ${props.className}` : ''}`}
    >
      <div className="rk-field rk-filter-text">
        <label htmlFor={`${id}-q`} className="rk-field-label">
          {s.text}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          className="rk-input"
          placeholder={s.textPlaceholder}
          value={value.q ?? ''}
          disabled={disabled}
          // Not normalized: trimming while typing would eat the space before the next word.
          onChange={(e) => props.onChange({ ...value, q: e.target.value || undefined })}
        />
      </div>
      <fieldset className="rk-field" disabled={disabled}>
        <legend className="rk-field-label">{s.status}</legend>
        <div className="rk-chips">
          {STATUSES.map((status) => (
            <label key={status}>
              <input
                type="checkbox"
                checked={statuses.includes(status)}
                onChange={(e) => toggleStatus(status, e.target.checked)}
              />
              {s.statusLabels[status]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="rk-field">
        <label htmlFor={`${id}-product`} className="rk-field-label">
          {s.product}
        </label>
        <select
          id={`${id}-product`}
          className="rk-input"
          value={value.productId ?? ''}
          disabled={disabled}
          onChange={(e) => update({ productId: e.target.value || undefined })}
        >
          <option value="">{s.allProducts}</option>
          {props.products?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {props.resellers && (
        <div className="rk-field">
          <label htmlFor={`${id}-reseller`} className="rk-field-label">
            {s.reseller}
          </label>
          <select
            id={`${id}-reseller`}
            className="rk-input"
            value={value.resellerId ?? ''}
            disabled={disabled}
            onChange={(e) => update({ resellerId: e.target.value || undefined })}
          >
            <option value="">{s.allResellers}</option>
            {props.resellers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="rk-field">
        <label htmlFor={`${id}-expiring`} className="rk-field-label">
          {s.expiring}
        </label>
        <select
          id={`${id}-expiring`}
          className="rk-input"
          value={value.expiringWithinDays ?? ''}
          disabled={disabled}
          onChange={(e) =>
            update({
              expiringWithinDays: e.target.value === '' ? undefined : Number(e.target.value),
            })
          }
        >
          <option value="">{s.expiringAny}</option>
          {expiring.map((days) => (
            <option key={days} value={days}>
              {s.expiringWithin(days)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="rk-button"
        disabled={disabled || !isFiltering(value)}
        onClick={() => props.onChange({})}
      >
        {s.clear}
      </button>
    </search>
  );
}
