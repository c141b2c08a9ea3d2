import type { Environment } from '../environment.js';
import { blocks } from '../hcl.js';
import type { Problem } from '../../problem.js';
import { address, instances } from '../instances.js';
import { resolve } from '../resolve.js';

const EXPLICIT_HEALTH_SETTINGS = [
  'check_interval_seconds',
  'response_timeout_seconds',
  'healthy_threshold',
  'unhealthy_threshold',
] as const;

/**
 * Every load balancer checks /health over HTTP with explicit timing, redirects HTTP to HTTPS,
 * terminates TLS with a certificate and selects droplets by tag.
 */
export function checkLoadBalancers(env: Environment): Problem[] {
  const problems: Problem[] = [];
  for (const inst of instances(env)) {
    for (const res of inst.dir.resources.filter((r) => r.type === 'digitalocean_loadbalancer')) {
      const report = (message: string): void => {
        problems.push({ where: inst.label, address: address(res), message });
      };
      const [health] = blocks(res.body, 'healthcheck');
      if (!health) {
        report('has no healthcheck block');
      } else {
        const path = resolve(health.path, inst.scope);
        if (path !== '/health') report(`health check path is ${String(path)}, expected /health`);
        const protocol = resolve(health.protocol, inst.scope);
        if (protocol !== 'http' && protocol !== 'https')
          report(`health check protocol is ${String(protocol)}, expected http`);
        for (const key of EXPLICIT_HEALTH_SETTINGS) {
          if (typeof resolve(health[key], inst.scope) !== 'number')
            report(`health check ${key} is not set explicitly`);
        }
      }
      if (resolve(res.body.redirect_http_to_https, inst.scope) !== true)
        report('redirect_http_to_https is not true');
      const rules = blocks(res.body, 'forwarding_rule');
      const https = rules.find((r) => r.entry_protocol === 'https');
      if (!https || (https.certificate_name === undefined && https.certificate_id === undefined)) {
        report('has no https forwarding rule with a certificate');
      }
      if (res.body.droplet_tag === undefined) report('does not select droplets by droplet_tag');
    }
  }
  return problems;
}
