import { z } from 'zod';
import { type DurationValue, durationIssues } from './duration.js';
import { requiredWhenMissing, toFieldIssues, type Validated } from './issues.js';
import { DEFAULT_SORT } from './list-filters.js';
import {
  BuyerAccountIdSchema,
  CalendarDateSchema,
  DescriptionSchema,
  DiscountSchema,
  DurationTypeSchema,
  IdSchema,
  IsoInstantSchema,
  NameSchema,
  StatusSchema,
  StorableTextSchema,
} from './schemas.js';
import {
  type DurationType,
  MAX_DEACTIVATE_IDS,
  MAX_EXPIRING_WITHIN_DAYS,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_PAGE_SIZE,
  MAX_PRODUCTS_PER_CREATE,
  MAX_QUERY_LENGTH,
  MAX_RESELLERS_PER_CREATE,
  SORT_FIELDS,
  STATUSES,
} from './vocabulary.js';

const uniqueIds = (max: number) =>
  z
    .array(IdSchema, { error: requiredWhenMissing })
    .min(1)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, { params: { code: 'not_unique' } });

const EndDateFieldSchema = CalendarDateSchema.nullish().transform((d) => d ?? null);

/** Create opportunity: one opportunity per product x reseller pair. */
export const CreateOpportunityInputSchema = z.object({
  name: NameSchema,
  description: DescriptionSchema,
  productIds: uniqueIds(MAX_PRODUCTS_PER_CREATE),
  resellerIds: uniqueIds(MAX_RESELLERS_PER_CREATE),
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
  ids: uniqueIds(MAX_DEACTIVATE_IDS),
});
export type DeactivateInput = z.input<typeof DeactivateInputSchema>;

export const GetOpportunityInputSchema = z.object({ id: IdSchema });

export const SortFieldSchema = z.enum(SORT_FIELDS, { error: requiredWhenMissing });
export const SortDirectionSchema = z.enum(['asc', 'desc'], { error: requiredWhenMissing });

/**
 * The list's filters, as the API takes them: every one optional, all of them ANDed. The one
 * definition the API, the cursor's digest, the URL codec and a UI's filter state share
 * (list-filters.ts normalizes them).
 */
export const ListFiltersSchema = z.object({
  /** Any of these statuses (none, or all four: no status filter). */
  status: z.array(StatusSchema).max(STATUSES.length).optional(),
  productId: IdSchema.optional(),
  resellerId: IdSchema.optional(),
  /** Free text: a part of the name, or a prefix of the id. */
  q: StorableTextSchema.trim().max(MAX_QUERY_LENGTH).optional(),
  createdFrom: IsoInstantSchema.optional(),
  createdTo: IsoInstantSchema.optional(),
  /** Active, with an end date within this many days. */
  expiringWithinDays: z.number().int().min(0).max(MAX_EXPIRING_WITHIN_DAYS).optional(),
});
export type ListFilters = z.input<typeof ListFiltersSchema>;

export const ListOpportunitiesInputSchema = ListFiltersSchema.extend({
  sort: z.object({ field: SortFieldSchema, direction: SortDirectionSchema }).default(DEFAULT_SORT),
  /**
   * An opaque cursor from a previous page's `nextCursor` or `prevCursor`. Its length and content
   * are the server's to judge (INVALID_CURSOR, MAX_CURSOR_LENGTH), never VALIDATION_FAILED.
   */
  cursor: z.string().optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});
export type ListOpportunitiesInput = z.input<typeof ListOpportunitiesInputSchema>;

export const CreateOfferInputSchema = z.object({
  opportunityId: IdSchema,
  buyerAccountId: BuyerAccountIdSchema,
  /** A caller-chosen key: repeating it returns the first result and counts nothing again. */
  idempotencyKey: StorableTextSchema.min(1).max(MAX_IDEMPOTENCY_KEY_LENGTH),
});
export type CreateOfferInput = z.input<typeof CreateOfferInputSchema>;

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
