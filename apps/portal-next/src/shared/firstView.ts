import { FIRST_PAGE_VIEW, listInputOf } from '@resale-kit/core';

/** Rows per page of the portal's tables. */
export const PAGE_SIZE = 10;

/**
 * The list input of a page's first view. The server fetches it and the browser's
 * `useOpportunitiesTable(FIRST_PAGE_VIEW, …, { pageSize: PAGE_SIZE })` asks for it again under
 * the same query key: both come from core's `listInputOf`, so the cache matches.
 */
export const FIRST_PAGE = listInputOf(FIRST_PAGE_VIEW, PAGE_SIZE);

/** The server's "now" as the page was rendered, and whether it is pinned (RESALE_KIT_NOW). */
export interface ServerClock {
  now: string;
  fixed: boolean;
}
