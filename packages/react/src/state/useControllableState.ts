import { useCallback, useRef, useState } from 'react';

/**
 * A value a component owns until its caller controls it (Cloudscape's and React's pattern):
 * `value` given means controlled, the component only reports changes through `onChange`;
 * otherwise it keeps its own state, starting from `defaultValue`. One hook for every
 * component, so controlled and uncontrolled behave the same everywhere.
 */
export function useControllableState<T, D = undefined>(
  value: T | undefined,
  defaultValue: T | (() => T),
  onChange: ((next: T, detail: D) => void) | undefined,
): [T, (next: T, detail: D) => void] {
  const [inner, setInner] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  // The latest callback without making `set` change identity on every render.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const set = useCallback(
    (next: T, detail: D) => {
      if (!controlled) setInner(next);
      onChangeRef.current?.(next, detail);
    },
    [controlled],
  );
  return [controlled ? value : inner, set];
}
