import { Errors } from '@oclif/core';
import { OpsctlError } from './opsctl-error.js';

const USAGE_HINT = 'Run the command with --help to see its arguments and flags.';

/**
 * Turn anything thrown during a command into an {@link OpsctlError}: oclif's parse errors become
 * `USAGE`, an abort after Ctrl-C becomes `CANCELLED`, anything else is an `INTERNAL` bug.
 */
export function toOpsctlError(error: unknown, signal?: AbortSignal): OpsctlError {
  if (error instanceof OpsctlError) return error;
  if (signal?.aborted) {
    return new OpsctlError({
      code: 'CANCELLED',
      kind: 'cancelled',
      message: 'Cancelled by the user.',
      hint: 'Run the command again when ready; nothing was left half-done that it cannot resume.',
      cause: error,
    });
  }
  if (isParseError(error)) {
    return new OpsctlError({
      code: 'USAGE',
      kind: 'user',
      message: cleanParseMessage(error.message),
      hint: USAGE_HINT,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new OpsctlError({
    code: 'INTERNAL',
    kind: 'bug',
    message: `Unexpected error: ${message}`,
    hint: 'This is a bug in opsctl. Run again with --verbose to see the stack trace and report it.',
    cause: error,
  });
}

function isParseError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  // oclif decorates errors from a flag's parse function in place instead of wrapping them.
  return error instanceof Errors.CLIError || error.message.startsWith('Parsing --');
}

/** oclif phrases a failed flag parse as "Parsing --x \n\t<reason>\nSee more help with --help". */
function cleanParseMessage(message: string): string {
  return message
    .replace(/^Parsing (--[\w-]+)\s*\n\t/, '$1: ')
    .replace(/\nSee more help with --help\s*$/, '')
    .trim();
}
