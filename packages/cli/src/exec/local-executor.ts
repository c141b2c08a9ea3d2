import { execa } from 'execa';
import type { Redactor } from '../secrets/redactor.js';
import { Secret } from '../secrets/secret.js';
import {
  commandCancelled,
  commandFailed,
  commandTimedOut,
  describeCommand,
} from './command-errors.js';
import type { Executor, RunOptions, RunResult } from './executor.js';
import { OutputTail } from './output-tail.js';
import type { RemoteCommand } from './remote-command.js';
import { revealArgv, shellLine } from './shell-quote.js';

export interface LocalExecutorOptions {
  readonly redactor?: Redactor;
  /** Working directory of the commands (default: the process's). */
  readonly cwd?: string;
  /** Called with each command before it runs, e.g. to log it with --verbose. */
  readonly onCommand?: (line: string) => void;
}

/** Runs commands on this machine as direct child processes: no shell, so no quoting at all. */
export class LocalExecutor implements Executor {
  readonly target = 'local';
  readonly #options: LocalExecutorOptions;

  constructor(options: LocalExecutorOptions = {}) {
    this.#options = options;
  }

  async run(command: RemoteCommand, options: RunOptions = {}): Promise<RunResult> {
    const [file, ...args] = revealArgv(command.argv);
    if (file === undefined) throw new TypeError('a command needs at least a program name');
    this.#options.onCommand?.(describeCommand(command));
    const stdin = command.stdin instanceof Secret ? command.stdin.reveal() : command.stdin;
    const streamed = options.onOutput !== undefined || options.terminal !== undefined;
    const tail = new OutputTail();
    const subprocess = execa(file, args, {
      ...(options.terminal ? { stdio: 'inherit' as const } : { input: stdin ?? '' }),
      // Streamed output is handed over as it comes (below), not kept.
      buffer: !streamed,
      encoding: 'utf8',
      reject: false,
      stripFinalNewline: false,
      ...(this.#options.cwd === undefined ? {} : { cwd: this.#options.cwd }),
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
      ...(options.signal === undefined ? {} : { cancelSignal: options.signal }),
    });
    const onOutput = options.onOutput;
    if (onOutput && !options.terminal) {
      for (const stream of ['stdout', 'stderr'] as const) {
        subprocess[stream]?.setEncoding('utf8');
        subprocess[stream]?.on('data', (text: string) => {
          if (stream === 'stderr') tail.push(text);
          onOutput(stream, text);
        });
      }
    }
    const result = await subprocess;
    if (result.timedOut) throw commandTimedOut(command, this.target, options.timeoutMs ?? 0);
    if (result.isCanceled) throw commandCancelled(command, this.target);
    // A program that could not start has no exit code; 127 is what a shell would report.
    // (execa's own messages repeat the argv, secrets included, so they are not used.)
    const notStarted = result.exitCode === undefined;
    const outcome: RunResult = {
      exitCode: result.exitCode ?? 127,
      stdout: streamed ? '' : String(result.stdout),
      stderr: notStarted
        ? `cannot start ${shellLine(command.argv.slice(0, 1), 'redact')}: ${result.code ?? 'unknown reason'}`
        : streamed
          ? tail.toString()
          : String(result.stderr),
    };
    if (outcome.exitCode !== 0 && !options.allowFailure) {
      throw commandFailed(command, this.target, outcome, this.#options.redactor);
    }
    return outcome;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
