import type { CommandContext } from '../context/command-context.js';
import type { OpsctlConfig } from '../config/types.js';
import { remotePaths } from '../droplet/remote-paths.js';
import { repository, type Repository } from '../registry/image-ref.js';
import type { DropletReleases } from './droplet-prune-plan.js';
import { readDropletReleases } from '../droplet/releases/droplet-releases.js';
import {
  environmentDroplets,
  type DropletRef,
  type EnvironmentRef,
} from './environment-droplets.js';
import type { Protection } from './protection.js';

export interface DropletState {
  readonly droplet: DropletRef;
  readonly releases: DropletReleases;
}

export interface ScanFailure {
  readonly environment: string;
  readonly droplet: string | undefined;
  readonly error: string;
}

/** What runs (and would be rolled back to) on every droplet of some environments. */
export interface DeploymentScan {
  readonly droplets: readonly DropletState[];
  /** Droplets or environments whose state could not be read. */
  readonly failures: readonly ScanFailure[];
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** Environments whose images of `service` live in `repo`: the deployments that protect them. */
export function environmentsSharing(
  config: OpsctlConfig,
  repo: Repository,
  service: string,
): EnvironmentRef[] {
  return Object.entries(config.environments)
    .filter(([, env]) => {
      const theirs = repository(env.registry.prefix, service);
      return theirs.registry === repo.registry && theirs.path === repo.path;
    })
    .map(([name, env]) => ({ name, config: env }));
}

/** Reads active.json and releases.jsonl of `service` on every droplet of `environments`. */
export async function scanDeployments(
  ctx: CommandContext,
  environments: readonly EnvironmentRef[],
  service: string,
  configDir: string,
): Promise<DeploymentScan> {
  const droplets: DropletState[] = [];
  const failures: ScanFailure[] = [];
  await Promise.all(
    environments.map(async (env) => {
      let refs: DropletRef[];
      try {
        refs = await environmentDroplets(ctx, env, configDir);
      } catch (error) {
        failures.push({ environment: env.name, droplet: undefined, error: message(error) });
        return;
      }
      const paths = remotePaths(service, env.name);
      await Promise.all(
        refs.map(async (droplet) => {
          try {
            droplets.push({ droplet, releases: await readDropletReleases(droplet.exec, paths) });
          } catch (error) {
            failures.push({ environment: env.name, droplet: droplet.name, error: message(error) });
          }
        }),
      );
    }),
  );
  return { droplets, failures };
}

/** Every active and previous release the scan found, as protections. */
export function protectionsOf(scan: DeploymentScan): Protection[] {
  return scan.droplets.flatMap(({ droplet, releases }) => {
    const where = { environment: droplet.environment, droplet: droplet.name };
    return [
      ...(releases.active ? [{ ...where, role: 'active' as const, ...releases.active }] : []),
      ...(releases.previous ? [{ ...where, role: 'previous' as const, ...releases.previous }] : []),
    ];
  });
}
