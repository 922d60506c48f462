import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainError, MAX_BATCH_SIZE } from '@resale-kit/core';
import type { DatabaseHealth } from '../db/health.js';
import {
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from '../env.js';
import type { Store } from '../store/types.js';
import { type Authenticate, bearerToken, createContext } from '../trpc/context.js';
import { errorLogFields } from '../trpc/internal-errors.js';
import { DEFAULT_AUTH_CACHE_MS } from '../trpc/principal-cache.js';
import { appRouter } from '../trpc/routers/_app.js';
import {
  type CallerLimitsOptions,
  createCallerLimits,
  DEFAULT_CALLS_PER_SECOND,
  DEFAULT_MAX_CONCURRENT,
} from './caller-limits.js';
import { applyCors, type CorsOptions } from './cors.js';
import { createJsonLogger, type Logger } from './logger.js';
import { callCount, createTrpcHandler, sendDomainError } from './trpc-handler.js';

export interface HttpServerOptions {
  store: Store;
  /** The clock of every request; the system clock when absent. */
  now?: () => Date;
  /** Whether `now` is pinned (reported by `me` so a UI can say "as of"). */
  clockFixed?: boolean;
  /** Browser origins allowed to call the API; CORS headers are off when absent. */
  cors?: CorsOptions;
  logger?: Logger;
  /**
   * Probes the database for GET /healthz; throw (or reject) when it is unreachable. Resolving
   * with `{ schema }` (Database.health) reports the schema version, and a null schema (the
   * tables are gone) answers 503.
   */
  checkDatabase?: () => Promise<unknown>;
  /**
   * Served at GET /demo/identities so a demo UI can switch identity. Pass them only for a
   * database holding the demo seed and never in production (createHttpServer refuses then).
   */
  demoIdentities?: readonly object[];
  /**
   * How long (ms) a resolved API key is kept before it is looked up again (default 10,000;
   * 0 = every request). Speed only: a revoke, rotation, removal or role change clears it.
   */
  authCacheMs?: number;
  /** The host's own sign-in, for requests without an API key (see createContext). */
  authenticate?: Authenticate;
  /** Accept API keys beside `authenticate` (default true). */
  apiKeys?: boolean;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodySize?: number;
  /** On close, connections still busy after this many ms are cut (default 10 s). */
  shutdownGraceMs?: number;
  /** Calls one batched request may hold (default MAX_BATCH_SIZE, 10). */
  maxBatchSize?: number;
  /**
   * Per caller (API key, or address without one), per process: calls per second (default 50)
   * and requests in flight (default 4). Over either: 429 RATE_LIMITED with Retry-After.
   */
  callerLimits?: Partial<CallerLimitsOptions>;
  /**
   * Node's `requestTimeout` (whole request, body included; default 30 s) and `headersTimeout`
   * (default 10 s): a client that sends slowly is cut with 408 instead of holding its socket and
   * buffers for Node's default 300 s.
   */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Open connections the server accepts at once (default 1,000); more are closed on arrival. */
  maxConnections?: number;
}

export interface HttpServer {
  server: Server;
  /** Starts listening; resolves with the base URL, e.g. http://127.0.0.1:3001. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting connections and resolves once in-flight requests have finished. */
  close(): Promise<void>;
}

const TRPC_PREFIX = '/trpc/';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * Who a request counts against: its API key (as a digest, so raw keys are not kept in one more
 * place), or its address when it sends none.
 */
function callerOf(req: IncomingMessage): string {
  const key = bearerToken(req.headers.authorization);
  if (key) return `key:${createHash('sha256').update(key).digest('base64url').slice(0, 22)}`;
  return `addr:${req.socket.remoteAddress ?? 'unknown'}`;
}

/** The resale-kit API on node:http: tRPC under /trpc, /healthz, and optionally /demo/identities. */
export function createHttpServer(opts: HttpServerOptions): HttpServer {
  if (opts.demoIdentities && process.env.NODE_ENV === 'production') {
    throw new Error('createHttpServer: demo identities are never served in production');
  }
  const logger = opts.logger ?? createJsonLogger();
  const maxBatchSize = opts.maxBatchSize ?? MAX_BATCH_SIZE;
  const limits = createCallerLimits({
    callsPerSecond: opts.callerLimits?.callsPerSecond ?? DEFAULT_CALLS_PER_SECOND,
    maxConcurrent: opts.callerLimits?.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
  });
  const trpc = createTrpcHandler({
    router: appRouter,
    maxBodySize: opts.maxBodySize ?? 1024 * 1024,
    maxBatchSize,
    createContext: createContext({
      store: opts.store,
      now: opts.now,
      clockFixed: opts.clockFixed,
      authCacheMs: opts.authCacheMs ?? DEFAULT_AUTH_CACHE_MS,
      authenticate: opts.authenticate,
      apiKeys: opts.apiKeys,
    }),
    onError({ error, path }) {
      // Expected failures reach the client; only the unexpected ones need a server log.
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        // Never the error's own message or stack: Drizzle's hold the bound parameters.
        logger.error('procedure failed', { procedure: path, ...errorLogFields(error) });
      }
    },
  });

  async function health(res: ServerResponse): Promise<void> {
    if (!opts.checkDatabase) return sendJson(res, 200, { status: 'ok', database: 'unchecked' });
    try {
      const checked = await opts.checkDatabase();
      if (!(typeof checked === 'object' && checked !== null && 'schema' in checked)) {
        return sendJson(res, 200, { status: 'ok', database: 'ok' });
      }
      const { schema } = checked as DatabaseHealth;
      if (schema === null) {
        logger.error('health check failed', { error: { message: 'the schema is missing' } });
        return sendJson(res, 503, { status: 'unavailable', database: 'ok', schema: 'missing' });
      }
      sendJson(res, 200, { status: 'ok', database: 'ok', schema });
    } catch (err) {
      logger.error('health check failed', errorLogFields(err));
      sendJson(res, 503, { status: 'unavailable', database: 'unreachable' });
    }
  }

  /** /trpc behind the caller's limits: a refusal costs no body read and no database work. */
  async function limited(req: IncomingMessage, res: ServerResponse, url: URL, path: string) {
    const calls = callCount(url, path);
    // An oversized batch is refused by the handler whatever the caller's budget (a 400).
    if (calls > maxBatchSize) return trpc(req, res, url, path);
    const admission = await limits.admit(callerOf(req), calls);
    if (!admission.ok) {
      const message =
        admission.why === 'rate'
          ? `Too many calls: at most ${admission.limit} per second for one API key`
          : `Too many requests in flight: at most ${admission.limit} at once for one API key`;
      return sendDomainError(appRouter, res, new DomainError('RATE_LIMITED', message), {
        'retry-after': String(admission.retryAfterSeconds),
      });
    }
    res.once('close', admission.release);
    return trpc(req, res, url, path);
  }

  function route(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void> {
    if (applyCors(opts.cors, req, res)) return;
    const path = url.pathname;
    if (path === '/trpc' || path.startsWith(TRPC_PREFIX)) {
      return limited(req, res, url, path.slice(TRPC_PREFIX.length));
    }
    if (req.method === 'GET' && path === '/healthz') return health(res);
    if (req.method === 'GET' && path === '/demo/identities' && opts.demoIdentities) {
      return sendJson(res, 200, opts.demoIdentities);
    }
    sendJson(res, 404, { error: 'NOT_FOUND', message: `No route for ${req.method} ${path}` });
  }

  const server = createServer(
    {
      requestTimeout: opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      headersTimeout: opts.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
      // How often Node looks for requests past those timeouts (its default is every 30 s).
      connectionsCheckingInterval: 1000,
    },
    (req, res) => {
      const started = performance.now();
      // Every answer is JSON about one caller: never sniffed as another type, never cached.
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('cache-control', 'no-store');
      const url = URL.parse(req.url ?? '/', 'http://localhost');
      // Only the path is logged: query strings carry procedure input, headers carry API keys.
      const path = url?.pathname ?? '(invalid)';
      res.on('finish', () => {
        logger.info('request', {
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
        });
      });
      if (!url) {
        return sendJson(res, 400, {
          error: 'BAD_REQUEST',
          message: 'The request target is not a valid URL',
        });
      }
      Promise.resolve(route(req, res, url)).catch((err: unknown) => {
        logger.error('request failed', { path, ...errorLogFields(err) });
        if (!res.headersSent) sendJson(res, 500, { error: 'INTERNAL', message: 'Internal error' });
        else res.end();
      });
    },
  );
  server.maxConnections = opts.maxConnections ?? DEFAULT_MAX_CONNECTIONS;

  return {
    server,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server.listening) return resolve();
        const cut = setTimeout(() => server.closeAllConnections(), opts.shutdownGraceMs ?? 10_000);
        cut.unref();
        server.close((err) => {
          clearTimeout(cut);
          return err ? reject(err) : resolve();
        });
        // Keep-alive sockets with no request in flight would hold close() open.
        server.closeIdleConnections();
      });
    },
  };
}
