import type { Opportunity, SortDirection, SortField } from '@resale-kit/core';
import type { ReactNode, RefObject } from 'react';
import type { TableMessages } from '../i18n/messages.js';

/** What a cell renderer gets besides the item. */
export interface CellContext {
  /** The BCP 47 locale the table formats with. */
  locale: string;
  /** The instant "Created" is relative to and the guards are evaluated at. */
  now: Date;
  /** The table's strings. */
  messages: TableMessages;
  /** Copies a text to the clipboard and announces the result. */
  copy: (text: string) => void;
}

/** One column of the table, in the spirit of Cloudscape's `columnDefinitions`. */
export interface ColumnDefinition<T = Opportunity> {
  /** A stable id, used by `visibleColumns`. */
  id: string;
  /** The header content. */
  header: ReactNode;
  /** Renders the cell for one item. */
  cell: (item: T, context: CellContext) => ReactNode;
  /** When set, the header is a sort button reporting this field through `onSortingChange`. */
  sortingField?: SortField;
  /** Renders the cell as the row's header (`<th scope="row">`); the first such column names the row. */
  isRowHeader?: boolean;
  /**
   * The column's CSS width, e.g. `'12rem'`; `'10rem'` when omitted. The table lays out with
   * `table-layout: fixed`: columns keep these widths (wider tables share the extra space in
   * proportion), and what does not fit is cut with an ellipsis.
   */
  width?: string;
}

/** The sort the data is in: the table shows items in the order it is given them. */
export interface SortingState {
  /** The field sorted on. */
  field: SortField;
  /** Ascending or descending. */
  direction: SortDirection;
}

/** Detail of a selection change. */
export interface SelectionChangeDetail {
  /** The items selected after the change. */
  selectedItems: Opportunity[];
}

export interface OpportunitiesTableProps {
  /** The rows of the current page, already filtered, sorted and paged by the server. */
  items: readonly Opportunity[];
  /** The columns; the announcement's eight by default (see `DEFAULT_COLUMN_DEFINITIONS`). */
  columnDefinitions?: readonly ColumnDefinition[];
  /**
   * Ids of the columns to show, in order. Default: all columns of `columnDefinitions` when
   * given, else the eight of `DEFAULT_COLUMN_IDS` (add `'endDate'` for "Expires", or use
   * `visibleColumnsForFilter`).
   */
  visibleColumns?: readonly string[];
  /** How to identify an item across renders and pages: a property name or a function. Default `'id'`. */
  trackBy?: keyof Opportunity | ((item: Opportunity) => string);
  /** `'single'` (radio buttons) or `'multi'` (checkboxes); no selection when omitted. */
  selectionType?: 'single' | 'multi';
  /** The selected items (controlled). Leave undefined for an uncontrolled selection. */
  selectedItems?: readonly Opportunity[];
  /** The initial selection when uncontrolled. */
  defaultSelectedItems?: readonly Opportunity[];
  /** Called with the new selection whenever the user changes it. */
  onSelectionChange?: (detail: SelectionChangeDetail) => void;
  /**
   * The number of opportunities across all pages, shown as "Opportunities (N)" and used for
   * page numbers. While it is undefined and `loading`, the counter shows a placeholder, not 0.
   */
  totalCount?: number;
  /** The sort the items are in (controlled). Uncontrolled when undefined: see `defaultSorting`. */
  sorting?: SortingState | null;
  /** The initial sort indicator when `sorting` is uncontrolled. */
  defaultSorting?: SortingState | null;
  /** Called when the user asks for another sort; fetch the sorted data and pass it back as `items`. */
  onSortingChange?: (sorting: SortingState) => void;
  /** Enables "< Previous". */
  hasPreviousPage?: boolean;
  /** Enables "Next >". */
  hasNextPage?: boolean;
  /** Called by "< Previous". */
  onPreviousPage?: () => void;
  /** Called by "Next >". */
  onNextPage?: () => void;
  /** The 1-based number of the page shown; with `totalCount` and `pageSize` the pager shows page numbers. */
  currentPage?: number;
  /** Rows per page, to compute the page count from `totalCount`. */
  pageSize?: number;
  /** Called with a page number when the user picks one; without it page numbers are shown as text. */
  onPageChange?: (page: number) => void;
  /**
   * A fetch is under way. Without items: the loading state instead of rows. With items (the
   * previous page while the next one loads): the rows stay visible, dimmed and marked
   * `aria-busy`, and paging waits until the new items arrive.
   */
  loading?: boolean;
  /** Overrides the loading text. */
  loadingText?: string;
  /** An error to show instead of rows (true for the default message). */
  error?: ReactNode;
  /** Called by the error state's "Retry" button; the button is hidden without it. */
  onRetry?: () => void;
  /**
   * A notice above the rows, announced politely: e.g. that a page link (a cursor) no longer
   * worked and the list restarted at the first page. `true` shows `messages.cursorRestarted`.
   */
  notice?: ReactNode;
  /** Whether a filter is applied: an empty page then shows "No matches" instead of "No opportunities". */
  filteringActive?: boolean;
  /** Called by the no-match state's "Clear filter" button. */
  onClearFilter?: () => void;
  /** Replaces the empty state's content. */
  empty?: ReactNode;
  /** Replaces the no-match state's content. */
  noMatch?: ReactNode;
  /** A filter bar shown between the header and the rows. */
  filter?: ReactNode;
  /** Extra actions rendered after the built-in buttons; receives the selection. */
  actions?: (selectedItems: Opportunity[]) => ReactNode;
  /** Deactivate the selected items; the button shows when set and enables when a selected item is Active (core's `canDeactivate`). */
  onDeactivate?: (items: Opportunity[]) => void;
  /** Clone the selected item; the button shows when set and enables with exactly one item selected. */
  onClone?: (item: Opportunity) => void;
  /** Show the selected item; the button shows when set and enables with exactly one item selected. */
  onViewDetails?: (item: Opportunity) => void;
  /** Create an opportunity; the primary button shows when set. */
  onCreate?: () => void;
  /**
   * Row virtualization: render only the rows in and near the viewport (plus the row holding the
   * focus), with spacers for the others, so a page of thousands of rows mounts and scrolls like a
   * page of thirty. `'auto'` (default) virtualizes above 100 items, `true` always, `false` never
   * (every row is in the DOM: find-in-page and printing see them all).
   */
  virtualize?: boolean | 'auto';
  /**
   * The element that scrolls the table vertically when it is not the window (a panel with a
   * fixed height and `overflow: auto`): only the rows inside it are rendered. Default: the window.
   */
  scrollContainer?: RefObject<HTMLElement | null>;
  /** The heading level of the title. Default 2. */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
  /** The instant "Created" and the guards are relative to. Default: the time of render. */
  now?: Date;
  /** The BCP 47 locale for numbers, percents and dates. Default `'en-US'`. */
  locale?: string;
  /** Strings to override; English by default. */
  messages?: Partial<TableMessages>;
  /** Extra class names for the root element. */
  className?: string;
}
