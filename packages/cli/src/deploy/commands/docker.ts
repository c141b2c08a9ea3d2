import type { RemoteCommand } from '../../exec/remote-command.js';
import { withEnvFile } from './env-files.js';

/** Docker commands run on a droplet, as argv values (Kamal's commands/app, commands/registry). */

/**
 * A Docker client config folder that only one pull uses (mode 700; `mkdir` fails rather than
 * reuse a folder someone made first): the registry login lands there, not in ~/.docker, and the
 * folder is removed after the pull.
 */
export const makePullConfig = (dir: string): RemoteCommand => ({
  argv: ['mkdir', '-m', '700', dir],
  description: `create ${dir}`,
});

export const removePullConfig = (dir: string): RemoteCommand => ({
  argv: ['rm', '-rf', '--', dir],
  description: `remove ${dir}`,
});

export const imagePresent = (ref: string): RemoteCommand => ({
  argv: ['docker', 'image', 'inspect', '--format', '{{.Id}}', ref],
  description: `check ${ref} is on the droplet`,
  readOnly: true,
});

export const pullImage = (ref: string, configDir?: string): RemoteCommand => ({
  argv: [
    'docker',
    ...(configDir === undefined ? [] : ['--config', configDir]),
    'pull',
    '--quiet',
    ref,
  ],
  description: `pull ${ref}`,
});

export const removeContainer = (name: string): RemoteCommand => ({
  argv: ['docker', 'rm', '--force', name],
  description: `remove container ${name}`,
});

export interface SlotRun {
  readonly container: string;
  readonly image: string;
  readonly hostPort: number;
  readonly containerPort: number;
  readonly envFile: string;
  /** Names of the variables in the env file handed to the container. */
  readonly envNames: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** How often Docker runs the image's HEALTHCHECK (the deploy polls at the same pace). */
  readonly healthInterval: string;
}

/**
 * Starts the slot bound to loopback only, with the env file's variables (through the droplet's
 * env file helper: the file is root's) passed by name.
 */
export const runSlot = (run: SlotRun): RemoteCommand => ({
  argv: [
    ...withEnvFile(run.envFile),
    'docker',
    'run',
    '--detach',
    '--name',
    run.container,
    '--restart',
    'unless-stopped',
    '--publish',
    `127.0.0.1:${run.hostPort}:${run.containerPort}`,
    '--env',
    `PORT=${run.containerPort}`,
    '--health-interval',
    run.healthInterval,
    ...run.envNames.flatMap((name) => ['--env', name]),
    ...Object.entries(run.labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
    run.image,
  ],
  description: `start ${run.container} from ${run.image}`,
});

/** A one-off container of the release (migrations), removed when it exits. */
export const runOnce = (
  image: string,
  envFile: string,
  envNames: readonly string[],
  argv: readonly string[],
): RemoteCommand => ({
  argv: [
    ...withEnvFile(envFile),
    'docker',
    'run',
    '--rm',
    ...envNames.flatMap((name) => ['--env', name]),
    image,
    ...argv,
  ],
  description: `run ${argv.join(' ')} in a one-off container`,
});

/** State and health of a container in one line: `<status> <health|none>`, or `missing`. */
export const containerHealth = (name: string): RemoteCommand => ({
  argv: [
    'sh',
    '-c',
    'docker inspect --format "{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}" "$1" 2>/dev/null || echo missing',
    'sh',
    name,
  ],
  description: `read health of ${name}`,
  readOnly: true,
});

export const containerLogs = (name: string, lines: number): RemoteCommand => ({
  argv: ['docker', 'logs', '--tail', String(lines), name],
  description: `read the last ${lines} log lines of ${name}`,
  readOnly: true,
});

/** SIGTERM, then SIGKILL after `seconds`: health-kit finishes in-flight requests before that. */
export const stopContainer = (name: string, seconds: number): RemoteCommand => ({
  argv: ['docker', 'stop', '--time', String(seconds), name],
  description: `stop ${name}`,
});

/**
 * State, Docker health and release label of a slot in one line: `running healthy <sha>`
 * (`none` without a health check), or `missing`. The label tells a kept slot from one a later
 * deploy reused.
 */
export const slotState = (name: string): RemoteCommand => ({
  argv: [
    'sh',
    '-c',
    'docker inspect --format "$2" "$1" 2>/dev/null || echo missing',
    'sh',
    name,
    '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{index .Config.Labels "opsctl.sha"}}',
  ],
  description: `read state of ${name}`,
  readOnly: true,
});

/** A container's memory use as Docker reports it, e.g. `41.2MiB / 1.9GiB` (one sample). */
export const containerMemory = (name: string): RemoteCommand => ({
  argv: ['docker', 'stats', '--no-stream', '--format', '{{.MemUsage}}', name],
  description: `read memory use of ${name}`,
  readOnly: true,
});
