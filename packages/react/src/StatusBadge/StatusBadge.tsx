import type { Status } from '@resale-kit/core';
import { DEFAULT_STATUS_MESSAGES, type StatusMessages } from '../i18n/messages.js';
import { StatusIcon } from './StatusIcon.js';

export interface StatusBadgeProps {
  /** The opportunity's status, as derived by core (`deriveStatus`) or returned by the API. */
  status: Status;
  /** Labels per status; English ("Active", "Expired", "Restricted", "Complete") by default. */
  messages?: Partial<StatusMessages>;
  /** Extra class names for the badge element. */
  className?: string;
}

/** An opportunity's status as an icon plus its text, never colour alone. */
export function StatusBadge({ status, messages, className }: StatusBadgeProps) {
  const label = messages?.[status] ?? DEFAULT_STATUS_MESSAGES[status];
  return (
    <span className={`rk-status rk-status--${status}${className ? ` ${className}` : ''}`}>
      <StatusIcon status={status} />
      <span className="rk-status-label">{label}</span>
    </span>
  );
}
