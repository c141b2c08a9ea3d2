import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import type { Terminal } from '../exec/executor.js';
import { environmentArg, serviceFlag } from '../flags/common-flags.js';
import { execOneOff } from '../services/exec.js';

export default class Exec extends BaseCommand<typeof Exec> {
  static override summary = 'Run a command in a one-off container of the running release.';
  static override description =
    "Starts a container from the image serving on a droplet, with the service's env file as its slots get it, runs the command given after --, and removes the container. The container is not attached to the slots: no port, no restart. The command's exit code becomes opsctl's. Runs on the environment's first droplet by name unless --droplet says otherwise. Output is masked like logs; with --tty the terminal is handed to the command (a shell, a REPL) and its output is not masked.";
  static override examples = [
    '<%= config.bin %> exec staging -- node dist/migrate.js',
    '<%= config.bin %> exec production --droplet web-2 -- node -e "console.log(process.version)"',
    '<%= config.bin %> exec staging --tty -- sh',
  ];
  static override args = { env: environmentArg };
  static override flags = {
    service: serviceFlag(
      'Service whose release to run (needed when opsctl.yaml declares several).',
    ),
    droplet: Flags.string({
      summary: 'Droplet to run on (default: the first of the environment by name).',
      env: 'OPSCTL_DROPLET',
    }),
    tty: Flags.boolean({
      char: 't',
      summary: 'Interactive: attach this terminal to the command (not with --json).',
    }),
  };
  static override stopOnTerminate = true;
  // The command after `--` is any number of words: not oclif's to count.
  static override strict = false;

  /** The words after `--`: the command, passed on word for word. */
  #command: string[] = [];

  /**
   * Only what comes before `--` is parsed (oclif replaces this.argv with it, so the command is
   * kept aside here, before parsing).
   */
  protected override argvToParse(): string[] {
    const at = this.argv.indexOf('--');
    if (at === -1) return this.argv;
    this.#command = this.argv.slice(at + 1);
    return this.argv.slice(0, at);
  }

  async run() {
    const result = await execOneOff(this.context, {
      service: this.flags.service,
      droplet: this.flags.droplet,
      argv: this.#command,
      terminal: this.flags.tty ? localTerminal() : undefined,
    });
    // The command's own exit code is opsctl's, as with `docker run` or `ssh`.
    if (result.exitCode !== 0) process.exitCode = result.exitCode;
    return result;
  }
}

function localTerminal(): Terminal {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new OpsctlError({
      code: 'USAGE',
      kind: 'user',
      message: '--tty needs a terminal on stdin and stdout.',
      hint: 'Run it from a terminal, or leave --tty out to run the command without one.',
    });
  }
  return {
    input: process.stdin,
    output: process.stdout,
    rows: process.stdout.rows,
    columns: process.stdout.columns,
    term: process.env.TERM ?? 'xterm-256color',
  };
}
