import type { DomainErrorCode, DomainErrorData, FieldIssue } from '@resale-kit/core';
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from './router.js';

/** A failure with no answer from the server (network down, CORS, aborted). */
export type ClientErrorCode = 'NETWORK_ERROR';

/** The server's error data: tRPC's code and status beside core's domain data. */
type ServerErrorData = Partial<DomainErrorData> & { code?: string; httpStatus?: number };

/**
 * Every error the SDK throws. `domainCode` is stable: branch on it (or use `isResaleError`),
 * never on `message`. `issues` names each bad input field with a code and the bound it broke
 * (for a UI to word in its own language); `fieldErrors` gives the server's English per field.
 */
export class ResaleError extends TRPCClientError<AppRouter> {
  /** The tRPC code ('BAD_REQUEST', 'NOT_FOUND', ...), or null when the server never answered. */
  readonly trpcCode: string | null;
  readonly domainCode: DomainErrorCode | ClientErrorCode;
  readonly issues: FieldIssue[];
  readonly fieldErrors: Record<string, string[]>;
  /** Why a guard refused, e.g. 'COMPLETE' for OPPORTUNITY_NOT_ACTIVE. */
  readonly reason: string | null;
  readonly httpStatus: number | null;

  constructor(cause: TRPCClientError<AppRouter>) {
    super(cause.message, { cause, result: cause.shape ? { error: cause.shape } : undefined });
    // TRPCClientError pins its own prototype; restore ours so `instanceof ResaleError` holds.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ResaleError';
    const data = (cause.data ?? null) as ServerErrorData | null;
    this.trpcCode = data?.code ?? null;
    this.domainCode = data?.domainCode ?? (data ? 'INTERNAL' : 'NETWORK_ERROR');
    this.issues = data?.issues ?? [];
    this.fieldErrors = data?.fieldErrors ?? {};
    this.reason = data?.reason ?? null;
    this.httpStatus = data?.httpStatus ?? null;
  }
}

/** Narrows `err` to a ResaleError, optionally with a given domain code. */
export function isResaleError<C extends DomainErrorCode | ClientErrorCode>(
  err: unknown,
  code?: C,
): err is ResaleError & { domainCode: C } {
  return err instanceof ResaleError && (code === undefined || err.domainCode === code);
}
