import { DomainError, IdSchema, toFieldIssues } from '@resale-kit/core';
import type { z } from 'zod';

/** Parses with a core schema; bad input -> DomainError VALIDATION_FAILED naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw DomainError.invalid(toFieldIssues(parsed.error));
  return parsed.data;
}

export const notFound = (what = 'Opportunity') => new DomainError('NOT_FOUND', `${what} not found`);

/** Ids that are not UUIDs cannot exist: answer "not found" without asking Postgres. */
export const isId = (id: unknown): id is string => IdSchema.safeParse(id).success;
