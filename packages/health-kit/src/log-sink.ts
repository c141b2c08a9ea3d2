/**
 * The few logging calls health-kit makes itself. A pino logger satisfies it, and so does any
 * logger with pino's (object, message) argument order.
 */
export interface LogSink {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Discards everything: the default when the caller passes no logger. */
export const silentSink: LogSink = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
