/**
 * The fixed `--json` envelope. Every command prints exactly one of these on stdout under --json:
 * `{"status":0,"result":...}` on success, `{"status":N,"error":{...}}` on failure, where N is the
 * exit code.
 */
export interface SuccessEnvelope<T> {
  readonly status: 0;
  readonly result: T;
}

export interface ErrorBody {
  /** Stable UPPER_SNAKE code (see docs/exit-codes.md). */
  readonly code: string;
  readonly message: string;
  /** What to do about it; always present. */
  readonly hint: string;
  /** Extra machine-readable facts, when the error has them (e.g. the list of config problems). */
  readonly details?: unknown;
}

export interface FailureEnvelope {
  readonly status: number;
  readonly error: ErrorBody;
}

export type JsonEnvelope<T> = SuccessEnvelope<T> | FailureEnvelope;

export function successEnvelope<T>(result: T): SuccessEnvelope<T> {
  return { status: 0, result };
}
