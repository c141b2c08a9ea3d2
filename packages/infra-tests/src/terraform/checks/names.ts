import type { Environment } from '../environment.js';
import type { Problem } from '../../problem.js';
import { address, instances } from '../instances.js';
import { resolve } from '../resolve.js';

/**
 * Types whose name is not per environment, each for a reason: database and user names live
 * inside a cluster that carries the prefix, and an account has a single registry.
 */
export const NAME_EXEMPT_TYPES = new Set([
  'digitalocean_database_db',
  'digitalocean_database_user',
  'digitalocean_container_registry',
]);

/**
 * Resources that cannot carry tags (VPC, load balancer, firewall, certificate, uptime check...)
 * still say which project and environment they belong to: their name starts with <project>-<env>.
 */
export function checkNames(env: Environment): Problem[] {
  const prefix = `${String(env.scope.vars.project)}-${String(env.scope.vars.environment)}`;
  const problems: Problem[] = [];
  for (const inst of instances(env)) {
    for (const res of inst.dir.resources) {
      if (NAME_EXEMPT_TYPES.has(res.type) || typeof res.body.name !== 'string') continue;
      const raw = res.body.name;
      const name = resolve(raw, inst.scope);
      const viaLocal =
        raw.startsWith('${local.name_prefix}') &&
        resolve('${local.name_prefix}', inst.scope) === prefix;
      const ok = typeof name === 'string' ? name.startsWith(prefix) : viaLocal;
      if (!ok) {
        problems.push({
          where: inst.label,
          address: address(res),
          message: `name ${raw} does not start with ${prefix}; build it from local.name_prefix`,
        });
      }
    }
  }
  return problems;
}
