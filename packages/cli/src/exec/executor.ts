import type { RemoteCommand } from './remote-command.js';

export interface RunOptions {
  /** Return a non-zero exit code instead of throwing `COMMAND_FAILED`. */
  readonly allowFailure?: boolean;
  /** Stop the command after this many milliseconds and throw `COMMAND_TIMEOUT`. */
  readonly timeoutMs?: number;
  /** Stop the command when aborted and throw `CANCELLED`. */
  readonly signal?: AbortSignal;
}

export interface RunResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs {@link RemoteCommand}s somewhere: this machine, a droplet over SSH, nowhere (dry run) or
 * a script (tests). The only place commands become processes, and the only place secrets in
 * argv/stdin are revealed.
 */
export interface Executor {
  /** Where commands run, for messages: `local`, `droplet-1 (deploy@10.0.0.5:22)`. */
  readonly target: string;
  /**
   * Run one command. Throws an `external` {@link OpsctlError} (`COMMAND_FAILED`) naming the
   * command's description and the last lines of its stderr (redacted) on a non-zero exit,
   * unless `allowFailure`.
   */
  run(command: RemoteCommand, options?: RunOptions): Promise<RunResult>;
  /** Release connections. Safe to call more than once. */
  close(): Promise<void>;
}
