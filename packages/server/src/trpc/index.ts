export {
  bearerToken,
  type CreateContextOptions,
  type CreateInnerContextOptions,
  createContext,
  createInnerContext,
  fixedClock,
  type InnerContext,
} from './context.js';
export { type DescribedError, type DomainErrorData, describeError } from './errors.js';
export { type AppRouter, appRouter, createCaller } from './routers/_app.js';
export {
  authedProcedure,
  isvProcedure,
  publicProcedure,
  resellerProcedure,
  router,
} from './trpc.js';
