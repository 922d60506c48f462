import { canDeactivate, type Opportunity } from '@resale-kit/core';
import type { TableMessages } from '../i18n/messages.js';
import type { OpportunitiesTableProps } from './types.js';

type ActionProps = Pick<
  OpportunitiesTableProps,
  'onDeactivate' | 'onClone' | 'onViewDetails' | 'onCreate' | 'actions'
> & { selected: Opportunity[]; now: Date; messages: TableMessages };

/**
 * Deactivate, Clone, View details and Create opportunity. Each shows when its handler is set;
 * Deactivate enables when a selected item may be deactivated (core's `canDeactivate`), Clone and
 * View details with exactly one item selected.
 */
export function TableActions(props: ActionProps) {
  const { selected, now, messages: m, onDeactivate, onClone, onViewDetails, onCreate } = props;
  const single = selected.length === 1 ? selected[0] : undefined;
  const deactivatable = selected.some((o) => canDeactivate(o, now).ok);
  return (
    <div className="rk-actions">
      {onDeactivate && (
        <button
          type="button"
          className="rk-button"
          disabled={!deactivatable}
          onClick={() => onDeactivate(selected)}
        >
          {m.deactivate}
        </button>
      )}
      {onClone && (
        <button
          type="button"
          className="rk-button"
          disabled={!single}
          onClick={() => single && onClone(single)}
        >
          {m.clone}
        </button>
      )}
      {onViewDetails && (
        <button
          type="button"
          className="rk-button"
          disabled={!single}
          onClick={() => single && onViewDetails(single)}
        >
          {m.viewDetails}
        </button>
      )}
      {props.actions?.(selected)}
      {onCreate && (
        <button type="button" className="rk-button rk-button--primary" onClick={onCreate}>
          {m.createOpportunity}
        </button>
      )}
    </div>
  );
}
