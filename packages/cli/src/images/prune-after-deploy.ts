import { dirname } from 'node:path';
import type { CommandContext } from '../context/command-context.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import { repository } from '../registry/image-ref.js';
import { mapLimit } from '../deploy/map-limit.js';
import { scanDeployments } from './deployment-scan.js';
import { applyDroplet, planDroplet, type DropletPruneReport } from './droplet-prune.js';
import { keepInvalid } from './prune-errors.js';

export interface PruneAfterDeployOptions {
  /** Name of the environment just deployed to. */
  readonly environment: string;
  readonly service: string;
  /** Images (and stopped containers) to keep per droplet: deploy.prune.keep. */
  readonly keep: number;
}

/**
 * Droplet-side retention after a successful deploy, as Kamal prunes after each deploy: on every
 * droplet of the environment, old images and stopped containers of the service go, never the
 * active or previous release's. The registry is not touched (that is `opsctl images prune`).
 * Failures are reported per droplet (`errors`) and as warnings, never thrown: the deploy has
 * already succeeded. Throws only for a bad `keep` or an unknown environment.
 */
export async function pruneAfterDeploy(
  ctx: CommandContext,
  options: PruneAfterDeployOptions,
): Promise<DropletPruneReport[]> {
  if (!Number.isInteger(options.keep) || options.keep < 1) throw keepInvalid(options.keep);
  const loaded = await ctx.config();
  const { config } = loaded;
  const envConfig = config.environments[options.environment];
  if (envConfig === undefined) {
    throw new OpsctlError({
      code: 'ENVIRONMENT_UNKNOWN',
      kind: 'user',
      message: `Environment "${options.environment}" is not in opsctl.yaml.`,
      hint: `Use one of: ${Object.keys(config.environments).join(', ')}.`,
    });
  }
  const repo = repository(envConfig.registry.prefix, options.service);
  const scan = await scanDeployments(
    ctx,
    [{ name: options.environment, config: envConfig }],
    options.service,
    dirname(loaded.path),
  );
  for (const f of scan.failures)
    ctx.logger.warn(
      `image prune skipped ${f.environment}${f.droplet === undefined ? '' : `/${f.droplet}`}: ${f.error}`,
    );
  const settled = await mapLimit(scan.droplets, envConfig.deploy.parallelism, async (state) => {
    try {
      const planned = await planDroplet(state, {
        repository: `${repo.registry}/${repo.path}`,
        service: options.service,
        keep: options.keep,
      });
      return await applyDroplet(planned);
    } catch (error) {
      // One unreachable droplet must not stop the others: report it like a failed removal.
      const { environment, name } = state.droplet;
      const why = error instanceof Error ? error.message : String(error);
      return {
        environment,
        droplet: name,
        service: options.service,
        containers: [],
        images: [],
        errors: [why],
      };
    }
  });
  const reports = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  for (const r of reports) {
    const removed = r.images.filter((i) => i.action === 'remove').length - r.errors.length;
    ctx.logger.info(`${r.droplet}: pruned ${Math.max(0, removed)} old image(s) of ${r.service}`);
    for (const e of r.errors) ctx.logger.warn(`${r.droplet}: ${e}`);
  }
  return reports;
}
