import { MAX_BATCH_SIZE } from '@resale-kit/core';
import { createTRPCClient, httpBatchLink, httpLink, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import { ResaleError } from './errors.js';
import type { AppRouter } from './router.js';

type MaybePromise<T> = T | Promise<T>;

export interface ResaleClientOptions {
  /** The API's tRPC endpoint, e.g. 'http://localhost:3001/trpc' (or '/trpc' behind a proxy). */
  url: string;
  /** A fixed API key, sent as `Authorization: Bearer <key>`. */
  apiKey?: string;
  /** Called before every request: for keys that change (identity switch, rotation). */
  getApiKey?: () => MaybePromise<string | null | undefined>;
  /** A fetch implementation (tests, edge runtimes); defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string> | (() => MaybePromise<Record<string, string>>);
  /** Combine concurrent calls into one HTTP request (default true). */
  batch?: boolean;
  /**
   * Most calls per batched request (default MAX_BATCH_SIZE, the server's default cap); more
   * concurrent calls go out as several requests. Match a server started with MAX_BATCH_SIZE.
   */
  maxBatchSize?: number;
}

/** Turns every transport error into a ResaleError. Mutations are never retried. */
const resaleErrorLink: TRPCLink<AppRouter> =
  () =>
  ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (err) => observer.error(err instanceof ResaleError ? err : new ResaleError(err)),
        complete: () => observer.complete(),
      }),
    );

/** The typed client: `client.opportunities.list.query({...})`, `client.offers.create.mutate({...})`. */
export function createResaleClient(options: ResaleClientOptions) {
  if (options.apiKey !== undefined && options.getApiKey !== undefined) {
    throw new TypeError('createResaleClient: pass apiKey or getApiKey, not both');
  }
  const headers = async () => {
    const extra =
      typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
    const key = options.apiKey ?? (await options.getApiKey?.());
    return key ? { ...extra, authorization: `Bearer ${key}` } : extra;
  };
  const transport = { url: options.url, headers, fetch: options.fetch };
  return createTRPCClient<AppRouter>({
    links: [
      resaleErrorLink,
      options.batch === false
        ? httpLink(transport)
        : httpBatchLink({ ...transport, maxItems: options.maxBatchSize ?? MAX_BATCH_SIZE }),
    ],
  });
}

export type ResaleClient = ReturnType<typeof createResaleClient>;
