import type { Environment } from '../environment.js';
import type { Problem } from '../../problem.js';
import { address, instances } from '../instances.js';
import { resolve, resolveReferences, UNKNOWN } from '../resolve.js';

/** DigitalOcean resource types whose `tags` label the resource itself (not a selector of droplets). */
export const LABEL_TAGGABLE_TYPES = new Set([
  'digitalocean_droplet',
  'digitalocean_database_cluster',
  'digitalocean_volume',
  'digitalocean_kubernetes_cluster',
  'digitalocean_custom_image',
]);

/** Every label-taggable resource carries project:<project> and env:<environment>. */
export function checkTags(env: Environment): Problem[] {
  const project = env.scope.vars.project;
  const environment = env.scope.vars.environment;
  if (typeof project !== 'string' || typeof environment !== 'string') {
    return [
      {
        where: env.name,
        address: 'variables',
        message: 'project and environment must be set in terraform.tfvars',
      },
    ];
  }
  const wanted = [`project:${project}`, `env:${environment}`];
  const problems: Problem[] = [];
  for (const inst of instances(env)) {
    for (const res of inst.dir.resources.filter((r) => LABEL_TAGGABLE_TYPES.has(r.type))) {
      const tags = tagValues(res.body.tags, inst.scope);
      const missing = wanted.filter((t) => !tags.includes(t));
      if (missing.length > 0) {
        problems.push({
          where: inst.label,
          address: address(res),
          message: `tags lack ${missing.join(' and ')}; add local.common_tags to its tags`,
        });
      }
    }
  }
  return problems;
}

function tagValues(raw: unknown, scope: Parameters<typeof resolve>[1]): string[] {
  if (raw === undefined) return [];
  const parts = Array.isArray(raw) ? raw : [raw];
  return parts.flatMap((part) => {
    const value = resolve(part, scope);
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
    // An expression such as concat(local.common_tags, [...]): take what its references hold.
    if (value === UNKNOWN && typeof part === 'string') {
      return resolveReferences(part, scope)
        .flat()
        .filter((v): v is string => typeof v === 'string');
    }
    return [];
  });
}
