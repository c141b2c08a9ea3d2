import type { Environment } from '../environment.js';
import { blocks, isBody } from '../hcl.js';
import { expand, instances } from '../instances.js';

export interface AlertPolicy {
  type: unknown;
  compare: unknown;
  value: unknown;
  window: unknown;
  emails: unknown;
}

/** The droplet alert policies an environment creates, with their values resolved. */
export function alertPolicies(env: Environment): AlertPolicy[] {
  return instances(env).flatMap((inst) =>
    inst.dir.resources
      .filter((r) => r.type === 'digitalocean_monitor_alert')
      .flatMap((r) => expand(r, inst.scope))
      .map(({ body }) => {
        const [alerts] = blocks(body, 'alerts');
        return {
          type: body.type,
          compare: body.compare,
          value: body.value,
          window: body.window,
          emails: isBody(alerts) ? alerts.email : undefined,
        };
      }),
  );
}

/** Targets of the uptime checks an environment creates, resolved. */
export function uptimeTargets(env: Environment): unknown[] {
  return instances(env).flatMap((inst) =>
    inst.dir.resources
      .filter((r) => r.type === 'digitalocean_uptime_check')
      .flatMap((r) => expand(r, inst.scope))
      .map(({ body }) => body.target),
  );
}
