import { can, DomainError, forbiddenMessage, type Permission } from '@resale-kit/core';
import { initTRPC } from '@trpc/server';
import type { InnerContext } from './context.js';
import { describeError, toTRPCError } from './errors.js';
import { debugErrors, describeInternalError } from './internal-errors.js';

const t = initTRPC.context<InnerContext>().create({
  // The one error formatter: tRPC's code and status, the domain code, coded issues (with their
  // English per field) and the guard's reason. Never a stack, never an internal message.
  // RESALE_KIT_DEBUG_ERRORS=1 adds, to INTERNAL errors only, the root cause (no bound
  // parameters, no key material) and its stack frames, for a developer's own machine.
  errorFormatter({ shape, error }) {
    const { message, ...domain } = describeError(error);
    const { stack: _stack, ...data } = shape.data;
    const debug =
      domain.domainCode === 'INTERNAL' && debugErrors()
        ? { debug: describeInternalError(error, true) }
        : {};
    return { ...shape, message, data: { ...data, ...domain, ...debug } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** A DomainError thrown anywhere below becomes the TRPCError whose code sets the HTTP status. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

/** No key needed. */
export const publicProcedure = t.procedure.use(mapDomainErrors);

/** Any caller with a valid API key (or signed in through the host's `authenticate`). */
const signedIn = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.principal) {
    throw new DomainError(
      'UNAUTHORIZED',
      'A valid API key is required: send Authorization: Bearer <api key>',
    );
  }
  return next({ ctx: { principal: ctx.principal } });
});

/**
 * Every procedure starts here, naming the permission it needs (core's PERMISSIONS, the one
 * table of who may do what): no key is UNAUTHORIZED, a role or kind without it FORBIDDEN.
 */
export const procedureFor = (permission: Permission) =>
  signedIn.use(({ ctx, next }) => {
    if (!can(ctx.principal, permission)) {
      throw new DomainError('FORBIDDEN', forbiddenMessage(ctx.principal, permission));
    }
    return next();
  });

/** An ISV-only permission: the principal is narrowed to an ISV user. */
export const isvProcedure = (permission: Permission) =>
  procedureFor(permission).use(({ ctx, next }) => {
    const { principal } = ctx;
    if (principal.kind !== 'isv')
      throw new DomainError('FORBIDDEN', 'Only an ISV user may do this');
    return next({ ctx: { principal } });
  });

/** A reseller-only permission: the principal is narrowed to a reseller user. */
export const resellerProcedure = (permission: Permission) =>
  procedureFor(permission).use(({ ctx, next }) => {
    const { principal } = ctx;
    if (principal.kind !== 'reseller') {
      throw new DomainError('FORBIDDEN', 'Only a reseller user may do this');
    }
    return next({ ctx: { principal } });
  });
