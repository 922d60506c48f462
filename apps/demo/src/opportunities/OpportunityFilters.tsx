import {
  isFiltering,
  type ListFilters,
  type ListView,
  STATUS_LABELS,
  STATUSES,
  type Status,
} from '@resale-kit/core';
import { useResale } from '@resale-kit/sdk/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';

export interface OpportunityFiltersProps {
  view: ListView;
  onViewChange: (view: ListView) => void;
  /** Resellers see only themselves: the reseller filter is for ISV users. */
  showResellerFilter: boolean;
}

/** The filter bar above the table: text, status (several), product, reseller. */
export function OpportunityFilters({
  view,
  onViewChange,
  showResellerFilter,
}: OpportunityFiltersProps) {
  const resale = useResale();
  const products = useQuery(resale.products.list.queryOptions());
  const resellers = useQuery({
    ...resale.resellers.list.queryOptions(),
    enabled: showResellerFilter,
  });
  const id = useId();
  const state = view.filters;
  const q = state.q ?? '';
  const [text, setText] = useState(q);
  // A filter change shows its first page.
  const update = (patch: Partial<ListFilters>) =>
    onViewChange({ ...view, filters: { ...state, ...patch }, cursor: null, page: 1 });

  // Follow the URL (Back, Clear filters), and push typing to it after a short pause.
  useEffect(() => setText(q), [q]);
  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(
      () => onViewChange({ ...view, filters: { ...state, q: text }, cursor: null, page: 1 }),
      300,
    );
    return () => clearTimeout(timer);
  }, [text, q, view, state, onViewChange]);

  const status = state.status ?? [];
  const toggleStatus = (s: Status, on: boolean) => {
    const next = on ? [...status, s] : status.filter((x) => x !== s);
    update({ status: STATUSES.filter((x) => next.includes(x)), expiringWithinDays: undefined });
  };

  return (
    <search className="demo-filters">
      <div className="demo-filter demo-filter--text">
        <label htmlFor={`${id}-q`}>Find opportunities</label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder="Name or Opportunity ID"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <fieldset className="demo-filter demo-filter--status">
        <legend>Status</legend>
        <div className="demo-chips">
          {STATUSES.map((s) => (
            <label key={s} className="demo-chip">
              <input
                type="checkbox"
                checked={status.includes(s)}
                onChange={(e) => toggleStatus(s, e.target.checked)}
              />
              {STATUS_LABELS[s]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="demo-filter">
        <label htmlFor={`${id}-product`}>Product</label>
        <select
          id={`${id}-product`}
          value={state.productId ?? ''}
          onChange={(e) => update({ productId: e.target.value || undefined })}
        >
          <option value="">All products</option>
          {products.data?.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {showResellerFilter && (
        <div className="demo-filter">
          <label htmlFor={`${id}-reseller`}>Reseller</label>
          <select
            id={`${id}-reseller`}
            value={state.resellerId ?? ''}
            onChange={(e) => update({ resellerId: e.target.value || undefined })}
          >
            <option value="">All resellers</option>
            {resellers.data?.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="demo-filter demo-filter--actions">
        {state.expiringWithinDays !== undefined && (
          <span className="demo-token">Expiring within {state.expiringWithinDays} days</span>
        )}
        <button
          type="button"
          className="rk-button"
          disabled={!isFiltering(state)}
          onClick={() => onViewChange({ ...view, filters: {}, cursor: null, page: 1 })}
        >
          Clear filters
        </button>
      </div>
      {(products.error || resellers.error) && (
        <p className="demo-inline-error" role="alert">
          The filter lists could not be loaded:{' '}
          {(products.error ?? resellers.error)?.message ?? 'unknown error'}
        </p>
      )}
    </search>
  );
}
