import type { CommandContext } from '../context/command-context.js';
import type { OpsctlConfig } from '../config/types.js';
import { environmentsSharing, protectionsOf, scanDeployments } from './deployment-scan.js';
import { planDroplet, type PlannedDroplet } from './droplet-prune.js';
import { readOnly } from './errors.js';
import { activeGarbageCollection } from './garbage-collection.js';
import { deploymentsUnknown } from './prune-errors.js';
import { planRepository } from './registry-prune.js';
import type { ManifestDecision } from './registry-prune-plan.js';
import type { RegistrySite } from './registry-site.js';
import { serviceRepository, type ServiceRepository } from './repository-images.js';

/** Retention for one service: its repository's manifests and its images on each droplet. */
export interface ServicePrunePlan {
  readonly target: ServiceRepository;
  readonly manifests: readonly ManifestDecision[];
  readonly droplets: readonly PlannedDroplet[];
}

export interface PrunePlanInput {
  readonly config: OpsctlConfig;
  readonly configDir: string;
  readonly environment: string;
  readonly site: RegistrySite;
  readonly services: readonly string[];
  readonly keep: number;
}

/**
 * Reads everything retention depends on and decides, changing nothing: the deployments of every
 * environment sharing the registry (any droplet unreadable: refused, as nothing could be called
 * unused), the registry's manifests, and this environment's droplets. Refused as well while
 * garbage collection holds the registry read-only, when something would be deleted.
 */
export async function planPrune(
  ctx: CommandContext,
  input: PrunePlanInput,
): Promise<ServicePrunePlan[]> {
  const { site, keep } = input;
  const plans: ServicePrunePlan[] = [];
  for (const service of input.services) {
    const target = serviceRepository(site, service);
    const sharing = environmentsSharing(input.config, target.repo, service);
    const scan = await scanDeployments(ctx, sharing, service, input.configDir);
    if (scan.failures.length > 0) throw deploymentsUnknown(service, scan.failures);
    const manifests = await planRepository(target, keep, protectionsOf(scan), site.server);
    const here = scan.droplets.filter((d) => d.droplet.environment === input.environment);
    const droplets = await Promise.all(
      here.map((state) => planDroplet(state, { repository: target.name, service, keep })),
    );
    plans.push({ target, manifests, droplets });
  }
  const deleting = plans.some((p) => p.manifests.some((m) => m.action === 'delete'));
  if (deleting && site.digitalocean !== undefined) {
    const running = await activeGarbageCollection(site.digitalocean, site.server);
    if (running !== undefined) {
      throw readOnly(
        site.server,
        `garbage collection ${running.uuid} is ${running.status}; nothing was removed.`,
      );
    }
  }
  return plans;
}
