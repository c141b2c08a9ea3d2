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
  readonly droplets: readonly DropletSlot[];
}

export interface DropletSlot {
  readonly name: string;
  readonly container: string;
  readonly volume: string;
  readonly sshPort: number;
  readonly httpPort: number;
}

const PREFIX = 'opsctl-local';
export const MAX_DROPLETS = 9;

/** The layout for `count` droplets: droplet-N gets SSH on 2220+N and HTTP on 8080+N. */
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
    droplets,
  };
}

export const containerName = (layout: LocalLayout, role: string): string =>
  `${layout.prefix}-${role}`;
