import type { Environment } from '../environment.js';
import { blocks } from '../hcl.js';
import type { Problem } from '../../problem.js';
import { address, instances } from '../instances.js';
import { resolve } from '../resolve.js';

/**
 * Every managed database joins the VPC and has a database firewall whose trusted sources are
 * droplet tags only (no addresses, no "everywhere").
 */
export function checkDatabases(env: Environment): Problem[] {
  const problems: Problem[] = [];
  for (const inst of instances(env)) {
    const firewalls = inst.dir.resources.filter((r) => r.type === 'digitalocean_database_firewall');
    for (const cluster of inst.dir.resources.filter(
      (r) => r.type === 'digitalocean_database_cluster',
    )) {
      const report = (message: string): void => {
        problems.push({ where: inst.label, address: address(cluster), message });
      };
      if (cluster.body.private_network_uuid === undefined)
        report('is not placed in the VPC (private_network_uuid)');
      const ref = `\${digitalocean_database_cluster.${cluster.name}.id}`;
      const guarding = firewalls.filter((f) => f.body.cluster_id === ref);
      if (guarding.length === 0) {
        report('has no digitalocean_database_firewall, so any address may connect');
        continue;
      }
      for (const fw of guarding) {
        const rules = blocks(fw.body, 'rule');
        if (rules.length === 0) report(`${address(fw)} has no rule`);
        for (const rule of rules) {
          const type = resolve(rule.type, inst.scope);
          if (type !== 'tag')
            report(
              `${address(fw)} trusts a source of type ${String(type)}; only droplet tags are allowed`,
            );
        }
      }
    }
  }
  return problems;
}
