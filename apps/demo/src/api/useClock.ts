import { useResale } from '@resale-kit/sdk/react';
import { useQuery } from '@tanstack/react-query';

/** Who the caller is and the server's clock, from `me`. */
export function useMe() {
  const resale = useResale();
  return useQuery(resale.me.queryOptions());
}

/** The instant guards and relative times use: the server's pinned clock, or the local one. */
export function useServerNow(): Date | null {
  const clock = useMe().data?.clock;
  if (!clock) return null;
  return clock.fixed ? new Date(clock.now) : new Date();
}
