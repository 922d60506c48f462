import type { Opportunity } from '@resale-kit/core';
import { useCallback, useMemo } from 'react';
import { useControllableState } from '../state/useControllableState.js';
import type { OpportunitiesTableProps } from './types.js';

/** Turns `trackBy` into a function from item to key. */
export function keyOf(trackBy: OpportunitiesTableProps['trackBy']): (o: Opportunity) => string {
  if (typeof trackBy === 'function') return trackBy;
  const field = trackBy ?? 'id';
  return (o) => String(o[field]);
}

/** Controlled or uncontrolled selection, keyed by `trackBy`. */
export function useSelection(
  props: Pick<
    OpportunitiesTableProps,
    'selectedItems' | 'defaultSelectedItems' | 'onSelectionChange' | 'trackBy' | 'selectionType'
  >,
) {
  const { selectedItems, defaultSelectedItems, onSelectionChange, trackBy, selectionType } = props;
  const getKey = useMemo(() => keyOf(trackBy), [trackBy]);
  const onChange = useMemo(
    () =>
      onSelectionChange &&
      ((next: readonly Opportunity[]) =>
        onSelectionChange({ selectedItems: next as Opportunity[] })),
    [onSelectionChange],
  );
  const [selected, setSelectedState] = useControllableState<readonly Opportunity[]>(
    selectedItems,
    defaultSelectedItems ?? [],
    onChange,
  );
  const selectedKeys = useMemo(() => new Set(selected.map(getKey)), [selected, getKey]);
  const setSelected = useCallback(
    (next: Opportunity[]) => setSelectedState(next, undefined),
    [setSelectedState],
  );

  const toggle = useCallback(
    (item: Opportunity) => {
      const key = getKey(item);
      if (selectionType === 'single') {
        setSelected([item]);
      } else if (selectedKeys.has(key)) {
        setSelected(selected.filter((o) => getKey(o) !== key));
      } else {
        setSelected([...selected, item]);
      }
    },
    [getKey, selectionType, selected, selectedKeys, setSelected],
  );

  /** Selects every item of the page, or clears them when all are already selected. */
  const toggleAll = useCallback(
    (items: readonly Opportunity[]) => {
      const pageKeys = new Set(items.map(getKey));
      const allSelected = items.length > 0 && items.every((o) => selectedKeys.has(getKey(o)));
      const rest = selected.filter((o) => !pageKeys.has(getKey(o)));
      setSelected(allSelected ? rest : [...rest, ...items]);
    },
    [getKey, selected, selectedKeys, setSelected],
  );

  return { selected: selected as Opportunity[], selectedKeys, getKey, toggle, toggleAll };
}
