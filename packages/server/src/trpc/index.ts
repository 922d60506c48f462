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
export { type AppRouter, appRouter, createCaller } from './routers/_app.js';
