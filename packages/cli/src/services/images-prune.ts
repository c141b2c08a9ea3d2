import { dirname } from 'node:path';
import type { CommandContext } from '../context/command-context.js';
import { mapLimit } from '../deploy/map-limit.js';
import { formatPlan } from '../exec/format-plan.js';
import { environmentsSharing, scanDeployments, protectionsOf } from '../images/deployment-scan.js';
import {
  applyDroplet,
  planDroplet,
  type DropletPruneReport,
  type PlannedDroplet,
} from '../images/droplet-prune.js';
import { readOnly } from '../images/errors.js';
import {
  activeGarbageCollection,
  collectGarbage,
  type GarbageCollectionReport,
} from '../images/garbage-collection.js';
import { deploymentsUnknown, keepInvalid, pruneIncomplete } from '../images/prune-errors.js';
import {
  applyRepository,
  planRepository,
  type RegistryPruneReport,
} from '../images/registry-prune.js';
import type { ManifestDecision } from '../images/registry-prune-plan.js';
import { selectServices } from '../config/select-services.js';
import { registrySite } from '../images/registry-site.js';
import { renderPrune } from '../images/render-prune.js';
import { serviceRepository, type ServiceRepository } from '../images/repository-images.js';

export interface ImagesPruneOptions {
  /** Images to keep per service (default: deploy.prune.keep of the environment). */
  readonly keep: number | undefined;
  readonly service: string | undefined;
  /** Wait for registry garbage collection to finish. */
  readonly wait: boolean;
}

export interface ImagesPruneResult {
  readonly environment: string;
  readonly keep: number;
  readonly dryRun: boolean;
  /** Per repository: every manifest kept or deleted, and why. */
  readonly registry: readonly RegistryPruneReport[];
  /** Per droplet of the environment: containers and images kept or removed, and why. */
  readonly droplets: readonly DropletPruneReport[];
  readonly garbageCollection: GarbageCollectionReport;
}

interface ServicePlan {
  readonly target: ServiceRepository;
  readonly manifests: ManifestDecision[];
  readonly droplets: PlannedDroplet[];
}

/**
 * Remove old images beyond the retention count, in the registry and on the environment's
 * droplets, never one that is deployed or a rollback target in any environment sharing the
 * registry. Everything is read and planned first; nothing changes unless every read succeeded.
 * Dry run (context.dryRun): the plan is printed and nothing is deleted.
 */
export async function imagesPrune(
  context: CommandContext,
  options: ImagesPruneOptions,
): Promise<ImagesPruneResult> {
  const loaded = await context.config();
  const env = await context.environment();
  const keep = options.keep ?? env.config.deploy.prune.keep;
  if (!Number.isInteger(keep) || keep < 1) throw keepInvalid(keep);
  const services = selectServices(loaded.config, options.service);
  const site = registrySite(context, {
    config: env.config.registry,
    environment: env.name,
    configDir: dirname(loaded.path),
  });

  const plans: ServicePlan[] = [];
  for (const { name: service } of services) {
    const target = serviceRepository(site, service);
    const scan = await scanDeployments(
      context,
      environmentsSharing(loaded.config, target.repo, service),
      service,
      dirname(loaded.path),
    );
    if (scan.failures.length > 0) throw deploymentsUnknown(service, scan.failures);
    const manifests = await planRepository(target, keep, protectionsOf(scan), site.server);
    const here = scan.droplets.filter((d) => d.droplet.environment === env.name);
    const droplets = await Promise.all(
      here.map((state) => planDroplet(state, { repository: target.name, service, keep })),
    );
    plans.push({ target, manifests, droplets });
  }
  const deleting = plans.some((p) => p.manifests.some((m) => m.action === 'delete'));
  if (deleting && site.digitalocean !== undefined) {
    const running = await activeGarbageCollection(site.digitalocean, site.server);
    if (running !== undefined)
      throw readOnly(
        site.server,
        `garbage collection ${running.uuid} is ${running.status}; nothing was removed.`,
      );
  }

  const registry: RegistryPruneReport[] = [];
  for (const plan of plans) {
    registry.push(
      context.dryRun
        ? {
            service: plan.target.service,
            repository: plan.target.name,
            manifests: plan.manifests,
            errors: [],
          }
        : await applyRepository(plan.target, plan.manifests, site.server),
    );
  }
  const settled = await mapLimit(
    plans.flatMap((p) => p.droplets),
    env.config.deploy.parallelism,
    applyDroplet,
  );
  const droplets = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));

  const deleted = registry.reduce(
    (n, r) => n + r.manifests.filter((m) => m.action === 'delete').length - r.errors.length,
    0,
  );
  const garbageCollection = await reclaim(context, site, { deleted, wait: options.wait });
  const result: ImagesPruneResult = {
    environment: env.name,
    keep,
    dryRun: context.dryRun,
    registry,
    droplets,
    garbageCollection,
  };
  const planned = context.executors.plan.entries();
  renderPrune(context.output, { ...result, commandsListed: planned.length > 0 }, new Date());
  if (context.dryRun && planned.length > 0) context.output.line(formatPlan(planned));
  const failures =
    registry.reduce((n, r) => n + r.errors.length, 0) +
    droplets.reduce((n, d) => n + d.errors.length, 0);
  if (failures > 0) throw pruneIncomplete(failures, result);
  return result;
}

async function reclaim(
  context: CommandContext,
  site: ReturnType<typeof registrySite>,
  input: { readonly deleted: number; readonly wait: boolean },
): Promise<GarbageCollectionReport> {
  if (context.dryRun) return { outcome: 'dry-run', note: 'a dry run starts no garbage collection' };
  if (input.deleted <= 0)
    return { outcome: 'not-needed', note: 'nothing was deleted from the registry' };
  if (site.digitalocean === undefined) {
    return {
      outcome: 'unavailable',
      note: `${site.server} has no API to start garbage collection: run "registry garbage-collect" on the registry's host to reclaim the space`,
    };
  }
  return collectGarbage(site.digitalocean, site.server, {
    wait: input.wait,
    signal: context.signal,
    progress: (line) => {
      context.logger.info(line);
    },
  });
}
