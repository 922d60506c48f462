import type { UseBlockedReason } from './guards.js';
import { describeIssue, type FieldIssue, fieldErrors } from './issues.js';

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
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_CURSOR',
  'CONFLICT',
  /** A tRPC batch with more calls than the server allows (MAX_BATCH_SIZE by default). */
  'BATCH_TOO_LARGE',
  /** Too many calls per second, or requests in flight, for one API key: retry after `Retry-After`. */
  'RATE_LIMITED',
  /** An HTTP method the API does not serve (TRACE, PUT...). */
  'METHOD_NOT_ALLOWED',
  'INTERNAL',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** What every API error carries in `data`, next to tRPC's `code` and `httpStatus`. */
export interface DomainErrorData {
  /** Stable code to branch on; messages may change. */
  domainCode: DomainErrorCode;
  /** For VALIDATION_FAILED: each bad field with a code and the bound it broke; else null. */
  issues: FieldIssue[] | null;
  /** The same issues as English sentences per field (for people reading JSON); else null. */
  fieldErrors: Record<string, string[]> | null;
  /** For OPPORTUNITY_NOT_ACTIVE: why the guard refused (EXPIRED, COMPLETE...); else null. */
  reason: UseBlockedReason | null;
}

/**
 * A failure the domain defines: raised once where it is found (core, the store, a procedure)
 * and formatted once, by the API's error formatter. Anything else that escapes is INTERNAL.
 */
export class DomainError extends Error {
  override name = 'DomainError';
  readonly issues: readonly FieldIssue[] | undefined;
  readonly reason: UseBlockedReason | undefined;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    details: { issues?: readonly FieldIssue[]; reason?: UseBlockedReason } = {},
  ) {
    super(message);
    this.issues = details.issues;
    this.reason = details.reason;
  }

  /** VALIDATION_FAILED with every issue, its message listing them in English. */
  static invalid(issues: readonly FieldIssue[]): DomainError {
    return new DomainError('VALIDATION_FAILED', validationMessage(issues), { issues });
  }

  /** The wire form of this error's details. */
  toData(): DomainErrorData {
    const issues = this.code === 'VALIDATION_FAILED' ? [...(this.issues ?? [])] : null;
    return {
      domainCode: this.code,
      issues,
      fieldErrors: issues ? fieldErrors(issues) : null,
      reason: this.reason ?? null,
    };
  }
}

/** 'Invalid input: name is required; endDate must not be in the past (...)'. */
export function validationMessage(issues: readonly FieldIssue[]): string {
  return `Invalid input: ${issues.map(describeIssue).join('; ')}`;
}
