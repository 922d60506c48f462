import { procedureFor, router } from '../trpc.js';

/** ISV: its products. Reseller: what the store lets it see (products it is authorized for). */
export const productsRouter = router({
  list: procedureFor('read').query(({ ctx }) => ctx.store.listProducts(ctx.principal)),
});

/** ISV: the resellers it works with. Reseller: itself. */
export const resellersRouter = router({
  list: procedureFor('read').query(({ ctx }) => ctx.store.listResellers(ctx.principal)),
});
