import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigitalOceanClient, DigitalOceanApiError } from '../../../src/digitalocean/index.js';
import { Secret } from '../../../src/secrets/secret.js';
import { startHarness, TOKEN, type Harness } from './harness.js';
import { startLocalApi } from './local-api.js';

const droplets = [{ id: 7, name: 'web-1', tags: ['web'], publicIpv4: '127.0.0.7' }];

async function failure(p: Promise<unknown>): Promise<DigitalOceanApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof DigitalOceanApiError))
    throw new Error(`expected a DigitalOceanApiError, got ${String(err)}`);
  return err;
}

describe('DigitalOcean client: errors, retries and the token', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ droplets: () => droplets });
  }, 480_000);

  afterAll(async () => {
    await h.close();
  });

  it('explains a wrong token and never shows it', async () => {
    const wrong = 'dop_v1_wrong_token_value_1234567890';
    const err = await failure(h.client({ token: wrong }).listDroplets());
    expect(err).toMatchObject({ status: 401, id: 'unauthorized' });
    expect(err.message).toBe(
      'GET /v2/droplets?per_page=200 failed with 401 unauthorized: Unable to authenticate you',
    );
    expect(err.hint).toContain('Check DIGITALOCEAN_TOKEN');
    expect([err.message, err.hint, err.stack ?? '', JSON.stringify(err)].join('\n')).not.toContain(
      wrong,
    );
  });

  it('waits as long as retry-after says after a 429, then succeeds', async () => {
    h.sleeps.length = 0;
    h.api.injectFaults({ status: 429, count: 2, retryAfterSeconds: 3 });
    expect((await h.client().listDroplets()).map((d) => d.id)).toEqual([7]);
    expect(h.sleeps).toEqual([3000, 3000]);
    expect(h.logs.at(-1)).toContain('answered 429; retrying in 3.0 s (attempt 3 of 5)');
  });

  it('retries 5xx answers with growing waits, then succeeds', async () => {
    h.sleeps.length = 0;
    h.api.injectFaults({ status: 503, count: 2 });
    expect((await h.client().getDroplet(7)).name).toBe('web-1');
    expect(h.sleeps).toEqual([500, 1000]);
  });

  it('gives up after the last attempt and says how many it made', async () => {
    h.sleeps.length = 0;
    const before = h.api.requests().length;
    h.api.injectFaults({ status: 500, count: 3 });
    const err = await failure(h.client({ retry: { maxAttempts: 3 } }).getDroplet(7));
    expect(err).toMatchObject({ status: 500, id: 'server_error' });
    expect(err.message).toContain('(after 3 attempts)');
    expect(err.hint).toContain('server-side error');
    expect(h.api.requests().length - before).toBe(3);
    expect(h.sleeps).toEqual([500, 1000]);
  });

  it('fails at once when the rate limit will not reset soon, instead of waiting for it', async () => {
    h.sleeps.length = 0;
    h.api.injectFaults({ status: 429, count: 1, retryAfterSeconds: 1800 });
    const err = await failure(h.client().getDroplet(7));
    expect(err).toMatchObject({ status: 429, id: 'too_many_requests' });
    expect(err.hint).toContain('rate limit');
    expect(h.sleeps).toEqual([]);
  });

  it('accepts the token as a Secret', async () => {
    expect((await h.client({ token: new Secret(TOKEN) }).getDroplet(7)).id).toBe(7);
  });

  it('scrubs the token from a message an API echoes it in', async () => {
    const echo = await startLocalApi((req) => ({
      status: 403,
      body: { id: 'forbidden', message: `token ${req.headers.authorization ?? ''} lacks scope` },
    }));
    try {
      const err = await failure(
        createDigitalOceanClient({ token: TOKEN, baseUrl: echo.url }).getDroplet(7),
      );
      expect(err.message).toContain('token Bearer [redacted] lacks scope');
      expect(err.message).not.toContain(TOKEN);
      expect(err.hint).toContain('scope');
    } finally {
      await echo.close();
    }
  });

  it('refuses to follow a next link to another host, so the token stays home', async () => {
    const api = await startLocalApi(() => ({
      status: 200,
      body: { droplets: [], links: { pages: { next: 'http://127.0.0.2:9/v2/droplets?page=2' } } },
    }));
    try {
      const err = await failure(
        createDigitalOceanClient({ token: TOKEN, baseUrl: api.url }).listDroplets(),
      );
      expect(err.id).toBe('foreign_link');
      expect(api.seen).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it('reports an answer of the wrong shape with the field that is wrong', async () => {
    const api = await startLocalApi(() => ({
      status: 200,
      body: { droplet: { id: 'seven', name: 'x' } },
    }));
    try {
      const err = await failure(
        createDigitalOceanClient({ token: TOKEN, baseUrl: api.url }).getDroplet(7),
      );
      expect(err).toMatchObject({ status: 200, id: 'invalid_response' });
      expect(err.message).toContain('droplet.id');
    } finally {
      await api.close();
    }
  });

  it('says where it could not connect, after retrying', async () => {
    const api = await startLocalApi(() => ({ status: 200, body: {} }));
    await api.close();
    const sleeps: number[] = [];
    const client = createDigitalOceanClient({
      token: TOKEN,
      baseUrl: api.url,
      retry: { maxAttempts: 2 },
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    });
    const err = await failure(client.getDroplet(7));
    expect(err).toMatchObject({ status: 0, id: 'network_error' });
    expect(err.message).toContain(`could not reach ${api.url} (ECONNREFUSED)`);
    expect(err.hint).toContain('DIGITALOCEAN_API_URL');
    expect(sleeps).toEqual([500]);
  });

  it('rejects a missing token and a plain-http API URL before any request', () => {
    expect(() => createDigitalOceanClient({ token: ' ' })).toThrow(/no DigitalOcean API token/);
    expect(() =>
      createDigitalOceanClient({ token: TOKEN, baseUrl: 'http://api.example.com' }),
    ).toThrow(/must use https/);
    expect(() => createDigitalOceanClient({ token: TOKEN, baseUrl: 'not a url' })).toThrow(
      /is not a URL/,
    );
  });
});
