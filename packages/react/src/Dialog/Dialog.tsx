import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_DIALOG_STRINGS, type DialogI18nStrings } from '../i18n/components.js';
import { useMessages } from '../i18n/useMessages.js';

/** Why a dialog asked to close: Escape (or the platform's back gesture), or its close button. */
export type DialogDismissReason = 'escape' | 'close-button';

export interface DialogProps {
  /** Shows the dialog (as a modal: the page behind is inert) while true. */
  open: boolean;
  /** The title, which also names the dialog for assistive technology. */
  header: ReactNode;
  /**
   * The dialog asks to close (Escape, the close button). Set `open` to false to close it; focus
   * then returns to the element that had it when the dialog opened.
   */
  onDismiss: (reason: DialogDismissReason) => void;
  /** The body; it scrolls when taller than the screen. */
  children?: ReactNode;
  /** The actions at the bottom (Cancel, Submit), always visible, even on a phone. */
  footer?: ReactNode;
  /** Width on larger screens: 'medium' (36rem) or 'large' (56rem). On phones it fills the screen. */
  size?: 'medium' | 'large';
  /** Strings to override (the close button's name); English by default. */
  i18nStrings?: Partial<DialogI18nStrings>;
  /** Extra class names for the `<dialog>` element. */
  className?: string;
}

/** True while the element's content overflows it (it then scrolls, and needs a tab stop). */
function useScrolls(ref: React.RefObject<HTMLElement | null>, active: boolean): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!active || !el || typeof ResizeObserver === 'undefined') return;
    const check = () => setScrolls(el.scrollHeight > el.clientHeight + 1);
    const observer = new ResizeObserver(check);
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    check();
    return () => observer.disconnect();
  }, [ref, active]);
  return scrolls;
}

/**
 * A modal dialog on the native `<dialog>` element: `showModal()` makes the rest of the page inert
 * (focus stays inside), Escape closes it, and the browser's top layer puts it above everything.
 * The dialog restores focus itself to the element focused when it opened, also when the caller
 * unmounts it instead of setting `open` to false.
 */
export function Dialog(props: DialogProps) {
  const { open, header, children, footer, size = 'medium' } = props;
  const strings = useMessages(DEFAULT_DIALOG_STRINGS, props.i18nStrings);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const dismissRef = useRef(props.onDismiss);
  dismissRef.current = props.onDismiss;
  const bodyRef = useRef<HTMLDivElement>(null);
  const scrolls = useScrolls(bodyRef, open);

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Escape fires `cancel`: the caller decides (it may keep the dialog open while saving).
    const onCancel = (event: Event) => {
      event.preventDefault();
      dismissRef.current('escape');
    };
    // Escape is also handled as a key, before the browser turns it into `cancel`: synthetic key
    // events (tests, automation) never fire `cancel`, and one path for every Escape is simpler.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      dismissRef.current('escape');
    };
    // Browsers may close without a cancelable `cancel` (a second Escape with no user action in
    // between): report it the same way so `open` follows.
    // A `close` queued by an earlier cleanup (React's StrictMode runs effects twice: close, then
    // showModal again) arrives while the dialog is open again: it is stale, not a dismissal.
    const onClose = () => {
      if (!dialog.open) dismissRef.current('escape');
    };
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onClose);
    dialog.addEventListener('keydown', onKeyDown);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onClose);
      dialog.removeEventListener('keydown', onKeyDown);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`rk-root rk-dialog rk-dialog--${size}${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={titleId}
    >
      {open && (
        <div className="rk-dialog-frame">
          <div className="rk-dialog-header">
            <h2 id={titleId} className="rk-dialog-title">
              {header}
            </h2>
            <button
              type="button"
              className="rk-icon-button"
              aria-label={strings.close}
              onClick={() => dismissRef.current('close-button')}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
          {/* A body that scrolls gets a tab stop: the keyboard must reach it to scroll it. */}
          <div ref={bodyRef} className="rk-dialog-body" tabIndex={scrolls ? 0 : undefined}>
            {children}
          </div>
          {footer && <div className="rk-dialog-footer">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}
