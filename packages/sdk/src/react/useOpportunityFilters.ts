import {
  type ListFilters,
  type ListView,
  normalizeListFilters,
  type Product,
  type Reseller,
} from '@resale-kit/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useResale } from './provider.js';

/** How long typing pauses before the text filter is applied (one request, not one per key). */
const TEXT_DELAY_MS = 300;

export interface UseOpportunityFiltersOptions {
  /** Offer the reseller filter (ISV users; a reseller sees only itself). Default true. */
  resellers?: boolean;
}

/** The props of `@resale-kit/react`'s `OpportunityFilters` this hook provides. */
export interface OpportunityFiltersBindings {
  value: ListFilters;
  onChange: (value: ListFilters) => void;
  products: readonly Product[];
  /** Undefined hides the reseller filter. */
  resellers: readonly Reseller[] | undefined;
}

const sameExceptText = (a: ListFilters, b: ListFilters) =>
  JSON.stringify({ ...normalizeListFilters(a), q: undefined }) ===
  JSON.stringify({ ...normalizeListFilters(b), q: undefined });

/**
 * The filter bar, connected: the products and resellers to choose from, and the view's filters.
 * A change shows its first page; typed text is applied once typing pauses, so the field follows
 * every key while the list asks the API once.
 */
export function useOpportunityFilters(
  view: ListView,
  onViewChange: (view: ListView) => void,
  options: UseOpportunityFiltersOptions = {},
): OpportunityFiltersBindings {
  const withResellers = options.resellers ?? true;
  const resale = useResale();
  const products = useQuery(resale.products.list.queryOptions());
  const resellers = useQuery({ ...resale.resellers.list.queryOptions(), enabled: withResellers });
  // Text typed but not applied yet; null when the field shows the view's own text.
  const [text, setText] = useState<string | null>(null);
  const apply = (filters: ListFilters) =>
    onViewChange({ ...view, filters: normalizeListFilters(filters), cursor: null, page: 1 });

  useEffect(() => {
    if (text === null) return;
    const timer = setTimeout(() => {
      setText(null);
      onViewChange({ ...view, filters: { ...view.filters, q: text }, cursor: null, page: 1 });
    }, TEXT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, view, onViewChange]);

  return {
    value: text === null ? view.filters : { ...view.filters, q: text },
    onChange: (next) => {
      if (sameExceptText(next, view.filters)) {
        setText(next.q ?? '');
      } else {
        setText(null);
        apply(next);
      }
    },
    products: products.data ?? [],
    resellers: withResellers ? (resellers.data ?? []) : undefined,
  };
}
