import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DropletSeed } from '@opsctl/testbed';
import { DigitalOceanApiError, dropletIpv4 } from '../../../src/digitalocean/index.js';
import { startHarness, type Harness } from './harness.js';

const LB = '1c8b8f4e-3a63-4d8c-9d5e-7a0d0c9b2f11';

const droplets: DropletSeed[] = Array.from({ length: 450 }, (_, i) => ({
  id: 5000 + i,
  name: `app-${i}`,
  tags: i < 7 ? ['opsctl-production', 'web'] : ['other'],
  publicIpv4: `127.1.${Math.floor(i / 200)}.${(i % 200) + 1}`,
  privateIpv4: `10.20.${Math.floor(i / 200)}.${(i % 200) + 1}`,
}));

describe('DigitalOcean client: droplets, load balancers and alert policies through the contract proxy', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      droplets: () => droplets,
      loadBalancers: [{ id: LB, name: 'production', ip: '127.0.0.1', dropletIds: [5000] }],
      alertPolicies: [
        {
          uuid: 'cpu',
          type: 'v1/insights/droplet/cpu',
          description: 'CPU above 80%',
          compare: 'GreaterThan',
          value: 80,
          window: '5m',
          entities: [],
          tags: ['opsctl-production'],
          alerts: { email: ['ops@example.com'], slack: [] },
          enabled: true,
        },
      ],
    });
  }, 480_000);

  afterAll(async () => {
    await h.close();
  });

  it('lists all 450 droplets by following next links across three pages of 200', async () => {
    const before = h.api.requests().length;
    const all = await h.client().listDroplets();
    expect(all.map((d) => d.id)).toEqual(droplets.map((d) => d.id));
    const pages = h.api
      .requests()
      .slice(before)
      .map((r) => r.url);
    expect(pages).toEqual([
      '/v2/droplets?per_page=200',
      '/v2/droplets?page=2&per_page=200',
      '/v2/droplets?page=3&per_page=200',
    ]);
  });

  it('lists only the droplets with a tag, with their addresses', async () => {
    const tagged = await h.client().listDroplets({ tag: 'opsctl-production' });
    expect(tagged.map((d) => d.name)).toEqual([
      'app-0',
      'app-1',
      'app-2',
      'app-3',
      'app-4',
      'app-5',
      'app-6',
    ]);
    const second = tagged[1];
    expect(second && dropletIpv4(second, 'public')).toBe('127.1.0.2');
    expect(second && dropletIpv4(second, 'private')).toBe('10.20.0.2');
  });

  it('gets one droplet, and says which call failed and what to check for an unknown one', async () => {
    expect((await h.client().getDroplet(5003)).name).toBe('app-3');
    const err = await h
      .client()
      .getDroplet(1)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DigitalOceanApiError);
    expect(err).toMatchObject({ status: 404, id: 'not_found' });
    expect((err as Error).message).toContain('GET /v2/droplets/1 failed with 404 not_found');
    expect((err as DigitalOceanApiError).hint).toContain('droplet id');
  });

  it('adds and removes droplets on the load balancer, which the API then reports', async () => {
    const client = h.client();
    await client.addDropletsToLoadBalancer(LB, [5001, 5002]);
    expect((await client.getLoadBalancer(LB)).droplet_ids).toEqual([5000, 5001, 5002]);
    await client.removeDropletsFromLoadBalancer(LB, [5000]);
    const lb = await client.getLoadBalancer(LB);
    expect(lb).toMatchObject({
      id: LB,
      name: 'production',
      ip: '127.0.0.1',
      droplet_ids: [5001, 5002],
    });
    expect(h.api.loadBalancerDroplets(LB)).toEqual([5001, 5002]);
  });

  it('refuses droplet ids that are not positive integers without calling the API', async () => {
    const before = h.api.requests().length;
    await expect(h.client().addDropletsToLoadBalancer(LB, [])).rejects.toMatchObject({
      id: 'invalid_argument',
    });
    await expect(h.client().removeDropletsFromLoadBalancer(LB, [1.5])).rejects.toMatchObject({
      id: 'invalid_argument',
    });
    expect(h.api.requests().length).toBe(before);
  });

  it('lists alert policies', async () => {
    expect(await h.client().listAlertPolicies()).toEqual([
      expect.objectContaining({
        uuid: 'cpu',
        type: 'v1/insights/droplet/cpu',
        value: 80,
        enabled: true,
      }),
    ]);
  });
});
