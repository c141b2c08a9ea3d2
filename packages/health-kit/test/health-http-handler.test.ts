import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from './support/close-server.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createHealthHandler } from '../src/health/health-http-handler.js';
import { HealthMonitor } from '../src/health/health-monitor.js';

let server: Server | undefined;
afterEach(async () => {
  await closeServer(server);
  server = undefined;
});

async function serve(monitor: HealthMonitor): Promise<string> {
  const health = createHealthHandler(monitor);
  server = createServer((req, res) => {
    if (!health(req, res)) res.writeHead(404).end('not a health path');
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('plain node:http health handler', () => {
  it('serves readiness as JSON with 200 or 503 and liveness always 200', async () => {
    let databaseUp = true;
    const url = await serve(
      new HealthMonitor({
        checks: [
          {
            name: 'database',
            check: () => (databaseUp ? Promise.resolve() : Promise.reject(new Error('down'))),
          },
        ],
      }),
    );
    const healthy = await fetch(`${url}/health`);
    expect(healthy.status).toBe(200);
    expect(healthy.headers.get('content-type')).toContain('application/json');
    expect(await healthy.json()).toMatchObject({
      status: 'healthy',
      services: { database: 'connected' },
    });

    databaseUp = false;
    const unhealthy = await fetch(`${url}/health`);
    expect(unhealthy.status).toBe(503);
    expect(await unhealthy.json()).toMatchObject({
      status: 'unhealthy',
      services: { database: 'disconnected' },
    });

    const live = await fetch(`${url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'alive' });
  });

  it('leaves other paths and methods to the caller', async () => {
    const url = await serve(new HealthMonitor());
    expect((await fetch(`${url}/items`)).status).toBe(404);
    expect((await fetch(`${url}/health`, { method: 'POST' })).status).toBe(404);
  });
});
