import {
  DomainError,
  type DomainErrorCode,
  type DomainErrorData,
  toFieldIssues,
} from '@resale-kit/core';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';

/** The one mapping from domain codes to tRPC codes (which drive the HTTP status). */
const TRPC_CODE_BY_DOMAIN: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_FAILED: 'BAD_REQUEST',
  INVALID_CURSOR: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  OPPORTUNITY_NOT_ACTIVE: 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'CONFLICT',
  CONFLICT: 'CONFLICT',
  BATCH_TOO_LARGE: 'BAD_REQUEST',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_SUPPORTED',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** A DomainError as the TRPCError that carries it: the status follows the domain code. */
export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({
    code: TRPC_CODE_BY_DOMAIN[error.code],
    message: error.message,
    cause: error,
  });
}

/**
 * Errors tRPC raises itself, before or around a procedure (input parsing, unknown procedure,
 * wrong method, body too large), as the domain errors they are.
 */
function fromTRPC(error: TRPCError): DomainError | null {
  const { cause } = error;
  if (
    error.code === 'BAD_REQUEST' &&
    cause &&
    Array.isArray((cause as { issues?: unknown }).issues)
  ) {
    return DomainError.invalid(
      toFieldIssues(cause as unknown as Parameters<typeof toFieldIssues>[0]),
    );
  }
  // tRPC's own batch cap (the handler checks first and names the limit; this is the backstop).
  if (error.code === 'BAD_REQUEST' && error.message === 'Batch call exceeds maximum size') {
    return new DomainError('BATCH_TOO_LARGE', 'The batch holds more calls than this server allows');
  }
  switch (error.code) {
    case 'PARSE_ERROR':
    case 'BAD_REQUEST':
    case 'UNPROCESSABLE_CONTENT':
    case 'PAYLOAD_TOO_LARGE':
      return new DomainError('VALIDATION_FAILED', error.message, { issues: [] });
    case 'METHOD_NOT_SUPPORTED':
      return new DomainError('METHOD_NOT_ALLOWED', error.message);
    case 'TOO_MANY_REQUESTS':
      return new DomainError('RATE_LIMITED', error.message);
    case 'NOT_FOUND':
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
    case 'CONFLICT':
      return new DomainError(error.code, error.message);
    default:
      return null;
  }
}

export interface DescribedError extends DomainErrorData {
  message: string;
}

/**
 * The domain view of any error a procedure raised: what the formatter sends. Anything that is
 * not a domain error is INTERNAL, and its message (which may carry SQL) is never sent.
 */
export function describeError(error: TRPCError): DescribedError {
  const domain = error.cause instanceof DomainError ? error.cause : fromTRPC(error);
  if (!domain) {
    return {
      message: 'Internal server error',
      domainCode: 'INTERNAL',
      issues: null,
      fieldErrors: null,
      reason: null,
    };
  }
  return { message: domain.message, ...domain.toData() };
}
