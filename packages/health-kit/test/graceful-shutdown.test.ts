import { Agent, get } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startBalancedLoad } from '../src/testing/load-balancer-load.js';
import { drainServer, startChildService, type ChildService } from './support/child-service.js';

const running: ChildService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.stop()));
});

async function start(env: Record<string, string>): Promise<ChildService> {
  const service = await startChildService(drainServer, env);
  running.push(service);
  return service;
}

function fetchWith(
  agent: Agent,
  url: string,
): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body });
      });
    }).on('error', reject);
  });
}

describe('graceful shutdown of a real process', () => {
  it('drops no request when SIGTERM arrives under keep-alive load with slow requests in flight', async () => {
    const service = await start({ DRAIN_DELAY_MS: '1000', SHUTDOWN_TIMEOUT_MS: '10000' });
    const load = startBalancedLoad({
      baseUrl: service.baseUrl,
      concurrency: 8,
      // Half the workers send requests that outlast the drain delay, so some are still running
      // when the listener closes.
      next: (n, worker) => ({ path: worker % 2 === 0 ? '/work?ms=1500' : `/work?ms=${n % 20}` }),
    });
    await load.reached(200);
    // One request certain to outlast the drain delay: it is running when the listener closes.
    const agent = new Agent({ keepAlive: true });
    const longRequest = fetchWith(agent, `${service.baseUrl}/work?ms=3000`);
    await service.waitForLog((line) => line.url === '/work?ms=3000');
    service.signal('SIGTERM');
    const result = await load.finished;

    expect(await service.exited).toBe(0);
    expect(result.failed).toEqual([]);
    expect((await longRequest).status).toBe(200);
    agent.destroy();
    expect(result.sawDraining).toBe(true);
    const closing = service.logs.find(
      (line) => line.msg === 'shutdown: no longer accepting connections',
    );
    expect(closing?.inFlight).toBeGreaterThan(0);
    expect(service.logs.some((line) => line.msg === 'resources released')).toBe(true);
  });

  it('closes idle keep-alive connections instead of waiting for them to time out', async () => {
    const service = await start({
      DRAIN_DELAY_MS: '200',
      KEEP_ALIVE_TIMEOUT_MS: '600000',
      SHUTDOWN_TIMEOUT_MS: '30000',
    });
    const agent = new Agent({ keepAlive: true });
    await fetchWith(agent, `${service.baseUrl}/work`);
    service.signal('SIGTERM');

    // Exit code 1 would mean the idle socket was only cut when the timeout expired.
    expect(await service.exited).toBe(0);
    expect(service.logs.some((line) => String(line.msg).includes('cut'))).toBe(false);
    agent.destroy();
  });

  it('answers 503 draining at once while still serving requests, each with Connection: close', async () => {
    const service = await start({ DRAIN_DELAY_MS: '600000' });
    const agent = new Agent({ keepAlive: true });
    service.signal('SIGTERM');
    await service.waitForLog((line) => line.msg === 'shutdown: draining');

    const health = await fetchWith(agent, `${service.baseUrl}/health`);
    expect(health.status).toBe(503);
    expect(JSON.parse(health.body)).toMatchObject({
      status: 'draining',
      services: { database: 'connected' },
    });
    const work = await fetchWith(agent, `${service.baseUrl}/work`);
    expect(work.status).toBe(200);
    expect(work.connection).toBe('close');
    agent.destroy();
  });

  it('exits at once with code 1 on a second signal', async () => {
    const service = await start({ DRAIN_DELAY_MS: '600000' });
    service.signal('SIGTERM');
    await service.waitForLog((line) => line.msg === 'shutdown: draining');
    service.signal('SIGINT');

    expect(await service.exited).toBe(1);
    expect(service.logs.some((line) => line.msg === 'shutdown: second signal, exiting now')).toBe(
      true,
    );
  });

  it('cuts requests still running at the timeout and exits 1', async () => {
    const service = await start({ DRAIN_DELAY_MS: '100', SHUTDOWN_TIMEOUT_MS: '300' });
    const agent = new Agent({ keepAlive: true });
    const hanging = fetchWith(agent, `${service.baseUrl}/work?ms=600000`).catch(
      (error: unknown) => error,
    );
    await service.waitForLog((line) => line.msg === 'request received');
    service.signal('SIGTERM');

    expect(await service.exited).toBe(1);
    expect(await hanging).toBeInstanceOf(Error);
    const warning = await service.waitForLog((line) => line.level === 'warn');
    expect(warning).toMatchObject({ inFlight: 1, timeoutMs: 300 });
    expect(service.logs.some((line) => line.msg === 'resources released')).toBe(true);
    agent.destroy();
  });
});
