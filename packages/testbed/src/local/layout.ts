/**
 * Names and loopback ports of the local environment. Everything it creates carries the
 * `opsctl-local` prefix and label, so `down` can find and remove exactly what `up` made.
 */
export interface LocalLayout {
  readonly prefix: string;
  readonly label: string;
  readonly network: string;
  readonly registryHost: string;
  readonly registryPort: number;
  readonly loadBalancerPort: number;
  readonly loadBalancerStatsPort: number;
  readonly doStandInPort: number;
  readonly postgresPort: number;
  readonly redisPort: number;
  /**
   * SSH port of every droplet at its own loopback address (`DropletSlot.address`): droplets found
   * by tag through the API are reached at one port, as real ones are at 22.
   */
  readonly dropletSshPort: number;
  readonly droplets: readonly DropletSlot[];
}

export interface DropletSlot {
  readonly name: string;
  readonly container: string;
  readonly volume: string;
  /** The droplet's own loopback address, its public IPv4 as the DigitalOcean stand-in lists it. */
  readonly address: string;
  readonly sshPort: number;
  readonly httpPort: number;
}

const PREFIX = 'opsctl-local';
export const MAX_DROPLETS = 9;

/**
 * The layout for `count` droplets: droplet-N gets SSH on 127.0.0.1:2220+N and on 127.0.0.(10+N) at
 * `dropletSshPort`, and HTTP on 8080+N. Linux routes all of 127.0.0.0/8 to loopback.
 */
export function localLayout(count: number): LocalLayout {
  if (!Number.isInteger(count) || count < 1 || count > MAX_DROPLETS) {
    throw new RangeError(
      `droplet count must be a whole number from 1 to ${MAX_DROPLETS}, got ${count}`,
    );
  }
  const droplets = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    return {
      name: `droplet-${n}`,
      container: `${PREFIX}-droplet-${n}`,
      volume: `${PREFIX}-droplet-${n}-docker`,
      address: `127.0.0.${10 + n}`,
      sshPort: 2220 + n,
      httpPort: 8080 + n,
    };
  });
  return {
    prefix: PREFIX,
    label: PREFIX,
    network: PREFIX,
    registryHost: 'registry.opsctl.local',
    registryPort: 5443,
    loadBalancerPort: 8080,
    loadBalancerStatsPort: 8404,
    doStandInPort: 9101,
    postgresPort: 15432,
    redisPort: 16379,
    dropletSshPort: 2200,
    droplets,
  };
}

export const containerName = (layout: LocalLayout, role: string): string =>
  `${layout.prefix}-${role}`;
