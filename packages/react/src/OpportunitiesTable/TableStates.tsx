import type { ReactNode } from 'react';

/** One full-width row holding a state message: loading, empty, no match or error. */
export function StateRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <tr className="rk-state-row">
      <td colSpan={colSpan}>
        <div className="rk-state">{children}</div>
      </td>
    </tr>
  );
}

/** A spinner drawn in CSS, hidden from assistive technology (the text says "Loading"). */
export function Spinner() {
  return <span className="rk-spinner" aria-hidden="true" />;
}
