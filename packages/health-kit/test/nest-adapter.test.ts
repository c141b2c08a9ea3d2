import 'reflect-metadata';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { afterEach, describe, expect, it } from 'vitest';
import { HealthMonitor } from '../src/health/health-monitor.js';
import { createLogger } from '../src/logging/create-logger.js';
import { HealthKitModule } from '../src/nest/health-kit.module.js';
import { NestPinoLogger } from '../src/nest/nest-logger.js';
import { createLogCapture } from '../src/testing/log-capture.js';

@Controller('boom')
class BoomController {
  @Get()
  boom(): never {
    throw new Error('exploded with sentinel-nest-secret-1');
  }
}

let app: INestApplication | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function startApp(monitor: HealthMonitor) {
  const out = createLogCapture();
  const logger = createLogger({
    destination: out.stream,
    env: { APP_SECRET: 'sentinel-nest-secret-1' },
  });
  @Module({ imports: [HealthKitModule.forRoot(monitor)], controllers: [BoomController] })
  class AppModule {}
  // Nest declares its option bags as classes; a literal is what its own documentation passes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  app = await NestFactory.create(AppModule, { logger: new NestPinoLogger(logger) });
  await app.listen(0, '127.0.0.1');
  return { out, url: await app.getUrl() };
}

describe('NestJS adapter', () => {
  it('serves /health with 200 or 503 and the contract body, and /health/live', async () => {
    let redisUp = true;
    const monitor = new HealthMonitor({
      checks: [
        { name: 'database', check: () => Promise.resolve() },
        {
          name: 'redis',
          check: () => (redisUp ? Promise.resolve() : Promise.reject(new Error('down'))),
        },
      ],
    });
    const { url } = await startApp(monitor);

    const healthy = await fetch(`${url}/health`);
    expect(healthy.status).toBe(200);
    const body = (await healthy.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['services', 'status', 'timestamp', 'uptime']);
    expect(body).toMatchObject({
      status: 'healthy',
      services: { database: 'connected', redis: 'connected' },
    });

    redisUp = false;
    const unhealthy = await fetch(`${url}/health`);
    expect(unhealthy.status).toBe(503);
    expect(await unhealthy.json()).toMatchObject({
      status: 'unhealthy',
      services: { redis: 'disconnected' },
    });

    monitor.markDraining();
    expect((await fetch(`${url}/health`)).status).toBe(503);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });

  it("routes Nest's own logs through pino, with redaction", async () => {
    const { out, url } = await startApp(new HealthMonitor());
    expect((await fetch(`${url}/boom`)).status).toBe(500);
    const text = out.text();
    expect(text).not.toContain('sentinel-nest-secret-1');
    const records = out.records();
    expect(records.some((r) => r.context === 'RoutesResolver')).toBe(true);
    const failure = records.find((r) => r.level === 'error');
    expect(String(failure?.msg)).toContain('exploded with [REDACTED]');
  });
});
