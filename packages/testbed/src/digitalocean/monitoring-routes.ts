import { ok } from './api-exchange.js';
import { paginate } from './pagination.js';
import type { Router } from './router.js';
import type { AlertPolicySeed } from './seeds.js';

/** GET /v2/monitoring/alerts: the seeded policies, paginated. */
export function addMonitoringRoutes(router: Router, policies: readonly AlertPolicySeed[]): void {
  router.add('GET', '/v2/monitoring/alerts', (req) => {
    const page = paginate(req, policies);
    return Promise.resolve(ok({ policies: page.items, links: page.links, meta: page.meta }));
  });
}
