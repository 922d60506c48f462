import { CreateOfferInputSchema } from '@resale-kit/core';
import { resellerProcedure, router } from '../trpc.js';

export const offersRouter = router({
  /**
   * A reseller creates a CPPO from an Active opportunity that targets it. A repeated
   * idempotencyKey returns the first result (`replayed: true`) and counts nothing again.
   */
  create: resellerProcedure('offers.create')
    .input(CreateOfferInputSchema)
    .mutation(({ ctx, input }) => ctx.store.createOffer(ctx.principal, input, ctx.now())),
});
