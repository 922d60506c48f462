import { useResale } from '@resale-kit/sdk/react';
import { useQuery } from '@tanstack/react-query';

/** Who the caller is and the server's clock, from `me`. */
export function useMe() {
  const resale = useResale();
  return useQuery(resale.me.queryOptions());
}
