import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Executor, RunOptions, RunResult } from '../../../../src/exec/executor.js';
import { LocalExecutor } from '../../../../src/exec/local-executor.js';
import type { RemoteCommand } from '../../../../src/exec/remote-command.js';
import { revealArgv } from '../../../../src/exec/shell-quote.js';

/** Runs before a command reaches the droplet: may throw (a dropped connection) or change state. */
export type Interceptor = (command: RemoteCommand, droplet: TempDroplet) => Promise<void> | void;

/**
 * A droplet whose filesystem is a temp directory: commands run through a real shell on this
 * machine with absolute paths moved under the droplet's root, so the lock's own shell runs
 * unchanged. Records the description of every command; interceptors script failures and races.
 */
export class TempDroplet implements Executor {
  readonly target: string;
  readonly descriptions: string[] = [];
  readonly #local = new LocalExecutor();
  readonly #interceptors: Interceptor[] = [];

  constructor(
    readonly name: string,
    readonly root: string,
  ) {
    this.target = name;
  }

  static async create(base: string, name: string): Promise<TempDroplet> {
    const root = join(base, name);
    await mkdir(root, { recursive: true });
    return new TempDroplet(name, root);
  }

  /** A droplet handle is its name and its executor: here the same object. */
  get exec(): Executor {
    return this;
  }

  /** The path of a droplet file on this machine. */
  path(remote: string): string {
    return join(this.root, remote);
  }

  intercept(interceptor: Interceptor): this {
    this.#interceptors.push(interceptor);
    return this;
  }

  async run(command: RemoteCommand, options: RunOptions = {}): Promise<RunResult> {
    this.descriptions.push(command.description ?? '');
    for (const interceptor of this.#interceptors) await interceptor(command, this);
    const argv = revealArgv(command.argv).map((arg) =>
      arg.startsWith('/var/') ? this.path(arg) : arg,
    );
    return this.#local.run({ ...command, argv }, options);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
