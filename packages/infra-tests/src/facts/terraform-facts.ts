import type { Environment } from '../terraform/environment.js';
import { resolve } from '../terraform/resolve.js';

/** What Terraform makes of one environment: the source of truth for these facts. */
export interface TerraformFacts {
  /** Tag of the API droplets (api-cluster's digitalocean_tag). */
  dropletTag: unknown;
  /** https:// and the environment's domain. */
  url: string;
  /** Name of the container registry the environment creates or reads. */
  registryName: unknown;
  /** The api-cluster module's admin account (user-data creates it). */
  adminUser: unknown;
  /** Root outputs by name, as written (expressions stay strings). */
  outputs: Map<string, unknown>;
}

export function terraformFacts(env: Environment): TerraformFacts {
  const apiCluster = env.modules.find((m) => m.call.name === 'api_cluster');
  const registry = env.modules.find((m) => m.call.name === 'registry');
  const tag = apiCluster?.dir.resources.find((r) => r.type === 'digitalocean_tag');
  const registryResource = registry?.dir.resources.find(
    (r) => r.type === 'digitalocean_container_registry',
  );
  return {
    dropletTag: tag && apiCluster ? resolve(tag.body.name, apiCluster.scope) : undefined,
    url: `https://${String(env.scope.vars.domain)}`,
    registryName:
      registryResource && registry
        ? resolve(registryResource.body.name, registry.scope)
        : undefined,
    adminUser: apiCluster?.scope.vars.admin_user,
    outputs: new Map([...env.root.outputs].map(([name, body]) => [name, body.value])),
  };
}
