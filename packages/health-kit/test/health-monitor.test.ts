import { describe, expect, it } from 'vitest';
import { HealthMonitor } from '../src/health/health-monitor.js';
import type { HealthCheck } from '../src/health/health-types.js';

const up = (name: string): HealthCheck => ({ name, check: () => Promise.resolve() });
const down = (name: string): HealthCheck => ({
  name,
  check: () => Promise.reject(new Error('ECONNREFUSED')),
});
const hung = (name: string): HealthCheck => ({ name, check: () => new Promise(() => undefined) });

describe('HealthMonitor readiness', () => {
  it('answers 200 healthy with every dependency connected, in the contract shape', async () => {
    const start = Date.parse('2025-01-29T11:00:00.250Z');
    let now = start;
    const monitor = new HealthMonitor({ checks: [up('database'), up('redis')], now: () => now });
    now = start + 3_600_900;

    const answer = await monitor.readiness();

    expect(answer.statusCode).toBe(200);
    expect(answer.body).toEqual({
      status: 'healthy',
      uptime: 3600,
      timestamp: '2025-01-29T12:00:01Z',
      services: { database: 'connected', redis: 'connected' },
    });
  });

  it('answers 503 unhealthy naming the dependency that is down', async () => {
    const monitor = new HealthMonitor({ checks: [down('database'), up('redis')] });
    const answer = await monitor.readiness();
    expect(answer.statusCode).toBe(503);
    expect(answer.body.status).toBe('unhealthy');
    expect(answer.body.services).toEqual({ database: 'disconnected', redis: 'connected' });
  });

  it('reports a hung dependency as disconnected once its timeout passes', async () => {
    const monitor = new HealthMonitor({ checks: [hung('database'), up('redis')], timeoutMs: 50 });
    const answer = await monitor.readiness();
    expect(answer.statusCode).toBe(503);
    expect(answer.body.services).toEqual({ database: 'disconnected', redis: 'connected' });
  });

  it('runs checks concurrently: each waits for the other to have started', async () => {
    let release: Record<string, () => void> = {};
    const started = {
      a: new Promise<void>((r) => (release = { ...release, a: r })),
      b: new Promise<void>((r) => (release = { ...release, b: r })),
    };
    const waitsFor = (self: 'a' | 'b', other: 'a' | 'b'): HealthCheck => ({
      name: self,
      check: async () => {
        release[self]?.();
        await started[other];
      },
    });
    // Run one after the other, the first would time out waiting for the second.
    const monitor = new HealthMonitor({
      checks: [waitsFor('a', 'b'), waitsFor('b', 'a')],
      timeoutMs: 5000,
    });
    const answer = await monitor.readiness();
    expect(answer.body.services).toEqual({ a: 'connected', b: 'connected' });
  });

  it('shares a probe still running between overlapping requests instead of starting another', async () => {
    let calls = 0;
    let finish = (): void => undefined;
    const monitor = new HealthMonitor({
      checks: [
        {
          name: 'database',
          check: () => {
            calls++;
            return new Promise<void>((r) => (finish = r));
          },
        },
      ],
    });
    const first = monitor.readiness();
    const second = monitor.readiness();
    finish();
    await Promise.all([first, second]);
    expect(calls).toBe(1);
    const third = monitor.readiness();
    finish();
    await third;
    expect(calls).toBe(2);
  });

  it('includes any dependency registered later', async () => {
    const monitor = new HealthMonitor({ checks: [up('database')] }).register(up('search'));
    expect((await monitor.readiness()).body.services).toEqual({
      database: 'connected',
      search: 'connected',
    });
  });

  it('refuses two checks with the same name', () => {
    const monitor = new HealthMonitor({ checks: [up('database')] });
    expect(() => monitor.register(up('database'))).toThrow(/already registered/);
  });

  it('answers 503 draining once shutdown began, even with every dependency up', async () => {
    const monitor = new HealthMonitor({ checks: [up('database')] });
    monitor.markDraining();
    const answer = await monitor.readiness();
    expect(answer.statusCode).toBe(503);
    expect(answer.body).toMatchObject({ status: 'draining', services: { database: 'connected' } });
  });

  it('reports each change of a dependency state once, with the reason', async () => {
    const changes: [string, string, unknown][] = [];
    let healthy = true;
    const monitor = new HealthMonitor({
      checks: [
        {
          name: 'redis',
          check: () => (healthy ? Promise.resolve() : Promise.reject(new Error('refused'))),
        },
      ],
      onStateChange: (name, state, error) =>
        changes.push([name, state, error instanceof Error ? error.message : error]),
    });
    await monitor.readiness();
    healthy = false;
    await monitor.readiness();
    await monitor.readiness();
    expect(changes).toEqual([
      ['redis', 'connected', undefined],
      ['redis', 'disconnected', 'refused'],
    ]);
  });
});

describe('HealthMonitor liveness', () => {
  it('stays 200 alive while draining, without consulting dependencies', () => {
    const monitor = new HealthMonitor({ checks: [down('database')] });
    monitor.markDraining();
    const answer = monitor.liveness();
    expect(answer.statusCode).toBe(200);
    expect(answer.body.status).toBe('alive');
    expect(answer.body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('rejects a timeout that is not a positive number', () => {
    expect(() => new HealthMonitor({ timeoutMs: 0 })).toThrow(/positive/);
  });
});
