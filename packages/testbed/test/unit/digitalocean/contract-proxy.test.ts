import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startContractProxy,
  type ContractProxy,
} from '../../../src/digitalocean/contract-proxy.js';
import { localRegistryBackend } from '../../../src/digitalocean/local-registry-backend.js';
import type { RegistryBackend } from '../../../src/digitalocean/registry-backend.js';
import {
  startDigitalOceanStandIn,
  type DigitalOceanStandIn,
} from '../../../src/digitalocean/stand-in.js';
import {
  startLocalRegistry,
  type LocalRegistry,
} from '../../../src/registry-api/local-registry.js';
import { pushImage } from '../../../src/registry-api/push-image.js';
import { call, seedDroplets, TOKEN } from './fixtures.js';
import { startRelay, type Relay } from './relay.js';
import { Teardown } from './teardown.js';

const LB = '4de7ac8b-495b-4884-9a69-1050c6793cd6';
const R = '/v2/registries/opsctl';

describe('contract proxy: Prism checks the stand-in against the official DigitalOcean description', () => {
  let registry: LocalRegistry;
  let backend: RegistryBackend;
  let api: DigitalOceanStandIn;
  let relay: Relay;
  let proxy: ContractProxy;
  let digest = '';
  const teardown = new Teardown();

  beforeAll(async () => {
    registry = teardown.add(await startLocalRegistry(), (r) => r.close());
    backend = teardown.add(localRegistryBackend(registry), (b) => {
      b.client.close();
    });
    digest = (await pushImage(backend.client, { repository: 'team/api', tags: ['v1', 'v2'] }))
      .digest;
    api = await startDigitalOceanStandIn({
      token: TOKEN,
      registry: backend,
      droplets: () => seedDroplets(5),
      loadBalancers: [{ id: LB, name: 'opsctl-lb', ip: '127.0.0.1', dropletIds: [1000] }],
      alertPolicies: [
        {
          uuid: 'p1',
          type: 'v1/insights/droplet/memory_utilization_percent',
          description: 'Memory',
          compare: 'GreaterThan',
          value: 90,
          window: '10m',
          entities: ['1000'],
          tags: [],
          alerts: { email: [], slack: [{ channel: '#ops', url: 'https://hooks.slack.invalid/x' }] },
          enabled: true,
        },
      ],
    });
    teardown.add(api, (a) => a.close());
    relay = teardown.add(await startRelay(api.url), (r) => r.close());
    // Prism loads a large API description: on 2 cores shared with the other suites that took
    // over the default 2 minutes in a full run, so the bound is generous; a hang still fails.
    proxy = teardown.add(
      await startContractProxy({ upstream: relay.url, startTimeoutMs: 420_000 }),
      (p) => p.close(),
    );
    api.setPublicUrl(proxy.url);
    console.log(
      `Prism loaded the DigitalOcean description and listened after ${proxy.startupMs} ms`,
    );
  }, 480_000);

  afterAll(() => teardown.run());

  const endpoints: [string, string, unknown?][] = [
    ['GET', '/v2/droplets?per_page=2&tag_name=web'],
    ['GET', '/v2/droplets/1000'],
    ['GET', `/v2/load_balancers/${LB}`],
    ['POST', `/v2/load_balancers/${LB}/droplets`, { droplet_ids: [1001] }],
    ['DELETE', `/v2/load_balancers/${LB}/droplets`, { droplet_ids: [1001] }],
    ['GET', '/v2/monitoring/alerts'],
    ['GET', R],
    ['GET', `${R}/docker-credentials?read_write=true&expiry_seconds=3600`],
    ['GET', `${R}/repositoriesV2?per_page=1`],
    ['GET', `${R}/repositories/team%2Fapi/tags?per_page=1`],
    ['GET', `${R}/repositories/team%2Fapi/digests`],
    ['DELETE', `${R}/repositories/team%2Fapi/tags/v2`],
    ['POST', `${R}/garbage-collection`],
    ['GET', `${R}/garbage-collections`],
  ];

  it.each(endpoints)(
    'passes %s %s and its answer through unchanged',
    async (method, path, body) => {
      const res = await call(proxy.url, path, { method, body });
      expect(res.headers.get('sl-violations')).toBeNull();
      expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
    },
  );

  it('lets the stand-in’s error answers through as valid: 401, 404, 429 and 500', async () => {
    expect((await call(proxy.url, '/v2/droplets', { token: 'wrong' })).status).toBe(401);
    expect((await call(proxy.url, '/v2/droplets/42')).status).toBe(404);
    api.injectFaults({ status: 429, count: 1 });
    api.injectFaults({ status: 500, count: 1 });
    const limited = await call(proxy.url, '/v2/droplets/1000');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await call(proxy.url, '/v2/droplets/1000')).json).toMatchObject({ id: 'server_error' });
  });

  it('builds pagination links that lead back through the proxy', async () => {
    const page = (await call(proxy.url, '/v2/droplets?per_page=2')).json as {
      links: { pages: { next: string } };
    };
    expect(page.links.pages.next.startsWith(`${proxy.url}/v2/droplets?`)).toBe(true);
    expect((await call(proxy.url, page.links.pages.next)).status).toBe(200);
  });

  it('rejects a request that breaks the description before the stand-in sees it', async () => {
    const before = api.requests().length;
    const res = await call(proxy.url, `/v2/load_balancers/${LB}/droplets`, {
      method: 'POST',
      body: { droplet_ids: '1001' },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.json)).toContain('droplet_ids must be array');
    const tooMany = await call(proxy.url, '/v2/droplets?per_page=201');
    expect(JSON.stringify(tooMany.json)).toContain('per_page must be <= 200');
    expect(api.requests().length).toBe(before);
  });

  it('reports a response that breaks the description', async () => {
    relay.rewrite = (body) => {
      const droplet = (body as { droplet: Record<string, unknown> }).droplet;
      return { droplet: { ...droplet, id: String(droplet.id), memory: undefined } };
    };
    try {
      const res = await call(proxy.url, '/v2/droplets/1000');
      expect(res.status).toBe(500);
      const violations = res.headers.get('sl-violations') ?? '';
      expect(violations).toContain('droplet.id must be integer');
      expect(violations).toContain("must have required property 'memory'");
    } finally {
      relay.rewrite = undefined;
    }
  });

  it('is the registry the stand-in changed: the tag deleted through the proxy is gone', async () => {
    expect(await backend.client.listTags('team/api')).toEqual(['v1']);
    expect((await backend.client.getManifest('team/api', 'v1'))?.digest).toBe(digest);
  });
});
