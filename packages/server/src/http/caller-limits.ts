import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Per caller, per server process (each process counts on its own; see docs/api.md). */
export interface CallerLimitsOptions {
  /** Procedure calls a caller may start per second (each call of a batch counts); 0: no limit. */
  callsPerSecond: number;
  /** HTTP requests a caller may have in flight at once; 0: no limit. */
  maxConcurrent: number;
}

export const DEFAULT_CALLS_PER_SECOND = 50;
export const DEFAULT_MAX_CONCURRENT = 4;

/** For benchmarks of throughput from one key, and tests of everything but the limits. */
export const NO_CALLER_LIMITS: CallerLimitsOptions = { callsPerSecond: 0, maxConcurrent: 0 };

export type Admission =
  | { ok: true; release: () => void }
  | { ok: false; why: 'rate' | 'concurrency'; retryAfterSeconds: number; limit: number };

const refusedBy = (err: unknown): RateLimiterRes => {
  // The limiters reject with their result when over; anything else is a real failure.
  if (err instanceof RateLimiterRes) return err;
  throw err;
};

/**
 * Calls per second and requests in flight per caller, with rate-limiter-flexible's in-memory
 * limiters (no store to reach, so a refusal costs no database work). A caller is its API key, or
 * its address when it sends none.
 */
export function createCallerLimits(opts: CallerLimitsOptions) {
  const rate = new RateLimiterMemory({ points: opts.callsPerSecond, duration: 1 });
  // duration 0: points never expire; each request takes one and gives it back when it ends.
  const inFlight = new RateLimiterMemory({ points: opts.maxConcurrent, duration: 0 });

  const release = async (key: string) => {
    const left = await inFlight.reward(key, 1);
    // A caller with nothing in flight leaves no entry (random keys must not grow the map).
    if (left.consumedPoints <= 0) await inFlight.delete(key);
  };

  return {
    async admit(key: string, calls: number): Promise<Admission> {
      if (opts.callsPerSecond > 0) {
        const refused = await rate.consume(key, calls).then(() => null, refusedBy);
        if (refused) {
          const retryAfterSeconds = Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
          return { ok: false, why: 'rate', retryAfterSeconds, limit: opts.callsPerSecond };
        }
      }
      if (opts.maxConcurrent <= 0) return { ok: true, release: () => {} };
      const refused = await inFlight.consume(key, 1).then(() => null, refusedBy);
      if (refused) {
        // The refused request took a point too: give it back.
        await release(key);
        return { ok: false, why: 'concurrency', retryAfterSeconds: 1, limit: opts.maxConcurrent };
      }
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          void release(key);
        },
      };
    },
  };
}

export type CallerLimits = ReturnType<typeof createCallerLimits>;
