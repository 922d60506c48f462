import { isResaleError } from '@resale-kit/sdk';

/** A sentence for a failed call, with the API's field messages when there are some. */
export function errorText(error: unknown): string {
  if (!isResaleError(error)) return error instanceof Error ? error.message : String(error);
  const fields = Object.values(error.fieldErrors).flat();
  return fields.length > 0 ? `${error.message}: ${fields.join('; ')}` : error.message;
}
