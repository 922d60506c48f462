import { type FocusEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react';
import { formatNumber } from '../i18n/format.js';
import { DEFAULT_TABLE_MESSAGES } from '../i18n/messages.js';
import { useMessages } from '../i18n/useMessages.js';
import { useControllableState } from '../state/useControllableState.js';
import { DEFAULT_COLUMN_IDS, defaultColumnDefinitions } from './defaultColumns.js';
import { SelectAllCell } from './SelectionCells.js';
import { nextSorting, SortableHeader } from './SortableHeader.js';
import { TableActions } from './TableActions.js';
import { TablePagination } from './TablePagination.js';
import { SpacerRow, TableRow } from './TableRow.js';
import { Spinner, StateRow } from './TableStates.js';
import type { CellContext, OpportunitiesTableProps, SortingState } from './types.js';
import { useCopy } from './useCopy.js';
import { useSelection } from './useSelection.js';
import { useVirtualRows, VIRTUALIZE_THRESHOLD } from './useVirtualRows.js';

/** The width of a column whose definition has none. */
const DEFAULT_COLUMN_WIDTH = '10rem';

/**
 * The "Opportunities (N)" table of the Partners page. It shows the items it is given, in the
 * order it is given them: sorting, filtering and paging happen on the server, driven by the
 * events this component reports.
 */
export function OpportunitiesTable(props: OpportunitiesTableProps) {
  const { items, selectionType, loading = false, error, locale = 'en-US' } = props;
  const messages = useMessages(DEFAULT_TABLE_MESSAGES, props.messages);
  const now = useMemo(() => props.now ?? new Date(), [props.now]);
  const headingId = useId();
  const radioName = useId();
  const selection = useSelection(props);
  const { announcement, copy } = useCopy(messages);

  const [sorting, setSorting] = useControllableState<SortingState | null>(
    props.sorting,
    props.defaultSorting ?? null,
    undefined,
  );
  const onSort = (field: SortingState['field']) => {
    const next = nextSorting(sorting, field);
    setSorting(next, undefined);
    props.onSortingChange?.(next);
  };

  const columns = useMemo(() => {
    const all = props.columnDefinitions ?? defaultColumnDefinitions(messages);
    const ids = props.visibleColumns ?? (props.columnDefinitions ? undefined : DEFAULT_COLUMN_IDS);
    if (!ids) return all;
    return ids.flatMap((id) => all.filter((c) => c.id === id));
  }, [props.columnDefinitions, props.visibleColumns, messages]);

  const context = useMemo<CellContext>(
    () => ({ locale, now, messages, copy }),
    [locale, now, messages, copy],
  );
  const rowHeader = useMemo(() => columns.find((c) => c.isRowHeader), [columns]);
  const colSpan = columns.length + (selectionType ? 1 : 0);
  // Not known yet (the first load): a placeholder, never a 0 that is not true.
  const countUnknown = props.totalCount === undefined && loading;
  const total = props.totalCount ?? items.length;
  const selectedCount = selection.selected.length;
  const totalText = countUnknown ? '…' : formatNumber(total, locale);
  const counter = selectedCount
    ? `(${formatNumber(selectedCount, locale)}/${totalText})`
    : `(${totalText})`;
  const Heading = `h${props.headingLevel ?? 2}` as const;

  // Loading with items: the previous page stays visible, marked busy, until the next arrives.
  const busy = !error && loading && items.length > 0;
  const showsRows = !error && items.length > 0;
  const { virtualize = 'auto' } = props;
  const virtualized =
    showsRows && (virtualize === 'auto' ? items.length > VIRTUALIZE_THRESHOLD : virtualize);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const view = useVirtualRows({
    count: items.length,
    enabled: virtualized,
    bodyRef,
    scrollContainer: props.scrollContainer,
  });
  // The row holding the focus, kept rendered while it does (see `keep` below).
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const onBodyFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const index = Number(event.target.closest('tr')?.getAttribute('aria-rowindex')) - 2;
    const item = items[index];
    setFocusedKey(item ? selection.getKey(item) : null);
  };
  const onBodyBlur = (event: FocusEvent<HTMLTableSectionElement>) => {
    // Once the focus has settled: out of the rows, the row may go; a window that lost the
    // focus keeps its active element, so the row stays for when it comes back.
    const rows = event.currentTarget;
    setTimeout(() => {
      if (!rows.contains(document.activeElement)) setFocusedKey(null);
    });
  };

  let body: ReactNode;
  if (error) {
    body = (
      <StateRow colSpan={colSpan}>
        <div role="alert" className="rk-state-error">
          <strong>{error === true ? messages.error : error}</strong>
        </div>
        {props.onRetry && (
          <button type="button" className="rk-button" onClick={props.onRetry}>
            {messages.retry}
          </button>
        )}
      </StateRow>
    );
  } else if (loading && items.length === 0) {
    body = (
      <StateRow colSpan={colSpan}>
        <div role="status" className="rk-state-loading">
          <Spinner />
          {props.loadingText ?? messages.loading}
        </div>
      </StateRow>
    );
  } else if (items.length === 0 && props.filteringActive) {
    body = (
      <StateRow colSpan={colSpan}>
        {props.noMatch ?? (
          <>
            <strong>{messages.noMatch}</strong>
            <p>{messages.noMatchDescription}</p>
            {props.onClearFilter && (
              <button type="button" className="rk-button" onClick={props.onClearFilter}>
                {messages.clearFilter}
              </button>
            )}
          </>
        )}
      </StateRow>
    );
  } else if (items.length === 0) {
    body = (
      <StateRow colSpan={colSpan}>
        {props.empty ?? (
          <>
            <strong>{messages.empty}</strong>
            <p>{messages.emptyDescription}</p>
            {props.onCreate && (
              <button type="button" className="rk-button" onClick={props.onCreate}>
                {messages.createOpportunity}
              </button>
            )}
          </>
        )}
      </StateRow>
    );
  } else {
    // Rows kept outside the window: the focused row with its neighbours (Tab, Shift+Tab and
    // the arrow keys of a radio group reach the next row in the page, not the window's edge),
    // and the checked radio (Tab into the group lands on it).
    const keep = new Set<number>();
    const indexOf = (key: string | null) =>
      virtualized && key ? items.findIndex((o) => selection.getKey(o) === key) : -1;
    const focused = indexOf(focusedKey);
    const checkedRadio = selectionType === 'single' ? selection.selected[0] : undefined;
    const checked = indexOf(checkedRadio ? selection.getKey(checkedRadio) : null);
    for (const index of focused >= 0 ? [focused - 1, focused, focused + 1, checked] : [checked]) {
      const inWindow = index >= view.start && index < view.end;
      if (index >= 0 && index < items.length && !inWindow) keep.add(index);
    }
    const indices = [...keep];
    for (let i = view.start; i < view.end; i++) indices.push(i);
    if (keep.size) indices.sort((a, b) => a - b);
    const rows: ReactNode[] = [];
    let next = 0; // the first row neither rendered nor stood for by a spacer yet
    const spacer = (to: number) => {
      if (to > next) {
        rows.push(
          <SpacerRow
            key={`rk-gap-${next}`}
            rows={to - next}
            rowHeight={view.rowHeight}
            colSpan={colSpan}
          />,
        );
      }
    };
    for (const index of indices) {
      const item = items[index] as (typeof items)[number];
      const key = selection.getKey(item);
      spacer(index);
      rows.push(
        <TableRow
          key={key}
          item={item}
          ariaRowIndex={virtualized ? index + 2 : undefined}
          selected={selection.selectedKeys.has(key)}
          columns={columns}
          rowHeader={rowHeader}
          context={context}
          selectionType={selectionType}
          radioName={radioName}
          onToggle={selection.toggle}
        />,
      );
      next = index + 1;
    }
    spacer(items.length);
    body = rows;
  }

  return (
    <div className={`rk-root rk-table${props.className ? ` ${props.className}` : ''}`}>
      <div className="rk-table-header">
        <Heading id={headingId} className="rk-table-title">
          {messages.title}{' '}
          <span className="rk-counter">
            {countUnknown ? (
              <>
                <span aria-hidden="true">{counter}</span>
                <span className="rk-visually-hidden">{messages.countLoading}</span>
              </>
            ) : (
              counter
            )}
          </span>
        </Heading>
        <TableActions {...props} selected={selection.selected} now={now} messages={messages} />
      </div>
      {props.filter && <div className="rk-table-filter">{props.filter}</div>}
      <div className="rk-table-tools">
        <span role="status" className="rk-announce">
          {announcement || (busy ? messages.busy : '')}
        </span>
        <TablePagination {...props} messages={messages} disabled={loading} />
      </div>
      {props.notice && (
        <div role="status" className="rk-table-notice">
          {props.notice === true ? messages.cursorRestarted : props.notice}
        </div>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it */}
      <section className="rk-table-scroll" tabIndex={0} aria-labelledby={headingId}>
        <table
          className={`rk-table-grid${busy ? ' rk-table-busy' : ''}`}
          aria-labelledby={headingId}
          aria-busy={loading || undefined}
          aria-rowcount={virtualized ? items.length + 1 : undefined}
        >
          <colgroup>
            {selectionType && <col className="rk-select-col" />}
            {columns.map((column) => (
              <col key={column.id} style={{ width: column.width ?? DEFAULT_COLUMN_WIDTH }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={virtualized ? 1 : undefined}>
              {selectionType && (
                <SelectAllCell
                  type={selectionType}
                  items={items}
                  selectedKeys={selection.selectedKeys}
                  getKey={selection.getKey}
                  label={messages.selectAll}
                  onToggleAll={() => selection.toggleAll(items)}
                />
              )}
              {columns.map((column) => (
                <SortableHeader
                  key={column.id}
                  column={column}
                  sorting={sorting}
                  onSort={props.onSortingChange ? onSort : undefined}
                />
              ))}
            </tr>
          </thead>
          <tbody
            ref={bodyRef}
            onFocus={virtualized ? onBodyFocus : undefined}
            onBlur={virtualized ? onBodyBlur : undefined}
          >
            {body}
          </tbody>
        </table>
      </section>
    </div>
  );
}
