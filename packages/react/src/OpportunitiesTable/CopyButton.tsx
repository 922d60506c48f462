/** A small button that copies `text`; the table announces the result in its live region. */
export function CopyButton({
  text,
  label,
  onCopy,
}: {
  text: string;
  label: string;
  onCopy: (text: string) => void;
}) {
  return (
    <button
      type="button"
      className="rk-icon-button"
      aria-label={label}
      title={label}
      onClick={() => onCopy(text)}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path
          d="M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinejoin="round"
        />
      </svg>
    </button>
  );
}
