import { useMemo } from 'react';

/** Defaults overridden by whatever the caller passed; stable while the inputs are. */
export function useMessages<T extends object>(defaults: T, overrides: Partial<T> | undefined): T {
  return useMemo(() => ({ ...defaults, ...overrides }), [defaults, overrides]);
}
