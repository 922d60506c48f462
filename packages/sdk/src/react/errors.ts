import type { FieldIssue } from '@resale-kit/core';
import { isResaleError } from '../errors.js';

/**
 * A failed call as a hook reports it: the server's field issues (for the form to show next to
 * its fields, in its own words) apart from an error that belongs to no field.
 */
export interface HookError {
  /** Validation issues by field path ('name', 'discount.percent', 'productIds.1'). */
  issues: FieldIssue[];
  /** A message for the whole operation when the failure names no field; otherwise undefined. */
  message: string | undefined;
}

export function hookError(error: unknown): HookError {
  if (error == null) return { issues: [], message: undefined };
  const issues = isResaleError(error) ? error.issues : [];
  if (issues.length > 0) return { issues, message: undefined };
  return { issues, message: error instanceof Error ? error.message : String(error) };
}
