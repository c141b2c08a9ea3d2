import type { RemoteCommand } from './remote-command.js';

export interface RunOptions {
  /** Return a non-zero exit code instead of throwing `COMMAND_FAILED`. */
  readonly allowFailure?: boolean;
  /** Stop the command after this many milliseconds and throw `COMMAND_TIMEOUT`. */
  readonly timeoutMs?: number;
  /** Stop the command when aborted and throw `CANCELLED`. */
  readonly signal?: AbortSignal;
  /**
   * Hand output over as it arrives instead of collecting it (a followed log, a one-off command's
   * output): the result's `stdout` is then empty and its `stderr` holds only the last few KB,
   * for the failure message, so a stream that runs for hours does not pile up in memory.
   */
  readonly onOutput?: (stream: 'stdout' | 'stderr', chunk: string) => void;
  /**
   * Run under a pseudo-terminal wired to this one (an interactive one-off command): keystrokes go
   * to the command, its output straight to the terminal. Output is then not collected either.
   */
  readonly terminal?: Terminal;
}

/** The local terminal a command is attached to with {@link RunOptions.terminal}. */
export interface Terminal {
  readonly input: NodeJS.ReadableStream & { setRawMode?: (raw: boolean) => unknown };
  readonly output: NodeJS.WritableStream;
  readonly rows: number;
  readonly columns: number;
  /** The TERM the remote side should assume. */
  readonly term: string;
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
