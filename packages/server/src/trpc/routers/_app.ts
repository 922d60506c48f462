import { createCallerFactory, router } from '../trpc.js';
import { adminRouter } from './admin.js';
import { productsRouter, resellersRouter } from './catalog.js';
import { meProcedure } from './me.js';
import { offersRouter } from './offers.js';
import { opportunitiesRouter } from './opportunities.js';

export const appRouter = router({
  opportunities: opportunitiesRouter,
  offers: offersRouter,
  products: productsRouter,
  resellers: resellersRouter,
  me: meProcedure,
  admin: adminRouter,
});

/** The router's type: all the SDK needs. It names core, zod, @trpc/server and Store types only. */
export type AppRouter = typeof appRouter;

/** Calls procedures in-process with an inner context: `createCaller(ctx).opportunities.list()`. */
export const createCaller = createCallerFactory(appRouter);
