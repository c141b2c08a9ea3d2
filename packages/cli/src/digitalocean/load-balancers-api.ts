import { z } from 'zod';
import { DigitalOceanApiError } from './api-error.js';
import type { ApiTransport } from './api-transport.js';
import { loadBalancerSchema, type LoadBalancer } from './schemas/load-balancer.js';

function checkIds(dropletIds: readonly number[]): number[] {
  if (dropletIds.length === 0 || !dropletIds.every((id) => Number.isInteger(id) && id > 0)) {
    throw new DigitalOceanApiError(
      0,
      'invalid_argument',
      `droplet ids must be positive integers, got [${dropletIds.join(', ')}]`,
      'Pass at least one droplet id (a number, as listDroplets returns it).',
    );
  }
  return [...dropletIds];
}

/** Load balancer calls: read one, and add or remove its droplets (the blue-green switch). */
export function loadBalancersApi(t: ApiTransport) {
  const target = (id: string): string => `/v2/load_balancers/${encodeURIComponent(id)}`;
  return {
    getLoadBalancer: async (id: string): Promise<LoadBalancer> =>
      (
        await t.request({
          method: 'GET',
          target: target(id),
          schema: z.object({ load_balancer: loadBalancerSchema }),
        })
      ).load_balancer,

    addDropletsToLoadBalancer: async (id: string, dropletIds: readonly number[]): Promise<void> =>
      t.request({
        method: 'POST',
        target: `${target(id)}/droplets`,
        body: { droplet_ids: checkIds(dropletIds) },
      }),

    removeDropletsFromLoadBalancer: async (
      id: string,
      dropletIds: readonly number[],
    ): Promise<void> =>
      t.request({
        method: 'DELETE',
        target: `${target(id)}/droplets`,
        body: { droplet_ids: checkIds(dropletIds) },
      }),
  };
}
