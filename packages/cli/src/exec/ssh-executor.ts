import { constants } from 'node:os';
import type { Client, ClientChannel } from 'ssh2';
import { OpsctlError } from '../errors/opsctl-error.js';
import type { Redactor } from '../secrets/redactor.js';
import { Secret } from '../secrets/secret.js';
import {
  commandCancelled,
  commandFailed,
  commandTimedOut,
  describeCommand,
} from './command-errors.js';
import type { Executor, RunOptions, RunResult } from './executor.js';
import type { RemoteCommand } from './remote-command.js';
import { shellLine } from './shell-quote.js';
import { attachTerminal } from './ssh/attach-terminal.js';
import { ChannelOutput } from './ssh/channel-output.js';
import { killChannel } from './ssh/kill-channel.js';
import { openConnection } from './ssh/open-connection.js';
import { Semaphore } from './ssh/semaphore.js';
import { sshTargetLabel, type SshTarget } from './ssh/ssh-target.js';

/** OpenSSH allows 10 sessions per connection by default (MaxSessions); stay below it. */
const MAX_CHANNELS = 8;

export interface SshExecutorOptions {
  readonly redactor?: Redactor;
  /** Called with each command (redacted) before it runs, e.g. to log it with --verbose. */
  readonly onCommand?: (line: string) => void;
}

/**
 * Runs commands on one droplet over ONE SSH connection, opened on first use and shared by
 * every command (each gets its own channel). If the connection drops, commands in flight fail
 * with `SSH_CONNECTION_LOST` and the next command opens a fresh connection.
 */
export class SshExecutor implements Executor {
  readonly target: string;
  readonly #ssh: SshTarget;
  readonly #options: SshExecutorOptions;
  readonly #channels = new Semaphore(MAX_CHANNELS);
  #connection: Promise<Client> | undefined;
  /** Fails the commands in flight when the connection goes away. */
  readonly #inFlight = new Set<(error: OpsctlError) => void>();
  /** Clients whose connection already closed: a command must not wait on them for a reply. */
  readonly #closed = new WeakSet<Client>();

  constructor(target: SshTarget, options: SshExecutorOptions = {}) {
    this.#ssh = target;
    this.target = sshTargetLabel(target);
    this.#options = options;
  }

  run(command: RemoteCommand, options: RunOptions = {}): Promise<RunResult> {
    return this.#channels.use(async () => {
      const client = await this.#connect();
      this.#options.onCommand?.(`${this.target}: ${describeCommand(command)}`);
      const result = await this.#exec(client, command, options);
      if (result.exitCode !== 0 && !options.allowFailure) {
        throw commandFailed(command, this.target, result, this.#options.redactor);
      }
      return result;
    });
  }

  async close(): Promise<void> {
    const connection = this.#connection;
    this.#connection = undefined;
    if (!connection) return;
    const client = await connection.catch(() => undefined);
    if (!client) return;
    await new Promise<void>((resolve) => {
      client.once('close', () => {
        resolve();
      });
      client.end();
    });
  }

  #connect(): Promise<Client> {
    if (!this.#connection) {
      const pending = openConnection(this.#ssh).then((client) => {
        const lost = (reason: string) => {
          if (this.#connection === pending) this.#connection = undefined;
          const error = this.#lostError(reason);
          for (const fail of [...this.#inFlight]) fail(error);
        };
        client.on('error', (error: Error) => {
          lost(error.message);
        });
        client.on('close', () => {
          this.#closed.add(client);
          lost('the connection closed');
        });
        return client;
      });
      // A failed attempt is not cached: the next command tries again.
      pending.catch(() => {
        if (this.#connection === pending) this.#connection = undefined;
      });
      this.#connection = pending;
    }
    return this.#connection;
  }

  #exec(client: Client, command: RemoteCommand, options: RunOptions): Promise<RunResult> {
    const line = shellLine(command.argv, 'reveal');
    if (this.#closed.has(client)) {
      return Promise.reject(
        this.#lostError('the connection closed before the command could start'),
      );
    }
    return new Promise<RunResult>((resolve, reject) => {
      let channel: ClientChannel | undefined;
      let exitCode: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      const output = new ChannelOutput(options);
      let detachTerminal = (): void => undefined;
      const finish = (error?: OpsctlError) => {
        if (timer) clearTimeout(timer);
        detachTerminal();
        options.signal?.removeEventListener('abort', onAbort);
        this.#inFlight.delete(fail);
        if (error) reject(error);
        else if (exitCode === undefined)
          reject(this.#lostError('the channel closed without an exit status'));
        else resolve({ exitCode, ...output.collected() });
      };
      // A stop before the channel opened kills the command as soon as it does.
      let stopped = false;
      const stop = (error: OpsctlError) => {
        stopped = true;
        if (channel) killChannel(channel);
        finish(error);
      };
      const fail = (error: OpsctlError) => {
        finish(error);
      };
      const onAbort = () => {
        stop(commandCancelled(command, this.target));
      };
      if (options.signal?.aborted) {
        onAbort();
        return;
      }
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.#inFlight.add(fail);
      if (options.timeoutMs !== undefined) {
        timer = setTimeout(() => {
          stop(commandTimedOut(command, this.target, options.timeoutMs ?? 0));
        }, options.timeoutMs);
      }
      const terminal = options.terminal;
      const execOptions = terminal
        ? { pty: { rows: terminal.rows, cols: terminal.columns, term: terminal.term } }
        : {};
      client.exec(line, execOptions, (error, opened) => {
        if (error) {
          finish(this.#lostError(`cannot open a channel: ${error.message}`));
          return;
        }
        channel = opened;
        if (stopped) {
          killChannel(opened);
          return;
        }
        opened.on('data', (chunk: Buffer) => {
          output.push('stdout', chunk);
        });
        opened.stderr.on('data', (chunk: Buffer) => {
          output.push('stderr', chunk);
        });
        opened.on('exit', (code: number | null, signal?: string) => {
          exitCode = code ?? 128 + signalNumber(signal);
        });
        opened.on('close', () => {
          if (this.#inFlight.has(fail)) finish();
        });
        if (terminal) {
          detachTerminal = attachTerminal(terminal, opened);
          return;
        }
        const stdin = command.stdin instanceof Secret ? command.stdin.reveal() : command.stdin;
        opened.end(stdin === undefined ? undefined : Buffer.from(stdin, 'utf8'));
      });
    });
  }

  #lostError(reason: string): OpsctlError {
    return new OpsctlError({
      code: 'SSH_CONNECTION_LOST',
      kind: 'external',
      message: `The SSH connection to ${this.target} was lost: ${reason}.`,
      hint: 'Check that the droplet is up and reachable; commands that were running may not have finished, so run the command again.',
    });
  }
}

function signalNumber(name: string | undefined): number {
  const signals: Readonly<Record<string, number | undefined>> = constants.signals;
  return signals[`SIG${name ?? 'KILL'}`] ?? 9;
}
