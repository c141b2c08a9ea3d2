import type { Environment } from '../environment.js';
import { blocks, type HclBody } from '../hcl.js';
import type { Problem } from '../../problem.js';
import { address, instances } from '../instances.js';
import { resolve, UNKNOWN, type Scope } from '../resolve.js';

const EVERYWHERE = new Set(['0.0.0.0/0', '::/0']);

/** Whether a firewall rule's port_range includes the port; an unknown range counts as yes. */
export function coversPort(portRange: unknown, port: number): boolean {
  if (portRange === undefined || portRange === '' || portRange === 'all') return true;
  if (typeof portRange === 'number') return portRange === port;
  if (typeof portRange !== 'string') return true;
  const [low, high = low] = portRange.split('-').map(Number);
  if (low === undefined || high === undefined || Number.isNaN(low) || Number.isNaN(high))
    return true;
  return low <= port && port <= high;
}

function tcpRulesCovering(rule: HclBody, scope: Scope, port: number): boolean {
  const protocol = resolve(rule.protocol, scope);
  return (
    (protocol === 'tcp' || protocol === UNKNOWN) &&
    coversPort(resolve(rule.port_range, scope), port)
  );
}

/** SSH (22) may only come from listed admin CIDRs, never from the whole internet. */
export function checkSshSources(env: Environment): Problem[] {
  const problems: Problem[] = [];
  for (const inst of instances(env)) {
    for (const res of inst.dir.resources.filter((r) => r.type === 'digitalocean_firewall')) {
      for (const rule of blocks(res.body, 'inbound_rule')) {
        if (!tcpRulesCovering(rule, inst.scope, 22) || rule.source_addresses === undefined)
          continue;
        const sources = resolve(rule.source_addresses, inst.scope);
        const list = Array.isArray(sources) ? sources : [sources];
        if (list.some((s) => typeof s === 'string' && EVERYWHERE.has(s))) {
          problems.push({
            where: inst.label,
            address: address(res),
            message: 'port 22 is open to 0.0.0.0/0 or ::/0; allow admin CIDRs only',
          });
        } else if (list.some((s) => typeof s !== 'string')) {
          problems.push({
            where: inst.label,
            address: address(res),
            message:
              'port 22 sources cannot be read statically; use a list variable set in terraform.tfvars',
          });
        }
      }
    }
  }
  return problems;
}

/** HTTP and HTTPS reach the droplets only from the load balancer, never from addresses. */
export function checkHttpOnlyFromLoadBalancer(env: Environment): Problem[] {
  const problems: Problem[] = [];
  for (const inst of instances(env)) {
    for (const res of inst.dir.resources.filter((r) => r.type === 'digitalocean_firewall')) {
      for (const rule of blocks(res.body, 'inbound_rule')) {
        const web = [80, 443].filter((p) => tcpRulesCovering(rule, inst.scope, p));
        if (web.length === 0 || coversPort(resolve(rule.port_range, inst.scope), 22)) continue;
        const hasAddresses = rule.source_addresses !== undefined || rule.source_tags !== undefined;
        if (hasAddresses || rule.source_load_balancer_uids === undefined) {
          problems.push({
            where: inst.label,
            address: address(res),
            message: `port ${web.join('/')} must have source_load_balancer_uids only (no source_addresses or source_tags)`,
          });
        }
      }
    }
  }
  return problems;
}
