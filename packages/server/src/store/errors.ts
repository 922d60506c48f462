import { type FieldIssue, fieldErrors, IdSchema, toFieldIssues } from '@resale-kit/core';
import type { z } from 'zod';
import { StoreError } from './types.js';

export function validationError(issues: readonly FieldIssue[]): StoreError {
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new StoreError('VALIDATION_FAILED', `Invalid input: ${summary}`, fieldErrors(issues));
}

/** Parses with a core schema; bad input -> StoreError VALIDATION_FAILED naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(toFieldIssues(parsed.error));
  return parsed.data;
}

export const notFound = (what = 'Opportunity') => new StoreError('NOT_FOUND', `${what} not found`);

/** Ids that are not UUIDs cannot exist: answer "not found" without asking Postgres. */
export const isId = (id: unknown): id is string => IdSchema.safeParse(id).success;
