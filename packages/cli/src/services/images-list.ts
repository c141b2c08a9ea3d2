import { dirname } from 'node:path';
import type { CommandContext } from '../context/command-context.js';
import { environmentsSharing, protectionsOf, scanDeployments } from '../images/deployment-scan.js';
import { registryFailure } from '../images/errors.js';
import { formatAge, formatBytes, shortDigest } from '../images/format.js';
import { groupByManifest, type RegistryManifest } from '../images/manifests.js';
import type { Protection } from '../images/protection.js';
import { selectServices } from '../config/select-services.js';
import { registrySite } from '../images/registry-site.js';
import { serviceRepository } from '../images/repository-images.js';

export interface ImagesListOptions {
  readonly service: string | undefined;
}

/** One image (manifest) in the registry and where it runs. */
export interface ListedImage extends RegistryManifest {
  /** Droplets serving it (active) or ready to roll back to it (previous), in any environment. */
  readonly runsOn: readonly Pick<Protection, 'environment' | 'droplet' | 'role'>[];
}

export interface ImagesListResult {
  readonly environment: string;
  readonly services: readonly {
    readonly service: string;
    readonly repository: string;
    /** Newest first. */
    readonly images: readonly ListedImage[];
  }[];
  /** Environments or droplets whose deployments could not be read. */
  readonly warnings: readonly string[];
}

/**
 * List images in the environment's registry: tags, digest, size, age, and which droplets of which
 * environments (sharing the registry) run each, from their release state. Unreachable droplets
 * are reported as warnings, not failures: the registry listing is still right.
 */
export async function imagesList(
  context: CommandContext,
  options: ImagesListOptions,
): Promise<ImagesListResult> {
  const loaded = await context.config();
  const env = await context.environment();
  const site = registrySite(context, {
    config: env.config.registry,
    environment: env.name,
    configDir: dirname(loaded.path),
  });
  const services: ImagesListResult['services'][number][] = [];
  const warnings: string[] = [];
  for (const { name: service } of selectServices(loaded.config, options.service)) {
    const target = serviceRepository(site, service);
    const [listed, scan] = await Promise.all([
      target.images.list().catch((error: unknown) => {
        throw registryFailure(error, site.server);
      }),
      scanDeployments(
        context,
        environmentsSharing(loaded.config, target.repo, service),
        service,
        dirname(loaded.path),
      ),
    ]);
    for (const f of scan.failures) {
      const warning = `${service}: cannot read what runs on ${f.environment}${f.droplet === undefined ? '' : `/${f.droplet}`}: ${f.error}`;
      warnings.push(warning);
      context.logger.warn(warning);
    }
    const protections = protectionsOf(scan);
    const images = groupByManifest(listed).map((m) => ({
      ...m,
      runsOn: protections
        .filter((p) => p.digest === m.digest)
        .map(({ environment, droplet, role }) => ({ environment, droplet, role })),
    }));
    services.push({ service, repository: target.name, images });
  }
  const now = new Date();
  for (const s of services) {
    context.output.line(`${s.repository}:`);
    context.output.table(s.images, [
      { header: 'TAGS', value: (i) => i.tags.join(', ') },
      { header: 'DIGEST', value: (i) => shortDigest(i.digest) },
      { header: 'SIZE', value: (i) => formatBytes(i.compressedSize) },
      { header: 'AGE', value: (i) => formatAge(i.createdAt, now) },
      {
        header: 'RUNS ON',
        value: (i) =>
          i.runsOn
            .map(
              (r) => `${r.environment}/${r.droplet}${r.role === 'previous' ? ' (previous)' : ''}`,
            )
            .join(', ') || '-',
      },
    ]);
    context.output.line();
  }
  return { environment: env.name, services, warnings };
}
