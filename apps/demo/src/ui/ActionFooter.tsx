import type { ReactNode } from 'react';

/**
 * The footer of a dialog that runs one action: Cancel and the action until it has run, then a
 * single Close, so the results shown in the body can be read before leaving.
 */
export function ActionFooter({
  done,
  onClose,
  children,
}: {
  /** True once the action has run. */
  done: boolean;
  onClose: () => void;
  /** The action's button. */
  children: ReactNode;
}) {
  if (done) {
    return (
      <button type="button" className="rk-button rk-button--primary" onClick={onClose}>
        Close
      </button>
    );
  }
  return (
    <>
      <button type="button" className="rk-button rk-button--link" onClick={onClose}>
        Cancel
      </button>
      {children}
    </>
  );
}
