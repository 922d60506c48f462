import { useResale } from '@resale-kit/sdk/react';
import { useQuery } from '@tanstack/react-query';

export interface ServerClock {
  /** The server's "now" when the page loaded data; fixed when the server runs "as of" a moment. */
  now: Date;
  /** True when the server's clock is pinned with RESALE_KIT_NOW. */
  fixed: boolean;
}

/** Who the caller is and the server's clock, from `me`. */
export function useMe() {
  const resale = useResale();
  return useQuery(resale.me.queryOptions());
}

/** The instant guards and relative times use: the server's pinned clock, or the local one. */
export function useServerClock(): ServerClock | null {
  const me = useMe();
  if (!me.data) return null;
  const { clock } = me.data;
  return { now: clock.fixed ? new Date(clock.now) : new Date(), fixed: clock.fixed };
}
