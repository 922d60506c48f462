import {
  CloneOpportunityInputSchema,
  CreateOpportunityInputSchema,
  DeactivateInputSchema,
  DomainError,
  GetOpportunityInputSchema,
  ListOpportunitiesInputSchema,
  validateCreateOpportunity,
} from '@resale-kit/core';
import { isvProcedure, procedureFor, router } from '../trpc.js';

/**
 * Runs every create rule (static and clock-dependent) on the raw input before tRPC's own parse,
 * so one request reports every bad field at once instead of stopping at the first layer.
 */
const createRules = isvProcedure('opportunities.write').use(async ({ ctx, getRawInput, next }) => {
  const checked = validateCreateOpportunity(await getRawInput(), ctx.now());
  if (!checked.ok) throw DomainError.invalid(checked.issues);
  return next();
});

export const opportunitiesRouter = router({
  /** ISV: its opportunities; reseller: the ones that target it. Keyset-paged with a total. */
  list: procedureFor('read')
    .input(ListOpportunitiesInputSchema)
    .query(({ ctx, input }) => ctx.store.listOpportunities(ctx.principal, input, ctx.now())),

  /** The summary cards: Active, Expiring in 30 days, and a count per status. */
  summary: isvProcedure('opportunities.summary').query(({ ctx }) =>
    ctx.store.summary(ctx.principal, ctx.now()),
  ),

  /** One opportunity with its offers (CPPOs) and its history. */
  get: procedureFor('read')
    .input(GetOpportunityInputSchema)
    .query(async ({ ctx, input }) => {
      const details = await ctx.store.getOpportunity(ctx.principal, input.id, ctx.now());
      if (!details) throw new DomainError('NOT_FOUND', `No opportunity ${input.id}`);
      return details;
    }),

  /** One opportunity per product x reseller pair, all or nothing. */
  create: createRules
    .input(CreateOpportunityInputSchema)
    .mutation(({ ctx, input }) => ctx.store.createOpportunities(ctx.principal, input, ctx.now())),

  /** A fresh copy (times used 0, clonedFromId set); an end date already past must be replaced. */
  clone: isvProcedure('opportunities.write')
    .input(CloneOpportunityInputSchema)
    .mutation(({ ctx, input }) => ctx.store.cloneOpportunity(ctx.principal, input, ctx.now())),

  /** Active ones become Restricted; every other id reports why it was left alone. */
  deactivate: isvProcedure('opportunities.write')
    .input(DeactivateInputSchema)
    .mutation(({ ctx, input }) => ctx.store.deactivate(ctx.principal, input.ids, ctx.now())),
});
