import { STATUS_LABELS, STATUSES, type Status } from '@resale-kit/core';
import { useResale } from '@resale-kit/sdk/react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { isFiltering, type ListState } from '../url/listState';
import type { UpdateOptions } from '../url/useListState';

export interface OpportunityFiltersProps {
  state: ListState;
  update: (patch: Partial<ListState>, options?: UpdateOptions) => void;
  clearFilters: () => void;
  /** Resellers see only themselves: the reseller filter is for ISV users. */
  showResellerFilter: boolean;
}

/** The filter bar above the table: text, status (several), product, reseller. */
export function OpportunityFilters({
  state,
  update,
  clearFilters,
  showResellerFilter,
}: OpportunityFiltersProps) {
  const resale = useResale();
  const products = useQuery(resale.products.list.queryOptions());
  const resellers = useQuery({
    ...resale.resellers.list.queryOptions(),
    enabled: showResellerFilter,
  });
  const id = useId();
  const [text, setText] = useState(state.q);

  // Follow the URL (Back, Clear filters), and push typing to it after a short pause.
  useEffect(() => setText(state.q), [state.q]);
  useEffect(() => {
    if (text === state.q) return;
    const timer = setTimeout(() => update({ q: text }, { replace: true }), 300);
    return () => clearTimeout(timer);
  }, [text, state.q, update]);

  const toggleStatus = (status: Status, on: boolean) => {
    const next = on ? [...state.status, status] : state.status.filter((s) => s !== status);
    update({ status: STATUSES.filter((s) => next.includes(s)), expiringWithinDays: null });
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
          {STATUSES.map((status) => (
            <label key={status} className="demo-chip">
              <input
                type="checkbox"
                checked={state.status.includes(status)}
                onChange={(e) => toggleStatus(status, e.target.checked)}
              />
              {STATUS_LABELS[status]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="demo-filter">
        <label htmlFor={`${id}-product`}>Product</label>
        <select
          id={`${id}-product`}
          value={state.productId ?? ''}
          onChange={(e) => update({ productId: e.target.value || null })}
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
            onChange={(e) => update({ resellerId: e.target.value || null })}
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
        {state.expiringWithinDays !== null && (
          <span className="demo-token">Expiring within {state.expiringWithinDays} days</span>
        )}
        <button
          type="button"
          className="rk-button"
          disabled={!isFiltering(state)}
          onClick={clearFilters}
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
