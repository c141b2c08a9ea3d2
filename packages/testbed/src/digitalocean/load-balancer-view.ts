import { DEFAULT_REGION, regionView } from './region-view.js';
import type { LoadBalancerSeed } from './seeds.js';

/** A load balancer in the API's shape; `dropletIds` is its current backend set. */
export function loadBalancerView(
  seed: LoadBalancerSeed,
  dropletIds: readonly number[],
): Record<string, unknown> {
  return {
    id: seed.id,
    name: seed.name,
    ip: seed.ip,
    size_unit: 1,
    status: 'active',
    created_at: '2026-01-01T00:00:00Z',
    forwarding_rules: [
      {
        entry_protocol: 'http',
        entry_port: seed.entryPort ?? 80,
        target_protocol: 'http',
        target_port: seed.targetPort ?? 80,
        tls_passthrough: false,
      },
    ],
    health_check: {
      protocol: 'http',
      port: seed.targetPort ?? 80,
      path: seed.healthCheckPath ?? '/health',
      check_interval_seconds: 10,
      response_timeout_seconds: 5,
      unhealthy_threshold: 3,
      healthy_threshold: 5,
    },
    sticky_sessions: { type: 'none' },
    redirect_http_to_https: false,
    enable_proxy_protocol: false,
    enable_backend_keepalive: false,
    http_idle_timeout_seconds: 60,
    disable_lets_encrypt_dns_records: false,
    region: regionView(seed.region ?? DEFAULT_REGION),
    droplet_ids: [...dropletIds],
  };
}
