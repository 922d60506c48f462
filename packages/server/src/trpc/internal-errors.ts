import type { LogFields } from '../http/logger.js';

/**
 * Whether errors may show their internals: stacks and SQL in a 500's `data` and in the log.
 * Only with RESALE_KIT_DEBUG_ERRORS=1, never by default (NODE_ENV plays no part).
 */
export const debugErrors = (): boolean => process.env.RESALE_KIT_DEBUG_ERRORS === '1';

/**
 * What must never reach a log line or a client, even in debug: API keys (`rk_...`) and
 * SHA-256 digests (how keys are stored and looked up), in hex or base64url.
 */
const SECRETS: [RegExp, string][] = [
  [/\brk_[A-Za-z0-9_-]+/g, 'rk_[redacted]'],
  [/\b[0-9a-f]{64}\b/gi, '[redacted digest]'],
  [/\b[A-Za-z0-9_-]{43}\b/g, '[redacted digest]'],
];

export function redactSecrets(text: string): string {
  return SECRETS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  cause?: unknown;
  query?: unknown;
  params?: unknown;
}

const isErrorLike = (v: unknown): v is ErrorLike => typeof v === 'object' && v !== null;

/** The error and its causes, outermost first (at most a few deep, cycles cut). */
function chain(err: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  for (let e: unknown = err; isErrorLike(e) && out.length < 6 && !out.includes(e); e = e.cause) {
    out.push(e);
  }
  return out;
}

/**
 * A query failure's message without its bound parameters: Drizzle words its error
 * "Failed query: <sql>\nparams: <values>", and the values may be a key's hash.
 */
const withoutParams = (message: string): string => message.replace(/\nparams:[\s\S]*$/, '');

/** Stack frames only: the first lines of a stack repeat the message (and so the params). */
const framesOf = (stack: unknown): string | undefined =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((line) => line.trimStart().startsWith('at '))
        .join('\n')
    : undefined;

export interface ErrorDetail {
  /** The root cause's message: the driver's ("relation ... does not exist"), never Drizzle's. */
  message: string;
  name: string;
  /** Postgres SQLSTATE, when the root cause is a database error. */
  sqlstate?: string;
  /** Debug only: the SQL text (never its parameters) and the stack frames. */
  query?: string;
  stack?: string;
}

/** An error as it may be shown: no bound parameters, no keys or digests, internals only in debug. */
export function describeInternalError(err: unknown, debug = debugErrors()): ErrorDetail {
  const errors = chain(err);
  const root = errors[errors.length - 1] ?? {};
  const query = errors.find((e) => typeof e.query === 'string')?.query as string | undefined;
  const rawMessage = typeof root.message === 'string' ? root.message : String(err);
  const detail: ErrorDetail = {
    message: redactSecrets(withoutParams(rawMessage)),
    name: typeof root.name === 'string' ? root.name : 'Error',
  };
  if (typeof root.code === 'string' && /^[0-9A-Z]{5}$/.test(root.code)) detail.sqlstate = root.code;
  if (debug) {
    if (query) detail.query = redactSecrets(query);
    const stack = framesOf(root.stack ?? (errors[0] as ErrorLike | undefined)?.stack);
    if (stack) detail.stack = redactSecrets(stack);
  }
  return detail;
}

/** The same, as log fields under `error`. */
export const errorLogFields = (err: unknown): LogFields => ({ error: describeInternalError(err) });
