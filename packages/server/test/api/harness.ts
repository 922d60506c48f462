import type { DomainErrorData, FieldIssue } from '@resale-kit/core';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { TRPCError } from '@trpc/server';
import { describe } from 'vitest';
import type { Database } from '../../src/db/index.js';
import { NO_CALLER_LIMITS } from '../../src/http/caller-limits.js';
import { silentLogger } from '../../src/http/logger.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createStore, type Store } from '../../src/store/index.js';
import { createContext, fixedClock } from '../../src/trpc/context.js';
import { describeError } from '../../src/trpc/errors.js';
import { type AppRouter, appRouter, createCaller } from '../../src/trpc/routers/_app.js';
import { type Driver, testDatabases } from '../support/db.js';
import { insertTenants, KEYS, type Role } from './tenants.js';

/** Every API test runs "as of" this moment, so end dates and statuses are deterministic. */
export const NOW = new Date('2026-03-10T12:00:00.000Z');

export type { Driver };

/** A fresh, migrated database from the shared test support (PGlite, or a new Postgres db). */
async function openDatabase(driver: Driver): Promise<{ db: Database; drop: () => Promise<void> }> {
  const target = testDatabases().find((t) => t.driver === driver);
  if (!target?.enabled) throw new Error(`${driver} is not available (DATABASE_URL unset?)`);
  const { db, close } = await target.open();
  return { db, drop: close };
}

/** How a procedure call ended, the same shape whichever transport carried it. */
export type Outcome =
  | { ok: true; value: unknown }
  | {
      ok: false;
      code: string;
      domainCode: string;
      issues: FieldIssue[] | null;
      fieldErrors: Record<string, string[]> | null;
      reason: string | null;
      message: string;
    };

export type Transport = 'caller' | 'http';

/** Mutations (POST over HTTP), read from the router itself so a new procedure is never missed. */
export const isMutation = (path: string): boolean =>
  (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } } | undefined>)[
    path
  ]?._def.type === 'mutation';

export interface Api {
  db: Database;
  store: Store;
  url: string;
  http: HttpServer;
  /** Calls `path` (e.g. 'opportunities.get') as `role` through `transport`. */
  call(
    transport: Transport,
    role: Role | { key: string },
    path: string,
    input?: unknown,
  ): Promise<Outcome>;
  /** Through createCaller with another clock: "as of" `now`. */
  callAt(now: Date, role: Role | { key: string }, path: string, input?: unknown): Promise<Outcome>;
  /** Same, but throws on failure and returns the value: for setup steps. */
  must<T = unknown>(role: Role, path: string, input?: unknown): Promise<T>;
  /** A typed tRPC client for `role` over HTTP (batching on). */
  client(role: Role | { key: string }): ReturnType<typeof createTRPCClient<AppRouter>>;
  close(): Promise<void>;
}

const keyOf = (role: Role | { key: string }): string | null =>
  typeof role === 'object' ? role.key : role === 'none' ? null : KEYS[role];

type Callable = (input?: unknown) => Promise<unknown>;
function resolvePath(root: unknown, path: string): Record<string, Callable> {
  return path
    .split('.')
    .reduce((node, part) => (node as Record<string, unknown>)[part], root) as Record<
    string,
    Callable
  >;
}

/** The real store on a fresh database with the test tenants, behind both transports. */
export async function openApi(driver: Driver, opts: { now?: Date } = {}): Promise<Api> {
  const { db, drop } = await openDatabase(driver);
  await insertTenants(db);
  const store = createStore(db);
  const now = fixedClock(opts.now ?? NOW);
  // The API's semantics, not its per-key limits (test/api/abuse.test.ts has those).
  const http = createHttpServer({
    store,
    now,
    clockFixed: true,
    logger: silentLogger,
    callerLimits: NO_CALLER_LIMITS,
  });
  const url = await http.listen(0);
  const httpContext = createContext({ store, now, clockFixed: true });

  const client = (role: Role | { key: string }) => {
    const key = keyOf(role);
    return createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${url}/trpc`,
          headers: (): Record<string, string> => (key ? { authorization: `Bearer ${key}` } : {}),
        }),
      ],
    });
  };

  async function call(
    transport: Transport | { now: Date },
    role: Role | { key: string },
    path: string,
    input?: unknown,
  ): Promise<Outcome> {
    try {
      if (transport !== 'http') {
        const key = keyOf(role);
        const context =
          transport === 'caller'
            ? httpContext
            : createContext({ store, now: fixedClock(transport.now), clockFixed: true });
        // The same context factory HTTP uses, fed the header a client would send.
        const ctx = await context({
          req: { headers: key ? { authorization: `Bearer ${key}` } : {} },
        });
        const fn = resolvePath(createCaller(ctx), path) as unknown as Callable;
        return { ok: true, value: await fn(input) };
      }
      const proc = resolvePath(client(role), path);
      const fn = isMutation(path) ? proc.mutate : proc.query;
      if (!fn) throw new Error(`no procedure ${path}`);
      return { ok: true, value: await fn(input) };
    } catch (err) {
      if (err instanceof TRPCError) {
        const d = describeError(err);
        return { ok: false, code: err.code, ...d };
      }
      if (err instanceof TRPCClientError) {
        const data = err.data as DomainErrorData & { code: string };
        return {
          ok: false,
          code: data.code,
          domainCode: data.domainCode,
          issues: data.issues,
          fieldErrors: data.fieldErrors,
          reason: data.reason,
          message: err.message,
        };
      }
      throw err;
    }
  }

  return {
    db,
    store,
    url,
    http,
    call,
    callAt: (at, role, path, input) => call({ now: at }, role, path, input),
    client,
    async must<T>(role: Role, path: string, input?: unknown) {
      const out = await call('caller', role, path, input);
      if (!out.ok) throw new Error(`${path} as ${role} failed: ${out.domainCode} ${out.message}`);
      return out.value as T;
    },
    async close() {
      await http.close();
      await drop();
    },
  };
}

/**
 * Runs `body` once per driver: PGlite always, Postgres when DATABASE_URL is set. Without it the
 * Postgres suite is registered as skipped (and the support module warns), never as passed.
 */
export function describeEachDriver(title: string, body: (driver: Driver) => void): void {
  for (const target of testDatabases()) {
    const block = target.enabled ? describe : describe.skip;
    block(`${title} [${target.driver}]`, () => body(target.driver));
  }
}
