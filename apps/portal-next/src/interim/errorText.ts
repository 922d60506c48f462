import { describeIssue, type FieldIssue } from '@resale-kit/core';

/** A sentence for a failed call: the hook's error, or the API's issues in its terse English. */
export function errorText(failure: { issues: readonly FieldIssue[]; error: string | undefined }) {
  return failure.error ?? failure.issues.map(describeIssue).join('; ');
}
