/** A value cut with an ellipsis when too long; the full value stays in the title and the text. */
export function TruncatedText({ children }: { children: string }) {
  return (
    <span className="rk-ellipsis" title={children}>
      {children}
    </span>
  );
}
