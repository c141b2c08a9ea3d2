import type { EnvironmentConfig, SshSettings, StaticDroplet } from '../../config/types.js';

/** Everything needed to open an SSH connection to one droplet. */
export interface SshTarget {
  /** Droplet name, for messages. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** Absolute path of the private key (key authentication only). */
  readonly privateKeyPath: string;
  /** Absolute path of the OpenSSH known_hosts file the host key must be in. */
  readonly knownHostsPath: string;
}

/** `droplet-1 (deploy@127.0.0.1:2221)`. */
export function sshTargetLabel(target: SshTarget): string {
  return `${target.name} (${target.user}@${target.host}:${target.port})`;
}

/** The SSH target of one droplet under an environment's SSH settings. */
export function sshTargetFor(
  droplet: Pick<StaticDroplet, 'name' | 'host' | 'sshPort'>,
  ssh: SshSettings,
): SshTarget {
  return {
    name: droplet.name,
    host: droplet.host,
    port: droplet.sshPort ?? ssh.port,
    user: ssh.user,
    privateKeyPath: ssh.key,
    knownHostsPath: ssh.knownHosts,
  };
}

/** Targets of an environment with a static droplet list; tag-selected droplets need the API. */
export function staticSshTargets(env: EnvironmentConfig): SshTarget[] | undefined {
  if (env.droplets.kind !== 'static') return undefined;
  return env.droplets.droplets.map((droplet) => sshTargetFor(droplet, env.ssh));
}
