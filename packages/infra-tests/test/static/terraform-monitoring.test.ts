import { beforeAll, describe, expect, it } from 'vitest';
import {
  alertPolicies,
  loadTerraformTree,
  uptimeTargets,
  type TerraformTree,
} from '../../src/index.js';
import { terraformDir } from '../support/paths.js';

let tree: TerraformTree;
beforeAll(async () => {
  tree = await loadTerraformTree(terraformDir);
});

describe('monitoring of the real environments', () => {
  it('alerts on CPU above 80%, memory above 85% and disk above 90%, each over 5 minutes', () => {
    for (const env of tree.environments) {
      const policies = alertPolicies(env);
      expect(policies).toHaveLength(3);
      expect(policies).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'v1/insights/droplet/cpu',
            compare: 'GreaterThan',
            value: 80,
            window: '5m',
          }),
          expect.objectContaining({
            type: 'v1/insights/droplet/memory_utilization_percent',
            compare: 'GreaterThan',
            value: 85,
            window: '5m',
          }),
          expect.objectContaining({
            type: 'v1/insights/droplet/disk_utilization_percent',
            compare: 'GreaterThan',
            value: 90,
            window: '5m',
          }),
        ]),
      );
      for (const policy of policies) expect(policy.emails).toEqual(env.tfvars.alert_emails);
    }
  });

  it('checks the public /health endpoint of each environment for uptime', () => {
    expect(tree.environments.map((env) => uptimeTargets(env))).toEqual([
      ['https://dev-api.example.com/health'],
      ['https://api.example.com/health'],
      ['https://staging-api.example.com/health'],
    ]);
  });
});
