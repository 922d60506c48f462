import type { ColumnDefinition, SortingState } from './types.js';

/** The next sort when a header is activated: the same field flips, another field starts ascending. */
export function nextSorting(
  current: SortingState | null,
  field: SortingState['field'],
): SortingState {
  if (current?.field === field) {
    return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  }
  return { field, direction: 'asc' };
}

/** A column header; a sort button with `aria-sort` when the column has a `sortingField`. */
export function SortableHeader({
  column,
  sorting,
  onSort,
}: {
  column: ColumnDefinition;
  sorting: SortingState | null;
  onSort: ((field: SortingState['field']) => void) | undefined;
}) {
  const field = column.sortingField;
  const sorted = field !== undefined && sorting?.field === field ? sorting.direction : undefined;
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
  return (
    <th scope="col" aria-sort={field && onSort ? ariaSort : undefined}>
      {field && onSort ? (
        <button type="button" className="rk-sort" onClick={() => onSort(field)}>
          {column.header}
          <svg
            className={`rk-sort-icon${sorted ? ` rk-sort-icon--${sorted}` : ''}`}
            viewBox="0 0 16 16"
            width="12"
            height="12"
            aria-hidden="true"
            focusable="false"
          >
            <path
              d={
                sorted === 'desc'
                  ? 'M4 6l4 4 4-4'
                  : sorted === 'asc'
                    ? 'M4 10l4-4 4 4'
                    : 'M5 6.5l3-3 3 3M5 9.5l3 3 3-3'
              }
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
            />
          </svg>
        </button>
      ) : (
        column.header
      )}
    </th>
  );
}
