import { type DurationValue, durationIssues } from './duration.js';
import { type FieldIssue, fieldIssue } from './issues.js';
import {
  charLength,
  MAX_DESCRIPTION_LENGTH,
  MAX_DISCOUNT_DECIMALS,
  MAX_DISCOUNT_PERCENT,
  MAX_NAME_LENGTH,
  MAX_PRODUCTS_PER_CREATE,
  MAX_RESELLERS_PER_CREATE,
  MIN_DISCOUNT_PERCENT_EXCLUSIVE,
} from './vocabulary.js';

/*
 * The input rules of the forms, free of zod like vocabulary.ts: a form checks a whole draft in
 * the browser without pulling the validation library into its bundle (zod is about 95 kB
 * gzipped; the React kit's budget for every component is 20 kB). The bounds are vocabulary's,
 * the zod schemas (schemas.ts, inputs.ts) use the same predicates, and test/drafts.test.ts
 * checks that both report the same fields and codes for the same input.
 */

/** True when `n` has at most `decimals` decimal places (12.5, 12.25; not 12.125). */
export function hasAtMostDecimals(n: number, decimals: number): boolean {
  // Exactly: the double nearest to k / 10^decimals for a whole k. A tolerance would let 1e-12
  // through (0 basis points, which the table refuses) and store 99.999999999999 as 100.
  const scale = 10 ** decimals;
  return Math.round(n * scale) / scale === n;
}

/** Removes the spaces and dashes people type in account ids: '1234-5678 9012' -> '123456789012'. */
export const normalizeBuyerAccountId = (value: string): string => value.replace(/[\s-]/g, '');

/** An AWS account id: exactly 12 digits (after normalizing). */
export const isAwsAccountId = (value: string): boolean => /^\d{12}$/.test(value);

/** A buyer account id as typed: required, 12 digits once spaces and dashes are removed. */
export function buyerAccountIdIssues(typed: string): FieldIssue[] {
  const id = normalizeBuyerAccountId(typed);
  if (id === '') return [fieldIssue('buyerAccountId', 'required')];
  return isAwsAccountId(id)
    ? []
    : [fieldIssue('buyerAccountId', 'invalid_format', { format: 'aws_account_id' })];
}

function nameIssues(name: string): FieldIssue[] {
  const length = charLength(name.trim());
  if (length === 0) return [fieldIssue('name', 'required')];
  return length > MAX_NAME_LENGTH
    ? [fieldIssue('name', 'too_long', { maximum: MAX_NAME_LENGTH })]
    : [];
}

function descriptionIssues(description: string | null | undefined): FieldIssue[] {
  return charLength((description ?? '').trim()) > MAX_DESCRIPTION_LENGTH
    ? [fieldIssue('description', 'too_long', { maximum: MAX_DESCRIPTION_LENGTH })]
    : [];
}

function idListIssues(field: string, ids: readonly string[], max: number): FieldIssue[] {
  if (ids.length === 0) return [fieldIssue(field, 'too_few', { minimum: 1 })];
  if (ids.length > max) return [fieldIssue(field, 'too_many', { maximum: max })];
  return new Set(ids).size === ids.length ? [] : [fieldIssue(field, 'not_unique')];
}

/** The discount's percent, or undefined when none was entered. */
export function discountIssues(percent: number | undefined): FieldIssue[] {
  const field = 'discount.percent';
  if (percent === undefined) return [fieldIssue(field, 'required')];
  if (!Number.isFinite(percent)) return [fieldIssue(field, 'invalid_type', { expected: 'number' })];
  if (percent <= MIN_DISCOUNT_PERCENT_EXCLUSIVE)
    return [
      fieldIssue(field, 'too_small', { minimum: MIN_DISCOUNT_PERCENT_EXCLUSIVE, inclusive: 0 }),
    ];
  if (percent > MAX_DISCOUNT_PERCENT)
    return [fieldIssue(field, 'too_big', { maximum: MAX_DISCOUNT_PERCENT, inclusive: 1 })];
  return hasAtMostDecimals(percent, MAX_DISCOUNT_DECIMALS)
    ? []
    : [fieldIssue(field, 'too_many_decimals', { maximum: MAX_DISCOUNT_DECIMALS })];
}

/** A create or clone form's values, as a form holds them before sending. */
export interface OpportunityDraftValues extends DurationValue {
  name: string;
  description?: string | null;
  /** Products and resellers chosen (a create names them; a clone keeps its source's). */
  productIds: readonly string[];
  resellerIds: readonly string[];
  /** The discount's percent; undefined when none was entered. */
  percent: number | undefined;
}

/**
 * Every issue of a create draft at once, one per field, in form order: the same fields and codes
 * as `validateCreateOpportunity` (the API's check), without zod. Ids are not checked for shape:
 * a form offers only the ids the API listed, and the API checks them again.
 */
export function createOpportunityIssues(draft: OpportunityDraftValues, now: Date): FieldIssue[] {
  return [
    ...nameIssues(draft.name),
    ...descriptionIssues(draft.description),
    ...idListIssues('productIds', draft.productIds, MAX_PRODUCTS_PER_CREATE),
    ...idListIssues('resellerIds', draft.resellerIds, MAX_RESELLERS_PER_CREATE),
    ...discountIssues(draft.percent),
    ...durationIssues(draft, now),
  ];
}

/** Every issue of a clone draft: as a create, except product and reseller, kept from the source. */
export function cloneOpportunityIssues(
  draft: Omit<OpportunityDraftValues, 'productIds' | 'resellerIds'>,
  now: Date,
): FieldIssue[] {
  return [
    ...nameIssues(draft.name),
    ...descriptionIssues(draft.description),
    ...discountIssues(draft.percent),
    ...durationIssues(draft, now),
  ];
}
