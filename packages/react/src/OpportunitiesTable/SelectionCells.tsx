import type { Opportunity } from '@resale-kit/core';
import { useEffect, useRef } from 'react';

/** The checkbox (multi) or radio button (single) that selects one row. */
export function SelectionCell(props: {
  type: 'single' | 'multi';
  name: string;
  checked: boolean;
  label: string;
  onToggle: () => void;
}) {
  return (
    <td className="rk-select-cell">
      <input
        type={props.type === 'single' ? 'radio' : 'checkbox'}
        name={props.type === 'single' ? props.name : undefined}
        checked={props.checked}
        aria-label={props.label}
        onChange={props.onToggle}
      />
    </td>
  );
}

/** The header cell: a "select all on this page" checkbox for multi selection, else empty. */
export function SelectAllCell(props: {
  type: 'single' | 'multi';
  items: readonly Opportunity[];
  selectedKeys: ReadonlySet<string>;
  getKey: (o: Opportunity) => string;
  label: string;
  onToggleAll: () => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const count = props.items.filter((o) => props.selectedKeys.has(props.getKey(o))).length;
  const all = count > 0 && count === props.items.length;
  const some = count > 0 && !all;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  if (props.type === 'single') {
    return <td className="rk-select-cell" />;
  }
  return (
    <th scope="col" className="rk-select-cell">
      <input
        ref={ref}
        type="checkbox"
        checked={all}
        disabled={props.items.length === 0}
        aria-label={props.label}
        onChange={props.onToggleAll}
      />
    </th>
  );
}
