import type { Redactor } from '../secrets/redactor.js';
import { commandFailed } from './command-errors.js';
import type { Executor, RunOptions, RunResult } from './executor.js';
import type { RemoteCommand } from './remote-command.js';
import { revealArgv, shellLine } from './shell-quote.js';

/** A scripted reply: a result (missing fields default to success/empty), a function, or an error to throw. */
export type ScriptedResponse =
  | Partial<RunResult>
  | Error
  | ((command: RemoteCommand) => Partial<RunResult> | Promise<Partial<RunResult>>);

/** One call the executor received. */
export interface RecordedCall {
  readonly command: RemoteCommand;
  /** The shell line with secrets redacted, for exact-argv assertions. */
  readonly line: string;
  readonly options: RunOptions;
}

interface Rule {
  readonly prefix: readonly string[];
  readonly response: ScriptedResponse;
  remaining: number;
}

/**
 * An executor for tests: records every command and answers from a script matched by argv prefix
 * (first matching rule wins; a rule with `times` is used up after that many calls). Unmatched
 * commands succeed with empty output. Failures go through the same error as real executors.
 */
export class RecordingExecutor implements Executor {
  readonly target: string;
  readonly calls: RecordedCall[] = [];
  closed = false;
  readonly #rules: Rule[] = [];
  readonly #redactor: Redactor | undefined;

  constructor(target = 'recording', redactor?: Redactor) {
    this.target = target;
    this.#redactor = redactor;
  }

  /** Answer commands whose argv starts with `prefix`. */
  on(
    prefix: readonly string[],
    response: ScriptedResponse,
    options: { times?: number } = {},
  ): this {
    this.#rules.push({ prefix, response, remaining: options.times ?? Infinity });
    return this;
  }

  /** The redacted shell lines of every call so far. */
  lines(): string[] {
    return this.calls.map((call) => call.line);
  }

  async run(command: RemoteCommand, options: RunOptions = {}): Promise<RunResult> {
    this.calls.push({ command, line: shellLine(command.argv, 'redact'), options });
    const argv = revealArgv(command.argv);
    const rule = this.#rules.find(
      (r) => r.remaining > 0 && r.prefix.every((word, index) => argv[index] === word),
    );
    if (rule) rule.remaining -= 1;
    const response = rule?.response ?? {};
    if (response instanceof Error) throw response;
    const partial = typeof response === 'function' ? await response(command) : response;
    let result: RunResult = { exitCode: 0, stdout: '', stderr: '', ...partial };
    if (options.onOutput) {
      // Streamed as real executors do: handed over, not kept in the result.
      if (result.stdout !== '') options.onOutput('stdout', result.stdout);
      if (result.stderr !== '') options.onOutput('stderr', result.stderr);
      result = { ...result, stdout: '' };
    }
    if (result.exitCode !== 0 && !options.allowFailure) {
      throw commandFailed(command, this.target, result, this.#redactor);
    }
    return result;
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
