import type { z } from 'zod';

/** A validation problem, named by its field path ('endDate', 'discount.percent', 'productIds.1'). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** Turns zod issues into field issues ('discount.percent': message). */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    field: i.path.length ? i.path.join('.') : '(input)',
    message: i.message,
  }));
}

/** Groups field issues by field, the shape the API and the forms show. */
export function fieldErrors(issues: readonly FieldIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { field, message } of issues) {
    out[field] = [...(out[field] ?? []), message];
  }
  return out;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };
