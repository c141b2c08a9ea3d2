import type { FailureEnvelope } from '../output/json-envelope.js';
import { escapeCommandData, type Redactor } from '../secrets/redactor.js';
import { DEFAULT_HINTS } from './default-hints.js';
import type { OpsctlError } from './opsctl-error.js';

export interface RenderErrorOptions {
  readonly redactor: Redactor;
  /** Add the stack trace and causes (always for bugs with --verbose). */
  readonly verbose: boolean;
}

/** The hint of an error, or the default for its kind. */
export function hintOf(error: OpsctlError): string {
  return error.hint ?? DEFAULT_HINTS[error.kind];
}

/** Human form for stderr: message, hint, and with --verbose the details and stack. */
export function renderHumanError(error: OpsctlError, options: RenderErrorOptions): string {
  const lines = [`Error [${error.code}]: ${error.message}`, `Hint: ${hintOf(error)}`];
  if (options.verbose) {
    if (error.details !== undefined) {
      lines.push(`Details: ${JSON.stringify(options.redactor.redactDeep(error.details), null, 2)}`);
    }
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
      if (cause.stack) lines.push(cause === error ? cause.stack : `Caused by: ${cause.stack}`);
    }
  }
  return options.redactor.redact(lines.join('\n')) + '\n';
}

/** The `--json` failure envelope for an error, redacted. */
export function errorEnvelope(error: OpsctlError, redactor: Redactor): FailureEnvelope {
  const body = {
    code: error.code,
    message: redactor.redact(error.message),
    hint: redactor.redact(hintOf(error)),
    ...(error.details === undefined ? {} : { details: redactor.redactDeep(error.details) }),
  };
  return { status: error.exitCode, error: body };
}

/** A GitHub Actions `::error` annotation line, so the failure shows on the workflow run page. */
export function githubErrorAnnotation(error: OpsctlError, redactor: Redactor): string {
  const text = redactor.redact(`${error.message} Hint: ${hintOf(error)}`);
  return `::error title=opsctl ${error.code}::${escapeCommandData(text)}\n`;
}
