import { useCallback, useMemo, useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const browserSearch = () => window.location.search;
// Server rendering has no location: the default view.
const serverSearch = () => '';

/**
 * The page's query string as `URLSearchParams`, for an app without a router: setting it adds a
 * history entry (Back returns to the previous view); Back and Forward update it.
 */
export function useLocationSearchParams(): [URLSearchParams, (params: URLSearchParams) => void] {
  const search = useSyncExternalStore(subscribe, browserSearch, serverSearch);
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback((next: URLSearchParams) => {
    const query = next.toString();
    const { pathname, hash } = window.location;
    window.history.pushState(null, '', `${pathname}${query ? `?${query}` : ''}${hash}`);
    for (const listener of listeners) listener();
  }, []);
  return [params, setParams];
}
