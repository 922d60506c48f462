import {
  type DomainErrorCode,
  type FieldIssue,
  fieldErrors,
  toFieldIssues,
  type UseBlockedReason,
} from '@resale-kit/core';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { StoreError } from '../store/types.js';

/** What every API error carries in `data`, next to tRPC's `code` and `httpStatus`. */
export interface DomainErrorData {
  /** Stable code to branch on (core's DOMAIN_ERROR_CODES); messages may change. */
  domainCode: DomainErrorCode;
  /** For validation failures: the messages per field path ('discount.percent'); else null. */
  fieldErrors: Record<string, string[]> | null;
  /** For OPPORTUNITY_NOT_ACTIVE: why the guard refused (EXPIRED, COMPLETE...); else null. */
  reason: UseBlockedReason | null;
}

const TRPC_CODE_BY_DOMAIN: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  INVALID_CURSOR: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  // A reseller asking for an opportunity that does not target it asks for another tenant's
  // record: answered as missing, so existence does not leak.
  NOT_TARGETED: 'NOT_FOUND',
  OPPORTUNITY_NOT_ACTIVE: 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'CONFLICT',
  CONFLICT: 'CONFLICT',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** The domain code of errors raised by tRPC itself or by our middlewares. */
const DOMAIN_BY_TRPC_CODE: Partial<Record<TRPC_ERROR_CODE_KEY, DomainErrorCode>> = {
  PARSE_ERROR: 'VALIDATION_FAILED',
  BAD_REQUEST: 'VALIDATION_FAILED',
  UNPROCESSABLE_CONTENT: 'VALIDATION_FAILED',
  PAYLOAD_TOO_LARGE: 'VALIDATION_FAILED',
  METHOD_NOT_SUPPORTED: 'VALIDATION_FAILED',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PRECONDITION_FAILED: 'CONFLICT',
};

/** A StoreError as the TRPCError that carries it (the HTTP status follows the tRPC code). */
export function fromStoreError(error: StoreError): TRPCError {
  return new TRPCError({
    code: TRPC_CODE_BY_DOMAIN[error.code],
    message: error.message,
    cause: error,
  });
}

/** A validation failure found by the API itself (e.g. the clock-dependent create rules). */
export function validationError(issues: readonly FieldIssue[]): TRPCError {
  return fromStoreError(
    new StoreError('VALIDATION_FAILED', validationMessage(issues), fieldErrors(issues)),
  );
}

/** Issues of a zod error or of tRPC's standard-schema error, whichever parsed the input. */
function inputIssues(cause: unknown): FieldIssue[] | null {
  if (cause instanceof z.core.$ZodError) return toFieldIssues(cause as z.ZodError);
  if (cause instanceof Error && Array.isArray((cause as { issues?: unknown }).issues)) {
    const issues = (
      cause as unknown as { issues: { message: string; path?: readonly unknown[] }[] }
    ).issues;
    return issues.map((i) => {
      const path = (i.path ?? []).map((p) =>
        typeof p === 'object' && p !== null && 'key' in p ? String(p.key) : String(p),
      );
      return { field: path.length ? path.join('.') : '(input)', message: i.message };
    });
  }
  return null;
}

function validationMessage(issues: readonly FieldIssue[]): string {
  const detail = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return `Invalid input: ${detail}`;
}

export interface DescribedError extends DomainErrorData {
  message: string;
}

/**
 * The domain view of any error a procedure raised. Used by the formatter (HTTP) and usable in
 * tests that call procedures directly.
 */
export function describeError(error: TRPCError, opts: { production: boolean }): DescribedError {
  const { cause } = error;
  if (cause instanceof StoreError) {
    return {
      message: cause.message,
      domainCode: cause.code,
      fieldErrors: cause.fieldErrors ?? (cause.code === 'VALIDATION_FAILED' ? {} : null),
      reason: cause.reason ?? null,
    };
  }
  const issues = error.code === 'BAD_REQUEST' ? inputIssues(cause) : null;
  if (issues) {
    return {
      message: validationMessage(issues),
      domainCode: 'VALIDATION_FAILED',
      fieldErrors: fieldErrors(issues),
      reason: null,
    };
  }
  const domainCode = DOMAIN_BY_TRPC_CODE[error.code] ?? 'INTERNAL';
  // Unexpected failures may carry SQL or internals in their message: hide it in production.
  const hide = domainCode === 'INTERNAL' && opts.production;
  return {
    message: hide ? 'Internal server error' : error.message,
    domainCode,
    fieldErrors: domainCode === 'VALIDATION_FAILED' ? {} : null,
    reason: null,
  };
}
