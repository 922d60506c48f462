import { z } from 'zod';
import { isCalendarDate } from './dates.js';
import {
  charLength,
  DURATION_TYPES,
  EVENT_TYPES,
  MAX_DESCRIPTION_LENGTH,
  MAX_NAME_LENGTH,
  STATUSES,
} from './vocabulary.js';

export const StatusSchema = z.enum(STATUSES);
export const DurationTypeSchema = z.enum(DURATION_TYPES);

const hasAtMostTwoDecimals = (n: number): boolean => {
  const scaled = n * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-9;
};

export const IdSchema = z.uuid({ error: 'must be a UUID' });
export const IsoInstantSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 instant',
});
export const CalendarDateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'must be a real calendar date written YYYY-MM-DD' });

export const DiscountSchema = z.object({
  type: z.literal('percentage', { error: "discount.type must be 'percentage'" }),
  percent: z
    .number({ error: 'discount.percent must be a number' })
    .gt(0, { error: 'discount.percent must be greater than 0' })
    .lte(100, { error: 'discount.percent must be at most 100' })
    .refine(hasAtMostTwoDecimals, { error: 'discount.percent may have at most 2 decimals' }),
});
export type Discount = z.infer<typeof DiscountSchema>;

export const NameSchema = z
  .string({ error: 'name must be text' })
  .trim()
  .refine((s) => charLength(s) >= 1, { error: 'name is required' })
  .refine((s) => charLength(s) <= MAX_NAME_LENGTH, {
    error: `name must be at most ${MAX_NAME_LENGTH} characters`,
  });

export const DescriptionSchema = z
  .string({ error: 'description must be text' })
  .trim()
  .refine((s) => charLength(s) <= MAX_DESCRIPTION_LENGTH, {
    error: `description must be at most ${MAX_DESCRIPTION_LENGTH} characters`,
  })
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

/** An AWS account id: 12 digits. */
export const BuyerAccountIdSchema = z
  .string({ error: 'buyerAccountId must be text' })
  .regex(/^\d{12}$/, { error: 'buyerAccountId must be a 12-digit AWS account id' });

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

/** Who is calling: a user of one ISV, or a user of one reseller. */
export const PrincipalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('isv'), userId: IdSchema, name: z.string(), isvId: IdSchema }),
  z.object({
    kind: z.literal('reseller'),
    userId: IdSchema,
    name: z.string(),
    resellerId: IdSchema,
  }),
]);
export type Principal = z.infer<typeof PrincipalSchema>;
