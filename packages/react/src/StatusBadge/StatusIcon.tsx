import type { Status } from '@resale-kit/core';

/** One 16x16 outline glyph per status, so the status never depends on colour alone. */
const PATHS: Record<Status, string> = {
  // a check in a circle
  active: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM5 8.2l2 2 4-4.2',
  // a clock
  expired: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM8 4.5V8l2.5 1.8',
  // a circle with a bar: no entry
  restricted: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13ZM3.4 12.6l9.2-9.2',
  // a flag: done
  complete: 'M3.5 14.5V2m0 .5h8l-2 3 2 3h-8',
};

/** The status glyph, hidden from assistive technology (the text next to it carries the meaning). */
export function StatusIcon({ status }: { status: Status }) {
  return (
    <svg
      className="rk-status-icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={PATHS[status]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  );
}
