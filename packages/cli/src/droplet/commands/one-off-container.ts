import { withEnvFile } from '../../deploy/commands/env-files.js';
import type { RemoteCommand } from '../../exec/remote-command.js';

export interface OneOffRun {
  /** A name of its own, so an interrupted run can remove the container by it. */
  readonly container: string;
  readonly service: string;
  /** The running release's image, by digest. */
  readonly image: string;
  readonly envFile: string;
  /** Names of the env file's variables, handed to the container as a slot gets them. */
  readonly envNames: readonly string[];
  readonly tty: boolean;
  readonly argv: readonly string[];
}

/**
 * A one-off container of the release: the slot's image and env file (through the droplet's env
 * helper, as a slot is started), no published port and no restart policy, so it is not attached
 * to the slots, and removed when it exits. The command's words are argv values after the image.
 */
export const runOneOff = (run: OneOffRun): RemoteCommand => ({
  argv: [
    ...withEnvFile(run.envFile),
    'docker',
    'run',
    '--rm',
    '--name',
    run.container,
    '--label',
    `opsctl.one-off=${run.service}`,
    ...(run.tty ? ['--interactive', '--tty'] : []),
    ...run.envNames.flatMap((name) => ['--env', name]),
    run.image,
    ...run.argv,
  ],
  description: `run ${run.argv.join(' ')} in a one-off container of ${run.service}`,
});
