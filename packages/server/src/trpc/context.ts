import type { Principal } from '@resale-kit/core';
import type { Store } from '../store/types.js';
import { cachedAuthenticate } from './principal-cache.js';

/**
 * What every procedure sees. Deliberately free of HTTP: tests build it directly and call
 * `createCaller(innerContext)`. It holds the `Store` interface (never a db) so the router's
 * public type, which the SDK inlines, carries no Drizzle or PGlite types.
 */
export interface InnerContext {
  store: Store;
  /** The request's clock. Injectable: tests and RESALE_KIT_NOW run "as of" a moment. */
  now: () => Date;
  /** True when `now` is pinned (RESALE_KIT_NOW or a test clock) rather than the system clock. */
  clockFixed: boolean;
  /** Who is calling; null when no valid API key was presented. */
  principal: Principal | null;
}

export interface CreateInnerContextOptions {
  store: Store;
  now?: () => Date;
  clockFixed?: boolean;
  principal?: Principal | null;
}

export function createInnerContext(opts: CreateInnerContextOptions): InnerContext {
  return {
    store: opts.store,
    now: opts.now ?? (() => new Date()),
    clockFixed: opts.clockFixed ?? false,
    principal: opts.principal ?? null,
  };
}

/** A clock pinned at `instant`: every call returns the same moment. */
export function fixedClock(instant: Date | string): () => Date {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`fixedClock: not an instant: ${String(instant)}`);
  return () => new Date(ms);
}

/** The API key of an `Authorization: Bearer <key>` header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return match?.[1] ?? null;
}

export interface CreateContextOptions {
  store: Store;
  now?: () => Date;
  clockFixed?: boolean;
  /** Trust a resolved API key this long (ms) before looking it up again; 0 or absent: never. */
  authCacheMs?: number;
}

/**
 * The HTTP context: reads the bearer key and resolves it to a principal through the store.
 * An unknown key yields no principal; authed procedures then answer UNAUTHORIZED.
 */
export function createContext(opts: CreateContextOptions) {
  const authenticate = cachedAuthenticate((key) => opts.store.authenticate(key), {
    ttlMs: opts.authCacheMs ?? 0,
  });
  return async ({
    req,
  }: {
    req: { headers: Record<string, string | string[] | undefined> };
  }): Promise<InnerContext> => {
    const apiKey = bearerToken(req.headers.authorization);
    const principal = apiKey ? await authenticate(apiKey) : null;
    return createInnerContext({ ...opts, principal });
  };
}
