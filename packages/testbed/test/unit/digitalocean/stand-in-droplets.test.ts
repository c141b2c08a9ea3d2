import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startDigitalOceanStandIn,
  type DigitalOceanStandIn,
} from '../../../src/digitalocean/stand-in.js';
import { call, seedDroplets, TOKEN } from './fixtures.js';

const LB = '4de7ac8b-495b-4884-9a69-1050c6793cd6';

interface ListBody {
  droplets: {
    id: number;
    tags: string[];
    networks: { v4: { ip_address: string; type: string }[] };
  }[];
  links: { pages?: Record<string, string> };
  meta: { total: number };
}

describe('DigitalOcean stand-in: auth, droplets, pagination, load balancers, faults', () => {
  let api: DigitalOceanStandIn;
  const applied: { dropletIds: readonly number[] }[] = [];
  let failHook = false;

  beforeAll(async () => {
    api = await startDigitalOceanStandIn({
      token: TOKEN,
      droplets: () => seedDroplets(450),
      loadBalancers: [{ id: LB, name: 'opsctl-lb', ip: '127.0.0.1', dropletIds: [1000] }],
      onLoadBalancerChange: (change) => {
        if (failHook) return Promise.reject(new Error('haproxy reload failed'));
        applied.push(change);
        return Promise.resolve();
      },
      alertPolicies: [
        {
          uuid: 'a1',
          type: 'v1/insights/droplet/cpu',
          description: 'CPU high',
          compare: 'GreaterThan',
          value: 80,
          window: '5m',
          entities: [],
          tags: ['web'],
          alerts: { email: ['ops@example.com'], slack: [] },
          enabled: true,
        },
      ],
    });
  });

  afterAll(async () => {
    await api.close();
  });

  it('refuses a wrong or missing token with the API’s 401 body', async () => {
    for (const token of ['wrong', '']) {
      const res = await call(api.url, '/v2/droplets', { token });
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ id: 'unauthorized', message: 'Unable to authenticate you' });
    }
  });

  it('pages 450 droplets 200 at a time with absolute first/prev/next/last links and the total', async () => {
    const first = await call(api.url, '/v2/droplets?per_page=200');
    const body = first.json as ListBody;
    expect(body.droplets).toHaveLength(200);
    expect(body.meta.total).toBe(450);
    expect(body.links.pages).toEqual({
      next: `${api.url}/v2/droplets?page=2&per_page=200`,
      last: `${api.url}/v2/droplets?page=3&per_page=200`,
    });
    const last = (await call(api.url, body.links.pages?.last ?? '')).json as ListBody;
    expect(last.droplets.map((d) => d.id)).toEqual(Array.from({ length: 50 }, (_, i) => 1400 + i));
    expect(Object.keys(last.links.pages ?? {}).sort()).toEqual(['first', 'prev']);
  });

  it('serves at most 200 per page when asked for more, as the real API does', async () => {
    const body = (await call(api.url, '/v2/droplets?per_page=500')).json as ListBody;
    expect(body.droplets).toHaveLength(200);
  });

  it('filters by tag_name and keeps the filter in its links', async () => {
    const body = (await call(api.url, '/v2/droplets?tag_name=web&per_page=100')).json as ListBody;
    expect(body.meta.total).toBe(150);
    expect(body.droplets.every((d) => d.tags.includes('web'))).toBe(true);
    expect(body.links.pages?.next).toBe(`${api.url}/v2/droplets?tag_name=web&page=2&per_page=100`);
  });

  it('gets one droplet with its addresses and answers 404 for an unknown id', async () => {
    const found = await call(api.url, '/v2/droplets/1003');
    expect(found.json).toMatchObject({
      droplet: {
        id: 1003,
        name: 'droplet-3',
        networks: {
          v4: [
            { ip_address: '127.0.0.4', type: 'public' },
            { ip_address: '10.10.0.4', type: 'private' },
          ],
        },
      },
    });
    const missing = await call(api.url, '/v2/droplets/99');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ id: 'not_found' });
  });

  it('counts requests down in the rate-limit headers', async () => {
    const a = await call(api.url, '/v2/droplets/1000');
    const b = await call(api.url, '/v2/droplets/1000');
    expect(a.headers.get('ratelimit-limit')).toBe('5000');
    expect(Number(b.headers.get('ratelimit-remaining'))).toBe(
      Number(a.headers.get('ratelimit-remaining')) - 1,
    );
    expect(Number(a.headers.get('ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  it('answers injected 429s with retry-after and 5xx errors for exactly the next N requests', async () => {
    api.injectFaults({ status: 429, count: 2, retryAfterSeconds: 7 });
    api.injectFaults({ status: 503, count: 1 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await call(api.url, '/v2/droplets/1000'));
    expect(statuses.map((s) => s.status)).toEqual([429, 429, 503, 200]);
    expect(statuses[0]?.headers.get('retry-after')).toBe('7');
    expect(statuses[0]?.headers.get('ratelimit-remaining')).toBe('0');
    expect(statuses[0]?.json).toMatchObject({ id: 'too_many_requests' });
    expect(statuses[2]?.json).toMatchObject({ id: 'server_error' });
  });

  it('answers 429 with retry-after once the hourly quota is spent', async () => {
    const small = await startDigitalOceanStandIn({ token: TOKEN, rateLimitPerHour: 2 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await call(small.url, '/v2/monitoring/alerts'));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
      expect(answers[1]?.headers.get('ratelimit-remaining')).toBe('0');
      expect(Number(answers[2]?.headers.get('retry-after'))).toBeGreaterThan(3500);
      expect(answers[2]?.json).toMatchObject({ id: 'too_many_requests' });
    } finally {
      await small.close();
    }
  });

  it('adds and removes load balancer droplets through the hook', async () => {
    expect(
      (
        await call(api.url, `/v2/load_balancers/${LB}/droplets`, {
          method: 'POST',
          body: { droplet_ids: [1001, 1002] },
        })
      ).status,
    ).toBe(204);
    expect(api.loadBalancerDroplets(LB)).toEqual([1000, 1001, 1002]);
    expect(
      (
        await call(api.url, `/v2/load_balancers/${LB}/droplets`, {
          method: 'DELETE',
          body: { droplet_ids: [1000] },
        })
      ).status,
    ).toBe(204);
    const got = await call(api.url, `/v2/load_balancers/${LB}`);
    expect(got.json).toMatchObject({ load_balancer: { id: LB, droplet_ids: [1001, 1002] } });
    expect(applied.map((c) => c.dropletIds)).toEqual([
      [1000, 1001, 1002],
      [1001, 1002],
    ]);
  });

  it('keeps the backend set unchanged when the hook fails, and says so with a 500', async () => {
    failHook = true;
    try {
      const res = await call(api.url, `/v2/load_balancers/${LB}/droplets`, {
        method: 'POST',
        body: { droplet_ids: [1005] },
      });
      expect(res.status).toBe(500);
      expect(api.loadBalancerDroplets(LB)).toEqual([1001, 1002]);
    } finally {
      failHook = false;
    }
  });

  it('rejects droplet_ids that are not integers or not droplets with 422, and unknown balancers with 404', async () => {
    const notArray = await call(api.url, `/v2/load_balancers/${LB}/droplets`, {
      method: 'POST',
      body: { droplet_ids: '1001' },
    });
    expect(notArray.status).toBe(422);
    expect(notArray.json).toMatchObject({ id: 'unprocessable_entity' });
    const unknown = await call(api.url, `/v2/load_balancers/${LB}/droplets`, {
      method: 'POST',
      body: { droplet_ids: [5] },
    });
    expect(unknown.json).toMatchObject({
      id: 'unprocessable_entity',
      message: 'droplet(s) 5 do not exist',
    });
    expect(
      (await call(api.url, '/v2/load_balancers/00000000-0000-0000-0000-000000000000')).status,
    ).toBe(404);
  });

  it('lists alert policies and has no registry when none was given', async () => {
    expect((await call(api.url, '/v2/monitoring/alerts')).json).toMatchObject({
      policies: [{ uuid: 'a1' }],
      meta: { total: 1 },
    });
    expect((await call(api.url, '/v2/registries/opsctl')).status).toBe(404);
  });
});
