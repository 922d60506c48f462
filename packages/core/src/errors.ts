/**
 * Stable domain error codes carried by every API error next to the tRPC code. Clients branch on
 * these (the SDK's `isResaleError(err, 'OPPORTUNITY_NOT_ACTIVE')`), never on messages.
 */
export const DOMAIN_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OPPORTUNITY_NOT_ACTIVE',
  'NOT_TARGETED',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_CURSOR',
  'CONFLICT',
  'INTERNAL',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];
