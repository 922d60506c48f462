/**
 * A value cut with an ellipsis when too long; the full value stays in the title and the text.
 * `dir="auto"`: a value's own direction decides where it is cut, so a Latin name in a
 * right-to-left table (and a Hebrew one in a left-to-right table) loses its end, not its start;
 * `text-align: match-parent` keeps short values aligned with the column.
 */
export function TruncatedText({ children }: { children: string }) {
  return (
    <span className="rk-ellipsis" dir="auto" title={children}>
      {children}
    </span>
  );
}
