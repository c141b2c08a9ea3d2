import { EXIT_CODES, type ExitCode } from './exit-codes.js';

/**
 * Who has to act on an error:
 * - `user`: the person running opsctl can fix it (flag, argument, config, local file);
 * - `external`: a system outside opsctl failed (SSH, remote command, Docker, registry, cloud API);
 * - `bug`: opsctl itself is wrong; the message asks for a report;
 * - `cancelled`: the user interrupted the run.
 */
export type ErrorKind = 'user' | 'external' | 'bug' | 'cancelled';

/** Everything an {@link OpsctlError} is made of. */
export interface OpsctlErrorOptions {
  /** Stable UPPER_SNAKE identifier; scripts match on it, so never rename one. */
  readonly code: string;
  readonly kind: ErrorKind;
  /** What went wrong, in one or two sentences, naming the thing concerned. */
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
  /** Machine-readable extra facts (problem lists, host names...). Redacted before printing. */
  readonly details?: unknown;
  /** Override the exit code that {@link ErrorKind} implies (partial success, lock held). */
  readonly exitCode?: ExitCode;
  readonly cause?: unknown;
}

const EXIT_CODE_BY_KIND: Record<ErrorKind, ExitCode> = {
  user: EXIT_CODES.user,
  external: EXIT_CODES.external,
  bug: EXIT_CODES.bug,
  cancelled: EXIT_CODES.cancelled,
};

const CODE_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/**
 * The one error type services throw. The base command renders it (human text with hint on
 * stderr, or the JSON envelope) and turns it into the process exit code.
 */
export class OpsctlError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly hint: string | undefined;
  readonly details: unknown;
  readonly exitCode: ExitCode;

  constructor(options: OpsctlErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    if (!CODE_PATTERN.test(options.code)) {
      throw new TypeError(`error code must be UPPER_SNAKE, got "${options.code}"`);
    }
    this.name = 'OpsctlError';
    this.code = options.code;
    this.kind = options.kind;
    this.hint = options.hint;
    this.details = options.details;
    this.exitCode = options.exitCode ?? EXIT_CODE_BY_KIND[options.kind];
  }
}

/** True for an {@link OpsctlError}. */
export function isOpsctlError(value: unknown): value is OpsctlError {
  return value instanceof OpsctlError;
}
