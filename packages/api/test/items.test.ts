import { waitUntil } from '@opsctl/health-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PostgresServer } from './support/postgres-server.js';
import { startRedis, type RedisServer } from './support/redis-server.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let postgres: PostgresServer;
let redis: RedisServer;
let app: TestApp;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  app = await startTestApp({
    DATABASE_URL: await postgres.createDatabase('items_test'),
    REDIS_URL: redis.url,
    APP_GIT_SHA: '0123456789abcdef0123456789abcdef01234567',
    APP_VERSION: '1.4.2',
    APP_BUILT_AT: '2025-01-29T12:00:00Z',
  });
});
afterAll(async () => {
  await app.close();
  await Promise.all([postgres.dispose(), redis.dispose()]);
});

interface Item {
  id: string;
  name: string;
  createdAt: string;
}

async function create(name: unknown): Promise<Response> {
  return fetch(`${app.url}/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
}

describe('/items', () => {
  it('creates an item (201) that reads back from the cache, then from PostgreSQL once evicted', async () => {
    const created = await create('  first item ');
    expect(created.status).toBe(201);
    const item = (await created.json()) as Item;
    expect(item).toMatchObject({ name: 'first item' });
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);

    const cached = await fetch(`${app.url}/items/${item.id}`);
    expect(cached.headers.get('x-cache')).toBe('hit');
    expect(await cached.json()).toEqual(item);

    await app.deps.redis.del(`item:${item.id}`);
    const fromDb = await fetch(`${app.url}/items/${item.id}`);
    expect(fromDb.headers.get('x-cache')).toBe('miss');
    expect(await fromDb.json()).toEqual(item);
    const rows = await app.deps.pool.query('SELECT name FROM items WHERE id = $1', [item.id]);
    expect(rows.rows).toEqual([{ name: 'first item' }]);
  });

  it('lists items newest first, honouring limit', async () => {
    for (const name of ['a', 'b', 'c']) expect((await create(name)).status).toBe(201);
    const res = await fetch(`${app.url}/items?limit=2`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Item[] };
    expect(items.map((i) => i.name)).toEqual(['c', 'b']);
  });

  it('rejects bad input with 400 and a message naming the field', async () => {
    const empty = await create('   ');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await empty.json())).toContain('name must not be empty');

    const extra = await fetch(`${app.url}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', admin: true }),
    });
    expect(extra.status).toBe(400);

    const badId = await fetch(`${app.url}/items/not-a-uuid`);
    expect(badId.status).toBe(400);
    expect(JSON.stringify(await badId.json())).toContain('id must be a UUID');

    expect((await fetch(`${app.url}/items?limit=0`)).status).toBe(400);
  });

  it('answers 404 for an unknown id', async () => {
    const res = await fetch(`${app.url}/items/00000000-0000-4000-8000-000000000000`);
    expect(res.status).toBe(404);
  });

  it('keeps serving reads and writes from PostgreSQL while Redis is down', async () => {
    await redis.stop();
    try {
      const created = await create('written without redis');
      expect(created.status).toBe(201);
      const item = (await created.json()) as Item;
      const read = await fetch(`${app.url}/items/${item.id}`, {
        headers: { 'x-request-id': 'outage-read-1' },
      });
      expect(read.status).toBe(200);
      expect(read.headers.get('x-cache')).toBe('bypass');
      expect(await read.json()).toEqual(item);
      // The cache's own log line, written deep inside the request, carries the request id.
      const bypass = app.logs
        .records()
        .find((line) => line.msg === 'item cache bypassed' && line.requestId === 'outage-read-1');
      expect(bypass?.level).toBe('debug');
    } finally {
      await redis.start();
    }
  });
});

describe('GET /version', () => {
  it('returns the build identity the image was built with', async () => {
    const res = await fetch(`${app.url}/version`);
    expect(await res.json()).toEqual({
      sha: '0123456789abcdef0123456789abcdef01234567',
      version: '1.4.2',
      builtAt: '2025-01-29T12:00:00Z',
    });
  });
});

describe('request ids', () => {
  it('echoes X-Request-Id and stamps it on every log line of the request', async () => {
    const res = await create('traced');
    const generated = res.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);

    const traced = await fetch(`${app.url}/items?limit=1`, {
      headers: { 'x-request-id': 'deploy-check-42' },
    });
    expect(traced.headers.get('x-request-id')).toBe('deploy-check-42');
    await waitUntil(
      () =>
        app.logs
          .records()
          .some((line) => line.requestId === 'deploy-check-42' && line.msg === 'request completed'),
      'the request is logged',
    );
  });

  it('masks credentials in the request headers it logs', async () => {
    await fetch(`${app.url}/items?limit=1`, {
      headers: {
        'x-request-id': 'with-credentials',
        authorization: 'Bearer sentinel-bearer-8Jq',
        cookie: 'sid=sentinel-cookie-3Lm',
      },
    });
    await waitUntil(
      () => app.logs.records().some((line) => line.requestId === 'with-credentials'),
      'the request is logged',
    );
    const line = app.logs
      .records()
      .find((l) => l.requestId === 'with-credentials' && l.msg === 'request completed');
    expect(line?.headers).toMatchObject({ authorization: '[REDACTED]', cookie: '[REDACTED]' });
    expect(app.logs.text()).not.toMatch(/sentinel-(bearer|cookie)/);
  });
});
