import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CorsOptions {
  /** Origins allowed to call the API from a browser, e.g. ['http://localhost:5173'], or '*'. */
  origins: readonly string[] | '*';
  /** Seconds a browser may cache a preflight answer. */
  maxAgeSeconds?: number;
}

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
// tRPC's client sends content-type and, for streaming links, trpc-accept.
const ALLOWED_HEADERS = 'authorization, content-type, trpc-accept, x-trpc-source';

function allowedOrigin(cors: CorsOptions, origin: string | undefined): string | null {
  if (!origin) return null;
  if (cors.origins === '*') return '*';
  return cors.origins.includes(origin) ? origin : null;
}

/** Adds `Origin` to Vary and keeps it there when a later handler (tRPC) sets its own Vary. */
function varyOnOrigin(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  const withOrigin = (value: number | string | readonly string[]) => {
    const parts = String(value)
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    return parts.some((p) => p.toLowerCase() === 'origin')
      ? parts.join(', ')
      : [...parts, 'Origin'].join(', ');
  };
  res.setHeader = (name, value) =>
    name.toLowerCase() === 'vary' ? setHeader(name, withOrigin(value)) : setHeader(name, value);
  setHeader('Vary', 'Origin');
}

/**
 * Sets the CORS headers for `req`. Answers a preflight itself and returns true when it did
 * (204 for an allowed origin, 403 otherwise); returns false when the request should go on.
 */
export function applyCors(
  cors: CorsOptions | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  if (!cors) return false;
  const origin = allowedOrigin(cors, req.headers.origin);
  if (origin) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (origin !== '*') varyOnOrigin(res);
  }
  const isPreflight =
    req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!isPreflight) return false;
  if (!origin) {
    res.writeHead(403, { 'content-type': 'text/plain' }).end('CORS: origin not allowed');
    return true;
  }
  res.writeHead(204, {
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': String(cors.maxAgeSeconds ?? 600),
  });
  res.end();
  return true;
}

/** Parses CORS_ORIGINS: a comma-separated list, or '*'. Empty means CORS off. */
export function parseCorsOrigins(value: string | undefined): CorsOptions | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed === '*') return { origins: '*' };
  return {
    origins: trimmed
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
