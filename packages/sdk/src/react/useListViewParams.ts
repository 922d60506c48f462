import { formatListView, type ListView, parseListView } from '@resale-kit/core';
import { useCallback, useMemo, useRef } from 'react';

/**
 * The table's view kept in URL parameters, for any router: give it the current parameters and
 * a way to set them (`useSearchParams()` and `router.push` in Next.js, `useLocationSearchParams`
 * without a router); it returns the view and its setter, like `useState`. Parsing and writing
 * are core's `parseListView` / `formatListView`: a hand-edited link never fails, defaults stay
 * out of the URL.
 */
export function useListViewParams(
  params: URLSearchParams,
  onParamsChange: (params: URLSearchParams) => void,
): [ListView, (view: ListView) => void] {
  const search = params.toString();
  // One object per distinct URL: effects that depend on the view run when it changes only.
  const view = useMemo(() => parseListView(new URLSearchParams(search)), [search]);
  const latest = useRef(onParamsChange);
  latest.current = onParamsChange;
  const setView = useCallback((next: ListView) => latest.current(formatListView(next)), []);
  return [view, setView];
}
