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
    DATABASE_URL: await postgres.createDatabase('health_test'),
    REDIS_URL: redis.url,
  });
});
afterAll(async () => {
  await app.close();
  await Promise.all([postgres.dispose(), redis.dispose()]);
});

async function health(): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${app.url}/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('GET /health against real PostgreSQL and Redis', () => {
  it('answers 200 healthy with exactly status, uptime, timestamp and services', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['services', 'status', 'timestamp', 'uptime']);
    expect(body.status).toBe('healthy');
    expect(Number.isInteger(body.uptime)).toBe(true);
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(body.services).toEqual({ database: 'connected', redis: 'connected' });
  });

  it('answers 503 with database disconnected while PostgreSQL is down, and 200 once it is back', async () => {
    await postgres.stop();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      status: 'unhealthy',
      services: { database: 'disconnected', redis: 'connected' },
    });

    await postgres.start();
    await waitUntil(async () => (await health()).status === 200, '/health is 200 again');
    expect((await health()).body.services).toEqual({ database: 'connected', redis: 'connected' });
    expect(app.logs.records().some((line) => line.msg === 'database disconnected')).toBe(true);
    expect(app.logs.text()).not.toContain(postgres.password);
  });

  it('answers 503 within the check timeout when PostgreSQL hangs instead of refusing', async () => {
    postgres.freeze();
    try {
      const hung = await health();
      expect(hung.status).toBe(503);
      expect(hung.body.services).toMatchObject({ database: 'disconnected' });
    } finally {
      postgres.thaw();
    }
    await waitUntil(
      async () => (await health()).status === 200,
      '/health recovers after the freeze',
    );
  });

  it('answers 503 with redis disconnected while Redis is down, and 200 once it is back', async () => {
    await redis.stop();
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.services).toEqual({ database: 'connected', redis: 'disconnected' });
    await health();
    await health();

    await redis.start();
    await waitUntil(async () => (await health()).status === 200, 'Redis is reconnected');
    // Three polls during the outage, one warning: state changes are logged, not every poll.
    const warnings = app.logs.records().filter((line) => line.msg === 'redis disconnected');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.level).toBe('warn');
    expect(app.logs.text()).not.toContain(redis.password);
  });

  it('answers /health/live with 200 even while a dependency is down', async () => {
    await postgres.stop();
    try {
      const live = await fetch(`${app.url}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'alive' });
    } finally {
      await postgres.start();
    }
  });
});
