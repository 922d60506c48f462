import type { Principal } from '@resale-kit/core';
import type { KeyAuth } from '../store/auth.js';
import { hashApiKey } from '../store/auth.js';

/** createHttpServer's `authCacheMs` and the bin's AUTH_CACHE_MS when not set. */
export const DEFAULT_AUTH_CACHE_MS = 10_000;

type Resolve = (apiKey: string, now: Date) => Promise<KeyAuth | null>;

export interface PrincipalCacheOptions {
  /** How long a resolved key is trusted without asking the database again, in ms; 0 = off. */
  ttlMs: number;
  /** Most keys held; the one resolved longest ago is dropped first (default 10,000). */
  maxEntries?: number;
  /** Milliseconds clock for the TTL (tests). */
  clock?: () => number;
}

export interface PrincipalCache {
  authenticate(apiKey: string, now: Date): Promise<Principal | null>;
  /** Forgets every key: called when any key or user changed (the store's onAuthChange). */
  clear(): void;
}

/**
 * Remembers the principal an API key resolved to, so a client's requests cost one key lookup
 * per TTL instead of one each (the lookup was a third of a list request's database time).
 * Speed only, never a security window: the owner clears it whenever a key is revoked or
 * rotated or a user removed or re-roled (in this process at once, in the others through
 * Postgres NOTIFY), and an entry never outlives its key's expiry or rotation grace period.
 * Only keys that resolved are kept, so unknown keys cannot fill the cache and a new key works
 * at once. Keys are held by their hash, never in clear.
 */
export function createPrincipalCache(
  resolve: Resolve,
  opts: PrincipalCacheOptions,
): PrincipalCache {
  const { ttlMs, maxEntries = 10_000, clock = Date.now } = opts;
  const direct = async (apiKey: string, now: Date) =>
    (await resolve(apiKey, now))?.principal ?? null;
  if (!(ttlMs > 0)) return { authenticate: direct, clear: () => {} };
  const entries = new Map<string, { principal: Principal; until: number; validUntil: number }>();
  // Bumped by clear(): a lookup that started before a clear must not store its answer after.
  let generation = 0;
  return {
    clear() {
      generation++;
      entries.clear();
    },
    async authenticate(apiKey, now) {
      const id = hashApiKey(apiKey);
      const hit = entries.get(id);
      if (hit && hit.until > clock() && hit.validUntil > now.getTime()) return hit.principal;
      const started = generation;
      const auth = await resolve(apiKey, now);
      // Re-inserting moves the key to the end: Map order is then "resolved longest ago" first.
      entries.delete(id);
      if (auth && started === generation) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(id, {
          principal: Object.freeze(auth.principal),
          until: clock() + ttlMs,
          validUntil: auth.validUntil?.getTime() ?? Number.POSITIVE_INFINITY,
        });
      }
      return auth?.principal ?? null;
    },
  };
}
