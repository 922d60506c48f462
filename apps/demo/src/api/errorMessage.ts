import { isResaleError } from '@resale-kit/sdk';

export interface ErrorInfo {
  /** The SDK's stable code ('VALIDATION_FAILED', 'NETWORK_ERROR', ...), or null for a non-API error. */
  domainCode: string | null;
  fieldErrors: Record<string, string[]>;
  message: string;
}

/**
 * What the SDK's ResaleError carries. Read by shape as well as by `isResaleError`: @trpc/client's
 * TRPCClientError constructor resets the prototype, so `instanceof ResaleError` can miss an
 * error the SDK did build (its domainCode and fieldErrors are there all the same).
 */
export function errorInfo(error: unknown): ErrorInfo {
  if (isResaleError(error)) {
    return { domainCode: error.domainCode, fieldErrors: error.fieldErrors, message: error.message };
  }
  const e = error as { domainCode?: unknown; fieldErrors?: unknown; message?: unknown } | null;
  if (e && typeof e === 'object' && typeof e.domainCode === 'string') {
    const fieldErrors =
      e.fieldErrors && typeof e.fieldErrors === 'object'
        ? (e.fieldErrors as Record<string, string[]>)
        : {};
    return { domainCode: e.domainCode, fieldErrors, message: String(e.message ?? e.domainCode) };
  }
  return {
    domainCode: null,
    fieldErrors: {},
    message: error instanceof Error ? error.message : String(error),
  };
}

const FRIENDLY: Record<string, string> = {
  NETWORK_ERROR: 'The API could not be reached. Check that the server is running.',
  UNAUTHORIZED: 'The API key was refused. Pick a demo identity again.',
  FORBIDDEN: 'This identity is not allowed to do that.',
};

/** A sentence for any error, for the notification bar and dialogs. */
export function errorMessage(error: unknown): string {
  const info = errorInfo(error);
  const friendly = info.domainCode ? FRIENDLY[info.domainCode] : undefined;
  return friendly ? `${friendly} (${info.message})` : info.message;
}

/** The API's messages per field ('name', 'discount.percent', 'endDate'), or none. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  return errorInfo(error).fieldErrors;
}

/** True when the error carries this domain code. */
export function hasDomainCode(error: unknown, code: string): boolean {
  return errorInfo(error).domainCode === code;
}
