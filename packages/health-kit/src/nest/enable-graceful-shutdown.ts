import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { installGracefulShutdown, type GracefulShutdown } from '../shutdown/graceful-shutdown.js';
import type { GracefulShutdownOptions } from '../shutdown/shutdown-options.js';

/**
 * Graceful shutdown for a Nest application on Node's HTTP server. Call it instead of Nest's
 * `enableShutdownHooks()`, before `listen()`: after the last request, `app.close()` runs the
 * modules' destroy hooks, which is where the database pool and Redis client close.
 */
export function enableGracefulShutdown(
  app: INestApplication,
  options: Omit<GracefulShutdownOptions, 'server' | 'onClose'> = {},
): GracefulShutdown {
  return installGracefulShutdown({
    ...options,
    server: app.getHttpServer() as Server,
    onClose: () => app.close(),
  });
}
