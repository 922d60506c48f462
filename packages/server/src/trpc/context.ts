import type { Principal } from '@resale-kit/core';
import type { Store } from '../store/types.js';
import { createPrincipalCache } from './principal-cache.js';

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

/** What a sign-in hook is given: the request's headers (a Fetch `Request` is one). */
export interface AuthRequest {
  headers: Headers;
}

/**
 * The host's own sign-in: the principal of a request (a session cookie, a JWT...), or null for
 * nobody (then authed procedures answer UNAUTHORIZED). `jwtAuthenticate` makes one from JWTs;
 * `store.resolveSignedIn` turns a verified identity into a principal.
 */
export type Authenticate = (request: AuthRequest) => Promise<Principal | null> | Principal | null;

export interface CreateContextOptions {
  store: Store;
  now?: () => Date;
  clockFixed?: boolean;
  /** Trust a resolved API key this long (ms) before looking it up again; 0 or absent: never. */
  authCacheMs?: number;
  /** The host's sign-in, asked for every request that carries no API key. */
  authenticate?: Authenticate;
  /** Accept `Authorization: Bearer <api key>` (default true; false: the hook alone signs in). */
  apiKeys?: boolean;
}

type HeaderRecord = Record<string, string | string[] | undefined>;

function toHeaders(headers: Headers | HeaderRecord): Headers {
  if (headers instanceof Headers) return headers;
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(name, v);
  }
  return out;
}

/** API keys never contain a dot; a JWT always has two. So one header can carry either. */
const looksLikeApiKey = (token: string) => !token.includes('.');

/**
 * The HTTP context: an API key in `Authorization: Bearer` resolves through the store (and its
 * cache); any other request goes to the `authenticate` hook when there is one. An unknown key
 * or a hook's null yields no principal; authed procedures then answer UNAUTHORIZED.
 */
export function createContext(opts: CreateContextOptions) {
  const cache = createPrincipalCache((key, now) => opts.store.resolveApiKey(key, now), {
    ttlMs: opts.authCacheMs ?? 0,
  });
  if ((opts.authCacheMs ?? 0) > 0) opts.store.onAuthChange(() => cache.clear());
  const acceptKeys = opts.apiKeys !== false;
  const clock = opts.now ?? (() => new Date());
  return async ({ req }: { req: { headers: Headers | HeaderRecord } }): Promise<InnerContext> => {
    const headers = toHeaders(req.headers);
    const token = bearerToken(headers.get('authorization') ?? undefined);
    let principal: Principal | null = null;
    if (token && acceptKeys && looksLikeApiKey(token)) {
      principal = await cache.authenticate(token, clock());
    } else if (opts.authenticate) {
      principal = (await opts.authenticate({ headers })) ?? null;
    }
    return createInnerContext({ ...opts, principal });
  };
}
