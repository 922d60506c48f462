/**
 * The server under test, in this process: the server's own Store and HTTP server on a loopback
 * port, over a postgres.js client whose `debug` hook records the SQL each request sends, so the
 * same statements can be replayed straight through postgres.js for the "raw SQL" column.
 */
import { Agent, request as httpRequest } from 'node:http';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
// The server's public entry, from source (tsx): no build needed before benchmarking.
import {
  createDb,
  createHttpServer,
  createStore,
  type Database,
  NO_CALLER_LIMITS,
} from '../../packages/server/src/index.js';

export interface CapturedStatement {
  text: string;
  params: unknown[];
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

export async function startServer(url: string, opts: { maxConnections?: number } = {}) {
  // The server's committed migrations first (idempotent): a database loaded before a new
  // migration landed would otherwise fail on the new schema.
  await (await createDb({ url })).close();
  let sink: CapturedStatement[] | null = null;
  const client = postgres(url, {
    max: opts.maxConnections ?? 10,
    onnotice: () => {},
    debug: (_connection, text, params) => {
      sink?.push({ text, params: [...params] });
    },
  });
  const orm = drizzle(client);
  const db: Database = {
    orm: orm as unknown as Database['orm'],
    driver: 'postgres',
    migrate: async () => {},
    health: async () => ({ schema: null }),
    close: () => client.end({ timeout: 5 }),
  };
  const store = createStore(db);
  const http = createHttpServer({ store, logger: silent, callerLimits: NO_CALLER_LIMITS });
  const base = await http.listen(0, '127.0.0.1');
  return {
    base,
    /** The same Store the HTTP server uses, for calls without HTTP, tRPC or auth. */
    store,
    /** The statements the server sends while `fn` runs (run one request at a time). */
    async capture(fn: () => Promise<unknown>): Promise<CapturedStatement[]> {
      sink = [];
      try {
        await fn();
        return sink;
      } finally {
        sink = null;
      }
    },
    async close() {
      await http.close();
      await db.close();
    },
  };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
}

/**
 * tRPC over node:http with a keep-alive pool: a lighter client than fetch (about a fifth of its
 * CPU per request), which matters when client and server share two cores or one event loop.
 */
export function lightClient(base: string, maxSockets = 1) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(base);
  const send = (method: 'GET' | 'POST', path: string, key?: string, body?: string) =>
    new Promise<{ status: number; json: unknown }>((resolve, reject) => {
      const headers: Record<string, string | number> = {};
      if (key) headers.authorization = `Bearer ${key}`;
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(body);
      }
      const req = httpRequest({ agent, hostname, port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
            resolve({ status: res.statusCode ?? 0, json });
          } catch (err) {
            reject(err);
          }
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  const data = <T>({ status, json }: { status: number; json: unknown }) => {
    const result = (json as { result?: { data: T } }).result;
    if (status !== 200 || !result) throw new HttpError(status, json);
    return result.data;
  };
  return {
    /** A tRPC query (GET, input in the query string). */
    query: async <T>(key: string, path: string, input?: unknown) => {
      const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      return data<T>(await send('GET', `/trpc/${path}${qs}`, key));
    },
    /** A tRPC mutation (POST, JSON body). */
    mutate: async <T>(key: string, path: string, input: unknown) =>
      data<T>(await send('POST', `/trpc/${path}`, key, JSON.stringify(input))),
    /** A plain GET (e.g. /healthz), answered with its JSON. */
    get: (path: string) => send('GET', path),
    close: () => agent.destroy(),
  };
}

/**
 * The dependency phases of a request's statements, as the server runs them: the API-key lookup
 * first, then everything else at once (the page, its total and, on cursor pages, the probe for
 * the other side of the cursor, which depends only on the cursor).
 */
export function phases(statements: CapturedStatement[]): CapturedStatement[][] {
  const auth = statements.filter((s) => /"api_keys"/.test(s.text));
  const rest = statements.filter((s) => !auth.includes(s));
  return [auth, rest].filter((p) => p.length > 0);
}

/** Replays phases one after another, each phase's statements at once. */
export function phasedReplayer(sql: postgres.Sql) {
  const replay = replayer(sql);
  return async (groups: CapturedStatement[][]) => {
    for (const g of groups) await replay(g);
  };
}

/** Replays captured statements through postgres.js, all at once (the raw lower bound). */
export function replayer(sql: postgres.Sql) {
  return (statements: CapturedStatement[]) =>
    Promise.all(
      statements.map((s) =>
        sql.unsafe(s.text, s.params as postgres.ParameterOrJSON<never>[], { prepare: false }),
      ),
    );
}
