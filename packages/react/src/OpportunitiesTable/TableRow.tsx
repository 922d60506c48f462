import type { Opportunity } from '@resale-kit/core';
import { memo } from 'react';
import { SelectionCell } from './SelectionCells.js';
import type { CellContext, ColumnDefinition } from './types.js';

export interface TableRowProps {
  item: Opportunity;
  /** `aria-rowindex` (1-based, the header row is 1) when the table is virtualized. */
  ariaRowIndex: number | undefined;
  selected: boolean;
  columns: readonly ColumnDefinition[];
  rowHeader: ColumnDefinition | undefined;
  context: CellContext;
  selectionType: 'single' | 'multi' | undefined;
  radioName: string;
  onToggle: (item: Opportunity) => void;
}

/**
 * One data row. Memoized: when the virtual window moves, the rows that stay are not rendered
 * again (their props are stable until the selection, the columns or the context change).
 */
export const TableRow = /* @__PURE__ */ memo(function TableRow(props: TableRowProps) {
  const { item, columns, rowHeader, context, selectionType } = props;
  return (
    <tr
      className={props.selected ? 'rk-row rk-row--selected' : 'rk-row'}
      aria-rowindex={props.ariaRowIndex}
    >
      {selectionType && (
        <SelectionCell
          type={selectionType}
          name={props.radioName}
          checked={props.selected}
          label={context.messages.selectRow(item.name)}
          onToggle={() => props.onToggle(item)}
        />
      )}
      {columns.map((column) =>
        column === rowHeader ? (
          <th key={column.id} scope="row">
            {column.cell(item, context)}
          </th>
        ) : (
          <td key={column.id}>{column.cell(item, context)}</td>
        ),
      )}
    </tr>
  );
});

/** Stands for `rows` rows that are not rendered, so the table keeps its full height. */
export function SpacerRow({
  rows,
  rowHeight,
  colSpan,
}: {
  rows: number;
  rowHeight: number;
  colSpan: number;
}) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row holds one empty cell, nothing focusable; assistive technology counts rows by aria-rowcount / aria-rowindex instead
    <tr className="rk-spacer" aria-hidden="true">
      <td colSpan={colSpan} style={{ height: rows * rowHeight }} />
    </tr>
  );
}
