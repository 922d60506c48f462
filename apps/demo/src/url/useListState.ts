import { useCallback, useSyncExternalStore } from 'react';
import { EMPTY_LIST_STATE, type ListState, parseListState, serializeListState } from './listState';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const getSearch = () => window.location.search;

export interface UpdateOptions {
  /** Replace the history entry instead of adding one (typing in the search box). */
  replace?: boolean;
}

/**
 * The table's filters, sort and page, read from and written to the query string, so a link or a
 * reload shows the same page and Back goes to the previous one.
 */
export function useListState(): {
  state: ListState;
  /** Applies a change; a change to filters or sort goes back to the first page. */
  update: (patch: Partial<ListState>, options?: UpdateOptions) => void;
  /** Clears every filter, keeping the sort. */
  clearFilters: () => void;
} {
  const search = useSyncExternalStore(subscribe, getSearch, getSearch);
  const state = parseListState(search);

  const update = useCallback((patch: Partial<ListState>, options: UpdateOptions = {}) => {
    const current = parseListState(window.location.search);
    const paging = 'cursor' in patch || 'page' in patch;
    const next: ListState = { ...current, ...patch };
    if (!paging) {
      next.cursor = null;
      next.page = 1;
    }
    const url = `${window.location.pathname}${serializeListState(next)}${window.location.hash}`;
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    for (const listener of listeners) listener();
  }, []);

  const clearFilters = useCallback(() => {
    const { sort } = parseListState(window.location.search);
    update({ ...EMPTY_LIST_STATE, sort });
  }, [update]);

  return { state, update, clearFilters };
}
