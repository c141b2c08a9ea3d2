import { pino, type DestinationStream, type Logger } from 'pino';
import { DEFAULT_SECRET_KEY_PATTERN } from './key-redaction.js';
import { createLineRedactor } from './line-redactor.js';
import type { RequestContext } from './request-context.js';
import { secretEnvValues } from './secret-env.js';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  level?: LogLevel;
  /** Service name, stamped on every line. */
  name?: string;
  /** Where secret values are read from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Env var names to treat as secret besides those matching `secretNamePattern`. */
  secretEnvNames?: readonly string[];
  secretNamePattern?: RegExp;
  /** Further literal values to mask (for secrets that do not come from the environment). */
  secretValues?: readonly string[];
  /** Field names masked at any depth (default: authorization, cookie, password, token, ...). */
  secretKeyPattern?: RegExp;
  /** Adds the current request's id to every line written while serving it. */
  context?: RequestContext;
  /** Default: standard output. */
  destination?: DestinationStream;
}

/**
 * A pino JSON logger whose every line passes through redaction just before it is written:
 * fields named like secrets are masked at any depth, then any secret value is masked wherever
 * it appears (message, error stack, nested field). Redacting the final line rather than the
 * input object also covers child-logger bindings and serialized errors.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const values = [
    ...secretEnvValues({
      env: options.env ?? process.env,
      names: options.secretEnvNames ?? [],
      ...(options.secretNamePattern ? { pattern: options.secretNamePattern } : {}),
    }),
    ...(options.secretValues ?? []),
  ];
  const redactLine = createLineRedactor(
    values,
    options.secretKeyPattern ?? DEFAULT_SECRET_KEY_PATTERN,
  );
  const context = options.context;
  return pino(
    {
      level: options.level ?? 'info',
      ...(options.name ? { name: options.name } : {}),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      ...(context
        ? {
            mixin: () => {
              const requestId = context.requestId;
              return requestId === undefined ? {} : { requestId };
            },
          }
        : {}),
      hooks: { streamWrite: redactLine },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
