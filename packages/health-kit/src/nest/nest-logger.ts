import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/**
 * Routes Nest's own log calls (bootstrap, route mapping, unhandled exceptions) through the
 * service's pino logger, so they are JSON, carry the request id and pass redaction.
 */
export class NestPinoLogger implements LoggerService {
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  log(message: unknown, ...params: unknown[]): void {
    this.#write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.#write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.#write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.#write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.#write('debug', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.#write('fatal', message, params);
  }

  // Nest passes (message, ...details, context): the last string is the context name, and an
  // error's stack arrives as a string before it.
  #write(
    level: 'fatal' | 'error' | 'warn' | 'info' | 'debug',
    message: unknown,
    params: unknown[],
  ): void {
    const details = [...params];
    const context =
      details.length > 0 && typeof details.at(-1) === 'string' ? details.pop() : undefined;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    if (message instanceof Error) fields.err = message;
    else if (typeof message === 'object' && message !== null) Object.assign(fields, message);
    const stack = details.find((detail): detail is string => typeof detail === 'string');
    if (stack !== undefined) fields.stack = stack;
    const text =
      message instanceof Error
        ? message.message
        : typeof message === 'string'
          ? message
          : undefined;
    this.#logger[level](fields, text ?? '');
  }
}
