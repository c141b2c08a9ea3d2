import type { DryRunPlan } from './dry-run-plan.js';
import type { Executor, RunOptions, RunResult } from './executor.js';
import type { RemoteCommand } from './remote-command.js';

/**
 * Records commands into a {@link DryRunPlan} instead of running them, and reports success with
 * empty output. Commands marked `readOnly` go to `reader` (a real executor) when one is given,
 * so a plan can depend on the current state of the host without changing it.
 */
export class DryRunExecutor implements Executor {
  readonly target: string;
  readonly #plan: DryRunPlan;
  readonly #reader: Executor | undefined;

  constructor(target: string, plan: DryRunPlan, reader?: Executor) {
    this.target = target;
    this.#plan = plan;
    this.#reader = reader;
  }

  async run(command: RemoteCommand, options: RunOptions = {}): Promise<RunResult> {
    if (command.readOnly && this.#reader) return this.#reader.run(command, options);
    this.#plan.record(this.target, command);
    return Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
  }

  async close(): Promise<void> {
    await this.#reader?.close();
  }
}
