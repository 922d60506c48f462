// Persistence: database factory, migrations, the Store and demo data.

// Sign-in with the host's JWTs (the `authenticate` hook), and the operator's commands.
export { type JwtAuthOptions, JwtConfigError, jwtAuthenticate } from './auth/jwt.js';
export {
  type CreateDbOptions,
  createDb,
  type Database,
  type DatabaseHealth,
  migrate,
  rebuildCounters,
} from './db/index.js';
export { DataFolderError } from './db/pglite-folder.js';
// API: the tRPC router, its contexts and the HTTP server.
export { EnvError, loadEnv, type ServerEnv } from './env.js';
export {
  type CallerLimitsOptions,
  DEFAULT_CALLS_PER_SECOND,
  DEFAULT_MAX_CONCURRENT,
  NO_CALLER_LIMITS,
} from './http/caller-limits.js';
export { type CorsOptions, parseCorsOrigins } from './http/cors.js';
export { createJsonLogger, type Logger, type LogLevel } from './http/logger.js';
export { createHttpServer, type HttpServer, type HttpServerOptions } from './http/server.js';
export { runOperatorCommand, UsageError, validDemoKeyIds } from './operator.js';
export { DEMO_IDENTITIES, type DemoIdentity, demoId, seedDemo } from './seed/index.js';
export {
  type CreatedOrganization,
  createOrganization,
  listOrganizations,
  type Organization,
} from './store/admin/operator.js';
export { createStore } from './store/index.js';
export * from './store/types.js';
export * from './trpc/index.js';
