import type { CommandContext } from '../context/command-context.js';
import type { EnvironmentConfig, StaticDroplet } from '../config/types.js';
import { dropletIpv4 } from '../digitalocean/schemas/droplet.js';
import { OpsctlError } from '../errors/opsctl-error.js';
import { digitalOceanFor, fromApiError } from './digitalocean-access.js';

/**
 * The droplets of an environment: the static list, or every active droplet carrying the tag
 * (looked up through the DigitalOcean API; reached at its public IPv4 address), sorted by name so
 * the first one, which holds the deploy lock and runs first, is always the same.
 */
export async function listDroplets(
  ctx: CommandContext,
  env: { readonly name: string; readonly config: EnvironmentConfig },
  configDir: string,
): Promise<StaticDroplet[]> {
  const selector = env.config.droplets;
  if (selector.kind === 'static') return [...selector.droplets];
  const client = digitalOceanFor(ctx, env.name, configDir);
  const found = await client.listDroplets({ tag: selector.tag }).catch((error: unknown) => {
    throw fromApiError(error);
  });
  const droplets = found
    .filter((d) => d.status === 'active')
    .flatMap((d) => {
      const host = dropletIpv4(d, 'public');
      return host === undefined ? [] : [{ name: d.name, host }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  if (droplets.length === 0) {
    throw new OpsctlError({
      code: 'NO_DROPLETS',
      kind: 'user',
      message: `No active droplet with a public address carries the tag "${selector.tag}" (environment ${env.name}).`,
      hint: 'Tag the droplets (the api-cluster Terraform module does) or fix environments.<name>.droplets.tag.',
    });
  }
  ctx.logger.info(
    `found ${droplets.length} droplet(s) tagged ${selector.tag} through the DigitalOcean API: ${droplets.map((d) => `${d.name} (${d.host})`).join(', ')}`,
  );
  return droplets;
}
