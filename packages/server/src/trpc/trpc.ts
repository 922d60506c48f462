import { initTRPC, TRPCError } from '@trpc/server';
import { StoreError } from '../store/types.js';
import type { InnerContext } from './context.js';
import { describeError, fromStoreError } from './errors.js';

/** Read per error, so a process (or a test) switching NODE_ENV is honoured. */
const isProduction = (): boolean => process.env.NODE_ENV === 'production';

const t = initTRPC.context<InnerContext>().create({
  // The one error formatter: tRPC code + stable domain code + field messages, no stack in prod.
  errorFormatter({ shape, error }) {
    const { message, ...domain } = describeError(error, { production: isProduction() });
    const { stack, ...data } = shape.data;
    return {
      ...shape,
      message,
      data: { ...data, ...(isProduction() ? {} : { stack }), ...domain },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Store failures become TRPCErrors whose code drives the HTTP status; the cause keeps detail. */
const mapStoreErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof StoreError) {
    throw fromStoreError(result.error.cause);
  }
  return result;
});

/** No key needed. */
export const publicProcedure = t.procedure.use(mapStoreErrors);

/** Any caller with a valid API key. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.principal) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'A valid API key is required: send Authorization: Bearer <api key>',
    });
  }
  return next({ ctx: { principal: ctx.principal } });
});

/** ISV users only; a reseller is FORBIDDEN. */
export const isvProcedure = authedProcedure.use(({ ctx, next }) => {
  const { principal } = ctx;
  if (principal.kind !== 'isv') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only an ISV user may do this' });
  }
  return next({ ctx: { principal } });
});

/** Reseller users only; an ISV is FORBIDDEN. */
export const resellerProcedure = authedProcedure.use(({ ctx, next }) => {
  const { principal } = ctx;
  if (principal.kind !== 'reseller') {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Only a reseller user may do this' });
  }
  return next({ ctx: { principal } });
});
