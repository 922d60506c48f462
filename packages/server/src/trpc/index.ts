export {
  type Authenticate,
  type AuthRequest,
  bearerToken,
  type CreateContextOptions,
  type CreateInnerContextOptions,
  createContext,
  createInnerContext,
  fixedClock,
  type InnerContext,
} from './context.js';
// The error shape's `debug` field is part of AppRouter's type: the SDK's declarations name it.
export type { ErrorDetail } from './internal-errors.js';
export { type AppRouter, appRouter, createCaller } from './routers/_app.js';
