import { type ReactNode, useEffect, useId, useRef } from 'react';

export interface DialogProps {
  /** The dialog's title, which also names it for assistive technology. */
  title: string;
  /** Closes the dialog (Escape, the close button, or the caller's own buttons). */
  onClose: () => void;
  /** The body. */
  children: ReactNode;
  /** The buttons at the bottom. */
  footer?: ReactNode;
  /** 'wide' for the details panel and the create form. */
  size?: 'normal' | 'wide';
}

/** A modal dialog on the native <dialog> element: focus trap, Escape and backdrop for free. */
export function Dialog({ title, onClose, children, footer, size = 'normal' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`demo-dialog demo-dialog--${size}`} aria-labelledby={titleId}>
      <div className="demo-dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button
          type="button"
          className="demo-icon-button"
          aria-label={`Close ${title}`}
          onClick={onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="demo-dialog-body">{children}</div>
      {footer && <div className="demo-dialog-footer">{footer}</div>}
    </dialog>
  );
}
