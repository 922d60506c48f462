import { z } from 'zod';
import { todayUtc } from './dates.js';
import {
  BuyerAccountIdSchema,
  CalendarDateSchema,
  DescriptionSchema,
  DiscountSchema,
  type DurationType,
  DurationTypeSchema,
  IdSchema,
  IsoInstantSchema,
  NameSchema,
  StatusSchema,
} from './schemas.js';

export const MAX_PRODUCTS_PER_CREATE = 50;
export const MAX_RESELLERS_PER_CREATE = 100;
export const MAX_PAGE_SIZE = 100;
export const MAX_DEACTIVATE_IDS = 100;

/** A validation problem, named by its field path ('endDate', 'discount.percent', 'productIds.1'). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** What each duration type says about the end date. */
export const END_DATE_RULE: Record<DurationType, 'required' | 'optional' | 'forbidden'> = {
  'single-use': 'optional',
  'specific-duration': 'required',
  'no-set-duration': 'forbidden',
};

export interface DurationValue {
  durationType: DurationType;
  endDate: string | null;
}

/**
 * The duration rules that involve the clock or two fields: the end date required, optional or
 * forbidden per type, and never before today (UTC). Shared by the API and the DurationPicker.
 */
export function durationIssues(value: DurationValue, now: Date): FieldIssue[] {
  const rule = END_DATE_RULE[value.durationType];
  const { endDate } = value;
  if (endDate === null || endDate === '') {
    return rule === 'required'
      ? [{ field: 'endDate', message: 'endDate is required for a specific time duration' }]
      : [];
  }
  if (rule === 'forbidden') {
    return [{ field: 'endDate', message: 'endDate must be empty for no set time duration' }];
  }
  if (!CalendarDateSchema.safeParse(endDate).success) {
    return [
      { field: 'endDate', message: 'endDate must be a real calendar date written YYYY-MM-DD' },
    ];
  }
  if (endDate < todayUtc(now)) {
    return [
      {
        field: 'endDate',
        message: `endDate must not be in the past (today is ${todayUtc(now)} UTC)`,
      },
    ];
  }
  return [];
}

const uniqueIds = (field: string, max: number) =>
  z
    .array(IdSchema, { error: `${field} must be a list of ids` })
    .min(1, { error: `${field} must name at least one` })
    .max(max, { error: `${field} may name at most ${max}` })
    .refine((ids) => new Set(ids).size === ids.length, { error: `${field} must not repeat an id` });

const EndDateFieldSchema = CalendarDateSchema.nullish().transform((d) => d ?? null);

/** Create opportunity: one opportunity per product x reseller pair. */
export const CreateOpportunityInputSchema = z.object({
  name: NameSchema,
  description: DescriptionSchema,
  productIds: uniqueIds('productIds', MAX_PRODUCTS_PER_CREATE),
  resellerIds: uniqueIds('resellerIds', MAX_RESELLERS_PER_CREATE),
  discount: DiscountSchema,
  durationType: DurationTypeSchema,
  endDate: EndDateFieldSchema,
});
export type CreateOpportunityInput = z.input<typeof CreateOpportunityInputSchema>;
export type CreateOpportunity = z.output<typeof CreateOpportunityInputSchema>;

/** Clone: same product, reseller, discount and duration type unless overridden. */
export const CloneOpportunityInputSchema = z.object({
  id: IdSchema,
  name: NameSchema.optional(),
  description: DescriptionSchema.optional(),
  discount: DiscountSchema.optional(),
  /** Replaces the source's end date; required when the source's end date is already past. */
  endDate: EndDateFieldSchema.optional(),
});
export type CloneOpportunityInput = z.input<typeof CloneOpportunityInputSchema>;

export const DeactivateInputSchema = z.object({
  ids: uniqueIds('ids', MAX_DEACTIVATE_IDS),
});
export type DeactivateInput = z.input<typeof DeactivateInputSchema>;

export const GetOpportunityInputSchema = z.object({ id: IdSchema });

/** The columns of the opportunities table, each sortable. */
export const SORT_FIELDS = [
  'name',
  'productName',
  'resellerName',
  'status',
  'timesUsed',
  'id',
  'discount',
  'createdAt',
] as const;
export const SortFieldSchema = z.enum(SORT_FIELDS);
export type SortField = z.infer<typeof SortFieldSchema>;
export const SortDirectionSchema = z.enum(['asc', 'desc']);
export type SortDirection = z.infer<typeof SortDirectionSchema>;

export const ListOpportunitiesInputSchema = z.object({
  status: z.array(StatusSchema).max(4).optional(),
  productId: IdSchema.optional(),
  resellerId: IdSchema.optional(),
  /** Free text: a part of the name, or a prefix of the id. */
  q: z.string().trim().max(200, { error: 'q must be at most 200 characters' }).optional(),
  createdFrom: IsoInstantSchema.optional(),
  createdTo: IsoInstantSchema.optional(),
  expiringWithinDays: z.number().int().min(0).max(3650).optional(),
  sort: z
    .object({ field: SortFieldSchema, direction: SortDirectionSchema })
    .default({ field: 'createdAt', direction: 'desc' }),
  /** An opaque cursor from a previous page's `nextCursor` or `prevCursor`. */
  cursor: z.string().max(1024, { error: 'cursor is not a cursor this API issued' }).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type ListOpportunitiesInput = z.input<typeof ListOpportunitiesInputSchema>;

export const CreateOfferInputSchema = z.object({
  opportunityId: IdSchema,
  buyerAccountId: BuyerAccountIdSchema,
  /** A caller-chosen key: repeating it returns the first result and counts nothing again. */
  idempotencyKey: z
    .string({ error: 'idempotencyKey must be text' })
    .min(1, { error: 'idempotencyKey is required' })
    .max(200, { error: 'idempotencyKey must be at most 200 characters' }),
});
export type CreateOfferInput = z.input<typeof CreateOfferInputSchema>;

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

/** Every rule for a create, static and clock-dependent, with one message per bad field. */
export function validateCreateOpportunity(input: unknown, now: Date): Validated<CreateOpportunity> {
  const parsed = CreateOpportunityInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error);
    // The static parse may have stopped before the duration rules: add them when they apply.
    const raw = input as Partial<DurationValue> | null;
    if (
      raw &&
      DurationTypeSchema.safeParse(raw.durationType).success &&
      !issues.some((i) => i.field === 'endDate')
    ) {
      issues.push(
        ...durationIssues(
          { durationType: raw.durationType as DurationType, endDate: raw.endDate ?? null },
          now,
        ),
      );
    }
    return { ok: false, issues };
  }
  const issues = durationIssues(parsed.data, now);
  return issues.length ? { ok: false, issues } : { ok: true, value: parsed.data };
}
