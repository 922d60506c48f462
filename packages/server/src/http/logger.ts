/** Structured JSON logs: one object per line on stdout (errors on stderr). */

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface JsonLoggerOptions {
  level?: LogLevel;
  /** Where lines go; defaults to process.stdout / process.stderr. */
  write?: (line: string, level: Exclude<LogLevel, 'silent'>) => void;
}

export function createJsonLogger(opts: JsonLoggerOptions = {}): Logger {
  const min = RANK[opts.level ?? 'info'];
  const write =
    opts.write ??
    ((line, level) => (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`));
  const log =
    (level: Exclude<LogLevel, 'silent'>) =>
    (msg: string, fields: LogFields = {}) => {
      if (RANK[level] < min) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }), level);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = createJsonLogger({ level: 'silent' });
