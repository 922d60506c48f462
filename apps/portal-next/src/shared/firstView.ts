import type { ListOpportunitiesInput } from '@resale-kit/core';

/**
 * The list input of a page's first view. The server fetches it and the browser asks for it
 * again under the same query key: both sides must use this very object for the cache to match.
 */
export const FIRST_PAGE = {
  sort: { field: 'createdAt', direction: 'desc' },
  limit: 10,
} as const satisfies ListOpportunitiesInput;

/** The server's "now" as the page was rendered, and whether it is pinned (RESALE_KIT_NOW). */
export interface ServerClock {
  now: string;
  fixed: boolean;
}
