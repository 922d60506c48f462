import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, MAX_BATCH_SIZE } from '@resale-kit/core';
import { getErrorShape, TRPCError, transformTRPCResponse } from '@trpc/server';
import { resolveResponse } from '@trpc/server/http';
import type { InnerContext } from '../trpc/context.js';
import { toTRPCError } from '../trpc/errors.js';
import type { AppRouter } from '../trpc/routers/_app.js';

export interface TrpcHandlerOptions {
  router: AppRouter;
  createContext: (opts: { req: IncomingMessage; res: ServerResponse }) => Promise<InnerContext>;
  onError?: (opts: { error: TRPCError; path: string | undefined }) => void;
  maxBodySize: number;
  /** Calls one batched request may hold (default MAX_BATCH_SIZE). */
  maxBatchSize?: number;
}

/** The methods /trpc serves; anything else is METHOD_NOT_ALLOWED (405). */
export const TRPC_METHODS = 'GET, HEAD, POST, OPTIONS';
const SERVED = new Set(['GET', 'HEAD', 'POST']);

/**
 * The procedure calls a request asks for: the number of comma-separated paths of a batch
 * (`?batch=1`), else 1. As tRPC counts them (after decoding the path).
 */
export function callCount(url: URL, path: string): number {
  if (url.searchParams.get('batch') !== '1') return 1;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {}
  return decoded.split(',').length;
}

/**
 * Answers a domain error found before tRPC runs (rate limits, batch cap, method) in the shape
 * tRPC gives every error, through the router's one error formatter.
 */
export function sendDomainError(
  router: AppRouter,
  res: ServerResponse,
  error: DomainError,
  headers: Record<string, string> = {},
): void {
  const config = router._def._config;
  const shape = getErrorShape({
    config,
    error: toTRPCError(error),
    type: 'unknown',
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  const body = JSON.stringify(transformTRPCResponse(config, { error: shape }));
  res
    .writeHead(shape.data.httpStatus, {
      ...headers,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    })
    .end(body);
}

/**
 * The body as text, or null when it is larger than `max` bytes (the rest is discarded). Rejects
 * when the client goes away before the end of the body.
 */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      req.off('data', onData);
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    req.once('error', reject);
    req.once('close', () => reject(new Error('the client closed the request before its end')));
  });
}

/** A body tRPC reads as PAYLOAD_TOO_LARGE (413), as its own adapter reports an oversized body. */
const tooLarge = (max: number) =>
  new ReadableStream({
    start(controller) {
      const message = `The request body is larger than the ${max} bytes this server accepts`;
      controller.error(new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message }));
    },
  });

/** Asks for a streamed answer: tRPC's JSON Lines batches or server-sent events. */
const streamed = (req: IncomingMessage) =>
  req.headers['trpc-accept'] === 'application/jsonl' ||
  (req.headers.accept ?? '').includes('text/event-stream');

function toHeaders(incoming: IncomingMessage['headers']): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(incoming)) {
    if (key.startsWith(':') || value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.append(key, value);
  }
  return headers;
}

/**
 * tRPC over node:http through tRPC's own `resolveResponse` (its documented adapter API), like
 * the standalone adapter but lighter where it costs most per request: the body is read as one
 * string instead of being streamed into the Fetch `Request`, and a JSON answer is written with
 * one `end()` and a Content-Length instead of being piped through a `WritableStream` (chunked,
 * two writes). Streamed answers (`trpc-accept: application/jsonl`) are still streamed, and only
 * they get an AbortSignal for a client that goes away. Measured in docs/performance.md.
 */
export function createTrpcHandler(opts: TrpcHandlerOptions) {
  /** `url`: the request's, parsed; `path`: the procedure path(s) after the tRPC prefix. */
  const maxBatchSize = opts.maxBatchSize ?? MAX_BATCH_SIZE;
  return async (req: IncomingMessage, res: ServerResponse, url: URL, path: string) => {
    const method = req.method ?? '';
    if (method === 'OPTIONS') {
      // Not a CORS preflight (those are answered before): say what is served.
      return void res.writeHead(204, { allow: TRPC_METHODS }).end();
    }
    if (!SERVED.has(method)) {
      // The Fetch Request constructor throws on TRACE and CONNECT: refuse before building one.
      const error = new DomainError(
        'METHOD_NOT_ALLOWED',
        `${method} is not served here: use ${TRPC_METHODS}`,
      );
      return sendDomainError(opts.router, res, error, { allow: TRPC_METHODS });
    }
    const calls = callCount(url, path);
    if (calls > maxBatchSize) {
      const error = new DomainError(
        'BATCH_TOO_LARGE',
        `A batch may hold at most ${maxBatchSize} calls; this one holds ${calls}`,
      );
      return sendDomainError(opts.router, res, error);
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const text = hasBody ? await readBody(req, opts.maxBodySize) : undefined;
    // Only a streamed answer needs to hear that the client went away (an AbortSignal is one of
    // the costlier objects per request here).
    let signal: AbortSignal | undefined;
    if (streamed(req)) {
      const aborted = new AbortController();
      res.once('close', () => {
        if (!res.writableEnded) aborted.abort();
      });
      signal = aborted.signal;
    }
    const request = new Request(url, {
      method: req.method,
      headers: toHeaders(req.headers),
      signal,
      ...(hasBody ? { body: text ?? tooLarge(opts.maxBodySize), duplex: 'half' } : {}),
    } as RequestInit);
    const response = await resolveResponse({
      router: opts.router,
      req: request,
      path,
      error: null,
      allowBatching: true,
      // The check above names the limit; tRPC's own is the same limit, kept as a backstop.
      maxBatchSize,
      createContext: () => opts.createContext({ req, res }),
      onError: ({ error, path }) => opts.onError?.({ error, path }),
    });

    res.statusCode = response.status;
    for (const [key, value] of response.headers) {
      if (key !== 'set-cookie') res.setHeader(key, value);
    }
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    if (!response.body) return void res.end();
    // tRPC marks the answers it streams (JSON Lines batches, server-sent events) as chunked.
    if (!response.headers.has('transfer-encoding')) {
      const body = Buffer.from(await response.arrayBuffer());
      res.setHeader('content-length', body.length);
      return void res.end(body);
    }
    for await (const chunk of response.body) {
      if (res.destroyed) break;
      if (!res.write(chunk)) {
        await new Promise((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
    }
    res.end();
  };
}
