import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/types.js';
import { type Authenticate, createContext } from '../trpc/context.js';
import { DEFAULT_AUTH_CACHE_MS } from '../trpc/principal-cache.js';
import { appRouter } from '../trpc/routers/_app.js';
import { applyCors, type CorsOptions } from './cors.js';
import { createJsonLogger, type Logger } from './logger.js';
import { createTrpcHandler } from './trpc-handler.js';

export interface HttpServerOptions {
  store: Store;
  /** The clock of every request; the system clock when absent. */
  now?: () => Date;
  /** Whether `now` is pinned (reported by `me` so a UI can say "as of"). */
  clockFixed?: boolean;
  /** Browser origins allowed to call the API; CORS headers are off when absent. */
  cors?: CorsOptions;
  logger?: Logger;
  /** Probes the database for GET /healthz; throw (or reject) when it is unreachable. */
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

/** The resale-kit API on node:http: tRPC under /trpc, /healthz, and optionally /demo/identities. */
export function createHttpServer(opts: HttpServerOptions): HttpServer {
  if (opts.demoIdentities && process.env.NODE_ENV === 'production') {
    throw new Error('createHttpServer: demo identities are never served in production');
  }
  const logger = opts.logger ?? createJsonLogger();
  const trpc = createTrpcHandler({
    router: appRouter,
    maxBodySize: opts.maxBodySize ?? 1024 * 1024,
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
        logger.error('procedure failed', {
          procedure: path,
          error: error.cause?.message ?? error.message,
          stack: error.cause?.stack ?? error.stack,
        });
      }
    },
  });

  async function health(res: ServerResponse): Promise<void> {
    if (!opts.checkDatabase) return sendJson(res, 200, { status: 'ok', database: 'unchecked' });
    try {
      await opts.checkDatabase();
      sendJson(res, 200, { status: 'ok', database: 'ok' });
    } catch (err) {
      logger.error('health check failed', { error: (err as Error).message });
      sendJson(res, 503, { status: 'unavailable', database: 'unreachable' });
    }
  }

  function route(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void> {
    if (applyCors(opts.cors, req, res)) return;
    const path = url.pathname;
    if (path === '/trpc' || path.startsWith(TRPC_PREFIX)) {
      return trpc(req, res, url, path.slice(TRPC_PREFIX.length));
    }
    if (req.method === 'GET' && path === '/healthz') return health(res);
    if (req.method === 'GET' && path === '/demo/identities' && opts.demoIdentities) {
      return sendJson(res, 200, opts.demoIdentities);
    }
    sendJson(res, 404, { error: 'NOT_FOUND', message: `No route for ${req.method} ${path}` });
  }

  const server = createServer((req, res) => {
    const started = performance.now();
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
      logger.error('request failed', { path, error: (err as Error).message });
      if (!res.headersSent) sendJson(res, 500, { error: 'INTERNAL', message: 'Internal error' });
      else res.end();
    });
  });

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
