import { type ReactNode, useId } from 'react';

export interface ErrorSummaryItem {
  /** The id of the control the message is about (a link moves focus there), if any. */
  target?: string;
  text: string;
}

/**
 * Every problem of a submit at once, announced (role=alert) when it appears, each linked to its
 * field. Errors of no field (a failed request) are listed too, without a link.
 */
export function ErrorSummary({
  title,
  items,
  children,
}: {
  title: string;
  items: readonly ErrorSummaryItem[];
  children?: ReactNode;
}) {
  const titleId = useId();
  if (items.length === 0 && !children) return null;
  return (
    <div
      className="rk-error-summary"
      role="alert"
      aria-labelledby={items.length > 0 ? titleId : undefined}
    >
      {items.length > 0 && (
        <p id={titleId} className="rk-error-summary-title">
          {title}
        </p>
      )}
      {items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={`${item.target ?? ''}${item.text}`}>
              {item.target ? (
                <a
                  href={`#${item.target}`}
                  onClick={(e) => {
                    e.preventDefault();
                    const el = document.getElementById(item.target ?? '');
                    const control = el?.matches('input, select, textarea, button')
                      ? el
                      : (el?.querySelector<HTMLElement>(
                          '[aria-invalid="true"]:is(input, select, textarea)',
                        ) ??
                        el?.querySelector<HTMLElement>('input:not([disabled]), select, textarea'));
                    control?.focus();
                  }}
                >
                  {item.text}
                </a>
              ) : (
                item.text
              )}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
