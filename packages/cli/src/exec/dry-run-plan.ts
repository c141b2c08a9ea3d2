import { Secret } from '../secrets/secret.js';
import type { RemoteCommand } from './remote-command.js';
import { shellLine } from './shell-quote.js';

/** One command a dry run would have executed, exactly as the shell would receive it. */
export interface PlannedCommand {
  /** Executor target, e.g. `droplet-1 (deploy@127.0.0.1:2221)` or `local`. */
  readonly target: string;
  /** The shell line, secrets shown as `[redacted]`. */
  readonly line: string;
  readonly description?: string;
  /** stdin text, `[redacted]` for a secret, absent when there is none. */
  readonly stdin?: string;
}

/** Collects what dry-run executors would have done, in order, across all hosts. */
export class DryRunPlan {
  readonly #entries: PlannedCommand[] = [];

  record(target: string, command: RemoteCommand): void {
    const stdin =
      command.stdin === undefined
        ? undefined
        : command.stdin instanceof Secret || command.sensitive
          ? '[redacted]'
          : command.stdin;
    this.#entries.push({
      target,
      line: shellLine(command.argv, 'redact'),
      ...(command.description === undefined ? {} : { description: command.description }),
      ...(stdin === undefined ? {} : { stdin }),
    });
  }

  /** Everything recorded so far, in order. */
  entries(): readonly PlannedCommand[] {
    return [...this.#entries];
  }
}
