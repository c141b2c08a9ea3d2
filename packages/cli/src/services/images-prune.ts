import { dirname } from 'node:path';
import type { CommandContext } from '../context/command-context.js';
import { selectServices } from '../config/select-services.js';
import { mapLimit } from '../deploy/map-limit.js';
import { formatPlan } from '../exec/format-plan.js';
import { applyDroplet, type DropletPruneReport } from '../images/droplet-prune.js';
import type { GarbageCollectionReport } from '../images/garbage-collection.js';
import { keepInvalid, pruneIncomplete } from '../images/prune-errors.js';
import { planPrune } from '../images/prune-plan.js';
import { reclaimSpace } from '../images/reclaim-space.js';
import { applyRepository, type RegistryPruneReport } from '../images/registry-prune.js';
import { registrySite } from '../images/registry-site.js';
import { renderPrune } from '../images/render-prune.js';
import { environmentDroplets } from '../images/environment-droplets.js';
import { withEnvironmentLock } from '../droplet/lock/with-environment-lock.js';

export interface ImagesPruneOptions {
  /** Images to keep per service (default: deploy.prune.keep of the environment). */
  readonly keep: number | undefined;
  readonly service: string | undefined;
  /** Wait for registry garbage collection to finish. */
  readonly wait: boolean;
  /** How long to wait for the environment's lock (default: do not wait). */
  readonly lockWaitMs?: number | undefined;
  /** Take over an abandoned lock. */
  readonly forceUnlock?: boolean | undefined;
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
  const configDir = dirname(loaded.path);
  const site = registrySite(context, {
    config: env.config.registry,
    environment: env.name,
    configDir,
  });
  // Prune decides from the droplets' history and removes images: no deploy, rollback or secrets
  // sync of this environment may change either meanwhile.
  const lockDroplets = context.dryRun ? [] : await environmentDroplets(context, env, configDir);
  return withEnvironmentLock(
    context,
    {
      environment: env.name,
      droplets: lockDroplets,
      kind: 'prune',
      waitMs: options.lockWaitMs ?? 0,
      ttlMs: env.config.deploy.lockTtl,
      forceUnlock: options.forceUnlock ?? false,
    },
    () => prune(context, options, { env, keep, configDir, loaded, site }),
  );
}

interface PruneInputs {
  readonly env: Awaited<ReturnType<CommandContext['environment']>>;
  readonly keep: number;
  readonly configDir: string;
  readonly loaded: Awaited<ReturnType<CommandContext['config']>>;
  readonly site: ReturnType<typeof registrySite>;
}

async function prune(
  context: CommandContext,
  options: ImagesPruneOptions,
  { env, keep, configDir, loaded, site }: PruneInputs,
): Promise<ImagesPruneResult> {
  const plans = await planPrune(context, {
    config: loaded.config,
    configDir,
    environment: env.name,
    site,
    services: selectServices(loaded.config, options.service).map((s) => s.name),
    keep,
  });

  const registry: RegistryPruneReport[] = [];
  for (const { target, manifests } of plans) {
    registry.push(
      context.dryRun
        ? { service: target.service, repository: target.name, manifests, errors: [] }
        : await applyRepository(target, manifests, site.server),
    );
  }
  // In a dry run the droplets' executors only record the removals.
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
  const result: ImagesPruneResult = {
    environment: env.name,
    keep,
    dryRun: context.dryRun,
    registry,
    droplets,
    garbageCollection: await reclaimSpace(context, site, { deleted, wait: options.wait }),
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
