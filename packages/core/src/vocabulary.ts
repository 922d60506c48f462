/**
 * The closed sets of the domain as plain constants. Kept free of zod so that code using only
 * the rules (components, guards) does not pull the validation library into a bundle.
 */

export const STATUSES = ['active', 'expired', 'restricted', 'complete'] as const;
export type Status = (typeof STATUSES)[number];

export const DURATION_TYPES = ['single-use', 'specific-duration', 'no-set-duration'] as const;
export type DurationType = (typeof DURATION_TYPES)[number];

export const EVENT_TYPES = ['created', 'cloned', 'used', 'deactivated'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The columns of the opportunities table, each sortable. */
export const SORT_FIELDS = [
  'name',
  'productName',
  'resellerName',
  'status',
  'timesUsed',
  'id',
  'discount',
  'createdAt',
  'endDate',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

/** "Expiring in 30 days": the summary card's window, and the filter it applies. */
export const EXPIRING_WINDOW_DAYS = 30;

export const MAX_NAME_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 255;
export const MAX_PRODUCTS_PER_CREATE = 50;
export const MAX_RESELLERS_PER_CREATE = 100;
export const MAX_PAGE_SIZE = 100;
export const MAX_DEACTIVATE_IDS = 100;
/** The list's free-text filter `q`, in code points. */
export const MAX_QUERY_LENGTH = 200;
/** offers.create's `idempotencyKey`, in code points. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
/** A list cursor as the API issues it; a longer one is INVALID_CURSOR. */
export const MAX_CURSOR_LENGTH = 1024;
/** `expiringWithinDays` of the list filters. */
export const MAX_EXPIRING_WITHIN_DAYS = 3650;
/**
 * Calls in one tRPC batch (the server's default; configurable per server). With each call's own
 * limits above, it bounds the work one HTTP request can ask for; a larger batch is
 * BATCH_TOO_LARGE (400).
 */
export const MAX_BATCH_SIZE = 10;
/** Years an instant or date may have: what Postgres timestamps and ISO 8601 both hold. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** A discount is a percent above this (exclusive), at most MAX_DISCOUNT_PERCENT, with few decimals. */
export const MIN_DISCOUNT_PERCENT_EXCLUSIVE = 0;
export const MAX_DISCOUNT_PERCENT = 100;
export const MAX_DISCOUNT_DECIMALS = 2;

/** Length in Unicode code points, as Postgres counts characters. */
export const charLength = (s: string): number => [...s].length;

/** A user's role in its organization (ISV or reseller); an API key acts with its user's role. */
export const ROLES = ['admin', 'member', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The two kinds of organization. */
export const ORG_KINDS = ['isv', 'reseller'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
