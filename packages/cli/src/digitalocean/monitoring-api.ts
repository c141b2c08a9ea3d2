import type { ApiTransport } from './api-transport.js';
import { listAll } from './list-all.js';
import { alertPoliciesPage, type AlertPolicy } from './schemas/alert-policy.js';

/** Monitoring calls: the account's alert policies, every page. */
export function monitoringApi(t: ApiTransport) {
  return {
    listAlertPolicies: (): Promise<AlertPolicy[]> =>
      listAll(t, { target: '/v2/monitoring/alerts' }, alertPoliciesPage, (p) => p.policies),
  };
}
