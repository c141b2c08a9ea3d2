import type { Redactor } from '../secrets/redactor.js';
import type { TextSink } from './text-sink.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Progress notes and diagnostics, on stderr, always redacted. `debug` shows with --verbose;
 * under --json only warnings and errors are written.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** True when debug lines are shown (--verbose). */
  readonly verbose: boolean;
}

export interface LoggerOptions {
  readonly stderr: TextSink;
  readonly redactor: Redactor;
  readonly verbose: boolean;
  readonly json: boolean;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const PREFIX: Record<LogLevel, string> = {
  debug: 'debug: ',
  info: '',
  warn: 'warning: ',
  error: 'error: ',
};

export function createLogger(options: LoggerOptions): Logger {
  const threshold: LogLevel = options.verbose ? 'debug' : options.json ? 'warn' : 'info';
  const log = (level: LogLevel, message: string): void => {
    if (RANK[level] < RANK[threshold]) return;
    const text = message
      .split('\n')
      .map((line) => PREFIX[level] + line)
      .join('\n');
    options.stderr.write(options.redactor.redact(text) + '\n');
  };
  return {
    verbose: options.verbose,
    debug: (message) => {
      log('debug', message);
    },
    info: (message) => {
      log('info', message);
    },
    warn: (message) => {
      log('warn', message);
    },
    error: (message) => {
      log('error', message);
    },
  };
}
