import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownEngineArgs } from '@opsctl/testbed';
import { packageDir, repoRoot } from '../../support/paths.js';
import { run, runOk } from '../../support/run.js';

export const BARE_IMAGE = 'opsctl-test/bare-droplet:bookworm';

/** A bare Debian 12 "droplet" as a container: sshd, Python and sudo, its own Docker data volume. */
export interface BareDroplet {
  name: string;
  sshPort: number;
  httpPort: number;
  /** A published port the host firewall must not let through. */
  closedPort: number;
  /** The address the droplet sees host connections come from (the network gateway). */
  gateway: string;
  keysDir: string;
  /** The droplet's SSH host key (private; the public key is beside it with .pub). */
  hostKey: string;
  rootKey: string;
  adminKey: string;
  deployKey: string;
  publicKey: (which: 'admin' | 'deploy') => Promise<string>;
  remove: () => Promise<void>;
}

/** Builds the local base image if missing (packages/testbed/images/build-base.sh), then the bare image. */
export async function buildBareImage(): Promise<void> {
  await runOk('bash', [join(repoRoot, 'packages/testbed/images/build-base.sh')]);
  await runOk('docker', [
    'build',
    '-q',
    '-t',
    BARE_IMAGE,
    join(packageDir, 'fixtures/bare-droplet'),
  ]);
}

async function keygen(path: string): Promise<void> {
  await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'opsctl-test', '-f', path]);
}

async function publishedPort(name: string, port: number): Promise<number> {
  const { stdout } = await runOk('docker', ['port', name, `${String(port)}/tcp`]);
  const match = /127\.0\.0\.1:(\d+)/.exec(stdout);
  if (!match?.[1])
    throw new Error(`container ${name} does not publish port ${String(port)}: ${stdout}`);
  return Number(match[1]);
}

export interface BareDropletOptions {
  /** An existing Docker network to join (neither created nor removed); default: a new one. */
  network?: string;
  /** Labels for the container and its volume, e.g. one a cleanup finds them by. */
  labels?: readonly string[];
}

/**
 * Starts a bare droplet on a Docker network (its own unless one is given), with the flags a nested
 * Docker engine needs (see TESTBED.md, section A). Only root has a key, as on a droplet
 * DigitalOcean just made.
 */
export async function startBareDroplet(options: BareDropletOptions = {}): Promise<BareDroplet> {
  const id = randomBytes(4).toString('hex');
  const name = `opsctl-test-droplet-${id}`;
  const ownNetwork = options.network === undefined;
  const network = options.network ?? `opsctl-test-net-${id}`;
  const volume = `opsctl-test-docker-${id}`;
  const labelArgs = (options.labels ?? []).flatMap((label) => ['--label', label]);
  const keysDir = await mkdtemp(join(tmpdir(), 'opsctl-test-keys-'));
  const hostKey = join(keysDir, 'ssh_host_ed25519_key');
  const rootKey = join(keysDir, 'root');
  const adminKey = join(keysDir, 'admin');
  const deployKey = join(keysDir, 'deploy');
  for (const key of [hostKey, rootKey, adminKey, deployKey]) await keygen(key);

  const remove = async (): Promise<void> => {
    await run('docker', ['rm', '-f', '-v', name]);
    await run('docker', ['volume', 'rm', '-f', volume]);
    if (ownNetwork) await run('docker', ['network', 'rm', network]);
    await rm(keysDir, { recursive: true, force: true });
  };
  try {
    if (ownNetwork) await runOk('docker', ['network', 'create', network]);
    await runOk('docker', ['volume', 'create', ...labelArgs, volume]);
    await runOk('docker', [
      'create',
      '--name',
      name,
      '--hostname',
      'droplet',
      ...labelArgs,
      '--init',
      '--network',
      network,
      ...ownEngineArgs(volume),
      '-p',
      '127.0.0.1::22',
      '-p',
      '127.0.0.1::80',
      '-p',
      '127.0.0.1::8080',
      BARE_IMAGE,
    ]);
    await runOk('docker', ['cp', hostKey, `${name}:/etc/ssh/ssh_host_ed25519_key`]);
    await runOk('docker', ['cp', `${hostKey}.pub`, `${name}:/etc/ssh/ssh_host_ed25519_key.pub`]);
    await runOk('docker', ['cp', `${rootKey}.pub`, `${name}:/root/.ssh/authorized_keys`]);
    await runOk('docker', ['start', name]);
    const { stdout: gateway } = await runOk('docker', [
      'network',
      'inspect',
      network,
      '--format',
      '{{range .IPAM.Config}}{{.Gateway}}{{end}}',
    ]);
    const droplet: BareDroplet = {
      name,
      sshPort: await publishedPort(name, 22),
      httpPort: await publishedPort(name, 80),
      closedPort: await publishedPort(name, 8080),
      gateway: gateway.trim(),
      keysDir,
      hostKey,
      rootKey,
      adminKey,
      deployKey,
      publicKey: async (which) =>
        (await readFile(`${which === 'admin' ? adminKey : deployKey}.pub`, 'utf8')).trim(),
      remove,
    };
    await waitForSsh(droplet);
    return droplet;
  } catch (error) {
    await remove();
    throw error;
  }
}

const SSH_OPTIONS = [
  '-o',
  'StrictHostKeyChecking=no',
  '-o',
  'UserKnownHostsFile=/dev/null',
  '-o',
  'BatchMode=yes',
  '-o',
  'LogLevel=ERROR',
  '-o',
  'ConnectTimeout=5',
];

/** Runs a command on the droplet over SSH as the given user with the given private key. */
export function ssh(
  droplet: BareDroplet,
  user: string,
  key: string,
  command: string,
  extra: string[] = [],
) {
  return run('ssh', [
    ...SSH_OPTIONS,
    ...extra,
    '-i',
    key,
    '-p',
    String(droplet.sshPort),
    `${user}@127.0.0.1`,
    command,
  ]);
}

async function waitForSsh(droplet: BareDroplet): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const result = await ssh(droplet, 'root', droplet.rootKey, 'true');
    if (result.code === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`sshd in ${droplet.name} did not accept the root key`);
}

/** An Ansible inventory for the droplet, connecting as the given user. */
export function inventoryFor(droplet: BareDroplet, user: 'root' | 'ops', key: string): string {
  return JSON.stringify({
    api: {
      hosts: {
        droplet: {
          ansible_host: '127.0.0.1',
          ansible_port: droplet.sshPort,
          ansible_user: user,
          ansible_ssh_private_key_file: key,
          ansible_ssh_common_args: '-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null',
        },
      },
    },
  });
}
