/**
 * The server under test, in this process: the server's own Store and HTTP server on a loopback
 * port, over a postgres.js client whose `debug` hook records the SQL each request sends, so the
 * same statements can be replayed straight through postgres.js for the "raw SQL" column.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
// createHttpServer is not (yet) exported from the package entry: taken from its module.
import { createHttpServer } from '../../packages/server/src/http/server.js';
import { createStore, type Database } from '../../packages/server/src/index.js';

export interface CapturedStatement {
  text: string;
  params: unknown[];
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

export async function startServer(url: string, opts: { maxConnections?: number } = {}) {
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
    close: () => client.end({ timeout: 5 }),
  };
  const http = createHttpServer({ store: createStore(db), logger: silent });
  const base = await http.listen(0, '127.0.0.1');
  return {
    base,
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

/** A tRPC query over plain fetch (no batching, no transformer). */
export async function trpcQuery<T>(base: string, key: string, path: string, input?: unknown) {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${base}/trpc/${path}${qs}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const body = (await res.json()) as { result?: { data: T } };
  if (!res.ok || !body.result) throw new HttpError(res.status, body);
  return body.result.data;
}

/** A tRPC mutation over plain fetch. */
export async function trpcMutation<T>(base: string, key: string, path: string, input: unknown) {
  const res = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: T } };
  if (!res.ok || !body.result) throw new HttpError(res.status, body);
  return body.result.data;
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
