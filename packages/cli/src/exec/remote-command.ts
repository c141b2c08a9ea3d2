import type { Secret } from '../secrets/secret.js';

/** One argv element: plain text, or a {@link Secret} that only an executor unwraps. */
export type CommandArg = string | Secret;

/**
 * A command as a value: built by pure functions, inspected in tests, and run by exactly one
 * {@link Executor}. Nothing else turns it into a process or a shell line.
 */
export interface RemoteCommand {
  /** Program and arguments, never a shell string: quoting happens in one place. */
  readonly argv: readonly CommandArg[];
  /** Bytes written to the command's stdin, then stdin is closed. */
  readonly stdin?: string | Secret;
  /** What the command does, for progress, errors and dry-run listings ("pull api:abc1234"). */
  readonly description?: string;
  /**
   * The command's output may contain secret values (e.g. reading an env file): executors never
   * log it or put it in error messages.
   */
  readonly sensitive?: boolean;
  /**
   * The command only reads state. A dry run still executes it (for real) so the plan reflects
   * what is actually on the host; everything else is only recorded.
   */
  readonly readOnly?: boolean;
}

/** Shorthand for building a {@link RemoteCommand}: `command(['docker', 'ps'], { readOnly: true })`. */
export function command(
  argv: readonly CommandArg[],
  options: Omit<RemoteCommand, 'argv'> = {},
): RemoteCommand {
  return { argv, ...options };
}
