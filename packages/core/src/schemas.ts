import { z } from 'zod';
import { isCalendarDate } from './dates.js';
import { hasAtMostDecimals, isAwsAccountId, normalizeBuyerAccountId } from './drafts.js';
import { type IssueCode, requiredWhenMissing } from './issues.js';
import {
  charLength,
  DURATION_TYPES,
  EVENT_TYPES,
  MAX_DESCRIPTION_LENGTH,
  MAX_DISCOUNT_DECIMALS,
  MAX_DISCOUNT_PERCENT,
  MAX_NAME_LENGTH,
  MAX_YEAR,
  MIN_DISCOUNT_PERCENT_EXCLUSIVE,
  MIN_YEAR,
  ROLES,
  STATUSES,
} from './vocabulary.js';

export const StatusSchema = z.enum(STATUSES, { error: requiredWhenMissing });
export const DurationTypeSchema = z.enum(DURATION_TYPES, { error: requiredWhenMissing });

// Messages in core's schemas are issue codes (issues.ts), never sentences.
/** A rule zod has no native issue for: its code and the numbers a message needs. */
const rule = (code: IssueCode, params: Record<string, string | number> = {}) => ({
  params: { code, ...params },
});

/** In a `u` regex a surrogate pair is one code point: only an unpaired surrogate is `Cs`. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Text Postgres can store as it was sent: no NUL (U+0000, which `text` refuses) and no unpaired
 * UTF-16 surrogate (not a character; a driver would silently replace it with U+FFFD).
 */
export const isStorableText = (s: string): boolean =>
  !s.includes('\u0000') && !LONE_SURROGATE.test(s);

/** Text of any length that `isStorableText` accepts. */
export const StorableTextSchema = z
  .string({ error: requiredWhenMissing })
  .refine(isStorableText, rule('invalid_characters'));

/** NaN (text the format check already refuses) is left to that check. */
const yearInRange = (year: number) => Number.isNaN(year) || (year >= MIN_YEAR && year <= MAX_YEAR);
const yearRule = rule('year_out_of_range', { minimum: MIN_YEAR, maximum: MAX_YEAR });

export const IdSchema = z.uuid({ error: requiredWhenMissing });
/** An ISO 8601 instant with an offset, whose UTC year is within 1..9999 (Postgres refuses 0). */
export const IsoInstantSchema = z.iso
  .datetime({ offset: true, error: requiredWhenMissing })
  .refine((s) => yearInRange(new Date(s).getUTCFullYear()), yearRule);
export const CalendarDateSchema = z
  .string({ error: requiredWhenMissing })
  .refine(isCalendarDate, rule('not_calendar_date'))
  .refine((s) => yearInRange(Number(s.slice(0, 4))), yearRule);

export const DiscountSchema = z.object(
  {
    type: z.literal('percentage', { error: requiredWhenMissing }),
    percent: z
      .number({ error: requiredWhenMissing })
      .gt(MIN_DISCOUNT_PERCENT_EXCLUSIVE)
      .lte(MAX_DISCOUNT_PERCENT)
      .refine(
        (n) => hasAtMostDecimals(n, MAX_DISCOUNT_DECIMALS),
        rule('too_many_decimals', { maximum: MAX_DISCOUNT_DECIMALS }),
      ),
  },
  { error: requiredWhenMissing },
);
export type Discount = z.infer<typeof DiscountSchema>;

/**
 * Trimmed storable text of at most `max` Unicode code points, as Postgres counts characters
 * (not visible characters: an emoji family is several code points).
 */
export const boundedText = (max: number) =>
  z
    .string({ error: requiredWhenMissing })
    .trim()
    .refine(isStorableText, rule('invalid_characters'))
    .refine((s) => charLength(s) <= max, rule('too_long', { maximum: max }));

export const NameSchema = boundedText(MAX_NAME_LENGTH).refine(
  (s) => charLength(s) >= 1,
  rule('required'),
);

export const DescriptionSchema = boundedText(MAX_DESCRIPTION_LENGTH)
  .transform((s) => (s === '' ? null : s))
  .nullish()
  .transform((s) => s ?? null);

/** The wire shape of an opportunity: what the API returns and the SDK and components consume. */
export const OpportunitySchema = z.object({
  id: IdSchema,
  isvId: IdSchema,
  name: z.string(),
  description: z.string().nullable(),
  productId: IdSchema,
  productName: z.string(),
  resellerId: IdSchema,
  resellerName: z.string(),
  discount: DiscountSchema,
  durationType: DurationTypeSchema,
  endDate: CalendarDateSchema.nullable(),
  restrictedAt: IsoInstantSchema.nullable(),
  timesUsed: z.number().int().nonnegative(),
  createdAt: IsoInstantSchema,
  clonedFromId: IdSchema.nullable(),
  status: StatusSchema,
});
export type Opportunity = z.infer<typeof OpportunitySchema>;

/** The fields the status rule reads. */
export type StatusFields = Pick<
  Opportunity,
  'durationType' | 'endDate' | 'restrictedAt' | 'timesUsed'
>;

/** An AWS account id: 12 digits, as typed ("1234 5678-9012") and stored without spaces or dashes. */
export const BuyerAccountIdSchema = z
  .string({ error: requiredWhenMissing })
  .transform(normalizeBuyerAccountId)
  .refine(isAwsAccountId, rule('invalid_format', { format: 'aws_account_id' }));

/** A Channel Partner Private Offer created from an opportunity. */
export const OfferSchema = z.object({
  id: IdSchema,
  opportunityId: IdSchema,
  resellerId: IdSchema,
  buyerAccountId: z.string(),
  createdBy: z.object({ userId: IdSchema, name: z.string() }),
  createdAt: IsoInstantSchema,
});
export type Offer = z.infer<typeof OfferSchema>;

export const EventTypeSchema = z.enum(EVENT_TYPES);

/** One entry of an opportunity's audit history. */
export const OpportunityEventSchema = z.object({
  id: IdSchema,
  opportunityId: IdSchema,
  type: EventTypeSchema,
  actor: z.object({ userId: IdSchema, name: z.string() }),
  at: IsoInstantSchema,
  /** For `cloned`: { fromId }; for `used`: { offerId, buyerAccountId }. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type OpportunityEvent = z.infer<typeof OpportunityEventSchema>;

export const ProductSchema = z.object({ id: IdSchema, isvId: IdSchema, name: z.string() });
export type Product = z.infer<typeof ProductSchema>;

export const ResellerSchema = z.object({ id: IdSchema, name: z.string() });
export type Reseller = z.infer<typeof ResellerSchema>;

export const RoleSchema = z.enum(ROLES);

/** Who is calling: a user of one ISV, or a user of one reseller, with the user's role. */
export const PrincipalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('isv'),
    userId: IdSchema,
    name: z.string(),
    role: RoleSchema,
    isvId: IdSchema,
  }),
  z.object({
    kind: z.literal('reseller'),
    userId: IdSchema,
    name: z.string(),
    role: RoleSchema,
    resellerId: IdSchema,
  }),
]);
export type Principal = z.infer<typeof PrincipalSchema>;
