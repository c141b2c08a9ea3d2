import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkLoadBalancers,
  formatProblems,
  loadTerraformTree,
  resolve,
  type TerraformTree,
} from '../../src/index.js';
import { blocks } from '../../src/terraform/hcl.js';
import { only, treeWithModule } from '../support/fixture-tree.js';
import { terraformDir } from '../support/paths.js';

let tree: TerraformTree;
beforeAll(async () => {
  tree = await loadTerraformTree(terraformDir);
});

describe('the load balancer of the real environments', () => {
  it('checks /health with an explicit interval and thresholds, redirects HTTP and terminates TLS', () => {
    for (const env of tree.environments) {
      const cluster = env.modules.find((m) => m.call.name === 'api_cluster');
      const lb = cluster?.dir.resources.find((r) => r.type === 'digitalocean_loadbalancer');
      expect(lb, `${env.name} has a load balancer`).toBeDefined();
      if (!lb || !cluster) return;
      const health = resolve(only(blocks(lb.body, 'healthcheck')), cluster.scope);
      expect(health).toMatchObject({
        path: '/health',
        protocol: 'http',
        check_interval_seconds: 10,
      });
      expect(formatProblems(checkLoadBalancers(env))).toBe('');
    }
  });
});

describe('the load balancer check', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it('reports a wrong health path, implicit timing, no redirect and no TLS', async () => {
    const fixture = await treeWithModule(`resource "digitalocean_loadbalancer" "lb" {
  name = "\${local.name_prefix}-lb"
  forwarding_rule {
    entry_port      = 80
    entry_protocol  = "http"
    target_port     = 80
    target_protocol = "http"
  }
  healthcheck {
    protocol = "http"
    port     = 80
    path     = "/"
  }
}
`);
    cleanup = fixture.cleanup;
    const report = formatProblems(checkLoadBalancers(only(fixture.environments)));
    expect(report).toContain('health check path is /, expected /health');
    expect(report).toContain('health check check_interval_seconds is not set explicitly');
    expect(report).toContain('health check unhealthy_threshold is not set explicitly');
    expect(report).toContain('redirect_http_to_https is not true');
    expect(report).toContain('no https forwarding rule with a certificate');
    expect(report).toContain('does not select droplets by droplet_tag');
  });

  it('reports a load balancer without a health check', async () => {
    const fixture = await treeWithModule(`resource "digitalocean_loadbalancer" "lb" {
  name = "\${local.name_prefix}-lb"
}
`);
    cleanup = fixture.cleanup;
    expect(formatProblems(checkLoadBalancers(only(fixture.environments)))).toContain(
      'has no healthcheck block',
    );
  });
});
