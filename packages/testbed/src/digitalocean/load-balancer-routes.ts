import { noContent, ok, type ApiRequest } from './api-exchange.js';
import { notFound, unprocessable } from './api-failure.js';
import { loadBalancerView } from './load-balancer-view.js';
import type { Router } from './router.js';
import type { DropletProvider, LoadBalancerHook, LoadBalancerSeed } from './seeds.js';

export interface LoadBalancerState {
  readonly seed: LoadBalancerSeed;
  dropletIds: number[];
}

function dropletIdsOf(req: ApiRequest): number[] {
  const ids = (req.body as { droplet_ids?: unknown } | undefined)?.droplet_ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => Number.isInteger(id))) {
    throw unprocessable('droplet_ids must be a non-empty array of droplet ids (integers)');
  }
  return ids as number[];
}

/** GET a load balancer; POST/DELETE its droplets. Changes go through the hook before they count. */
export function addLoadBalancerRoutes(
  router: Router,
  balancers: Map<string, LoadBalancerState>,
  droplets: DropletProvider,
  hook: LoadBalancerHook,
): void {
  const find = (id: string | undefined): LoadBalancerState => {
    const lb = balancers.get(id ?? '');
    if (!lb) throw notFound();
    return lb;
  };

  const change = async (
    lb: LoadBalancerState,
    next: number[],
    added: number[],
    removed: number[],
  ): Promise<void> => {
    // The hook applies the change for real (HAProxy); only once it succeeded does the API say so.
    await hook({ loadBalancerId: lb.seed.id, dropletIds: next, added, removed });
    lb.dropletIds = next;
  };

  router.add('GET', '/v2/load_balancers/{lb_id}', (_req, p) => {
    const lb = find(p.lb_id);
    return Promise.resolve(ok({ load_balancer: loadBalancerView(lb.seed, lb.dropletIds) }));
  });

  router.add('POST', '/v2/load_balancers/{lb_id}/droplets', async (req, p) => {
    const lb = find(p.lb_id);
    const ids = dropletIdsOf(req);
    const known = new Set((await droplets()).map((d) => d.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw unprocessable(`droplet(s) ${unknown.join(', ')} do not exist`);
    const added = ids.filter((id) => !lb.dropletIds.includes(id));
    await change(lb, [...lb.dropletIds, ...added], added, []);
    return noContent();
  });

  router.add('DELETE', '/v2/load_balancers/{lb_id}/droplets', async (req, p) => {
    const lb = find(p.lb_id);
    const ids = dropletIdsOf(req);
    const removed = lb.dropletIds.filter((id) => ids.includes(id));
    await change(
      lb,
      lb.dropletIds.filter((id) => !ids.includes(id)),
      [],
      removed,
    );
    return noContent();
  });
}
