import { isResaleError } from '@resale-kit/sdk';

const FRIENDLY: Record<string, string> = {
  NETWORK_ERROR: 'The API could not be reached. Check that the server is running.',
  UNAUTHORIZED: 'The API key was refused. Pick a demo identity again.',
  FORBIDDEN: 'This identity is not allowed to do that.',
};

/** A sentence for any error, for the notification bar and dialogs. */
export function errorMessage(error: unknown): string {
  if (isResaleError(error)) {
    const friendly = FRIENDLY[error.domainCode];
    return friendly ? `${friendly} (${error.message})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The API's messages per field ('name', 'discount.percent', 'endDate'), or none. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  return isResaleError(error) ? error.fieldErrors : {};
}
