import { docker } from './docker-cli.js';
import { labelArgs, type LocalContext } from './context.js';
import type { DropletSlot } from './layout.js';
import { waitFor } from './wait.js';

export const DROPLET_IMAGE = 'opsctl-local/droplet:bookworm';

/**
 * `docker run` flags for a container that runs its own Docker engine (overlay2 on the named
 * volume) and sshd: the ones that work without --privileged on these machines.
 */
export const ownEngineArgs = (volume: string): string[] => [
  '--cap-add',
  'ALL',
  '--cap-drop',
  'SYS_RESOURCE',
  '--security-opt',
  'seccomp=unconfined',
  '--security-opt',
  'apparmor=unconfined',
  '--security-opt',
  'systempaths=unconfined',
  '-v',
  '/sys/fs/cgroup:/sys/fs/cgroup:rw',
  '-v',
  `${volume}:/var/lib/docker`,
];

/**
 * A droplet is a container with its own filesystem, Docker engine (overlay2 on a named volume),
 * sshd and nginx.
 */
export function dropletRunArgs(ctx: LocalContext, d: DropletSlot, image = DROPLET_IMAGE): string[] {
  const { layout, keys } = ctx;
  return [
    'run',
    '-d',
    '--name',
    d.container,
    '--hostname',
    d.name,
    ...labelArgs(ctx),
    '--network',
    layout.network,
    '--network-alias',
    d.name,
    ...ownEngineArgs(d.volume),
    '-v',
    `${keys.hostKey(d.name)}:/etc/ssh/ssh_host_ed25519_key:ro`,
    '-v',
    `${keys.authorizedKeysDir}:/etc/ssh/authorized_keys:ro`,
    // --mount, since the target path holds a colon (host:port) that -v cannot express.
    '--mount',
    `type=bind,source=${keys.caCert},target=/etc/docker/certs.d/${layout.registryHost}:${layout.registryPort}/ca.crt,readonly`,
    '-p',
    `127.0.0.1:${d.sshPort}:22`,
    '-p',
    `${d.address}:${layout.dropletSshPort}:22`,
    '-p',
    `127.0.0.1:${d.httpPort}:80`,
    image,
  ];
}

export async function startDroplet(ctx: LocalContext, d: DropletSlot): Promise<void> {
  await docker(['volume', 'create', ...labelArgs(ctx), d.volume]);
  await docker(dropletRunArgs(ctx, d));
}

/** A droplet is ready when its engine answers and sshd has started. */
export async function waitForDroplet(d: DropletSlot): Promise<void> {
  await waitFor(
    `${d.name} (Docker engine and sshd)`,
    async () =>
      (await docker([
        'exec',
        d.container,
        'sh',
        '-c',
        'docker info >/dev/null && pgrep -x sshd >/dev/null && echo ok',
      ])) === 'ok',
    90_000,
    500,
  );
}
