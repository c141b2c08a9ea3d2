import type { INestApplication } from '@nestjs/common';
import { enableGracefulShutdown } from '@opsctl/health-kit/nest';
import type { Config } from '../config/config-schema.js';
import { migrations } from '../database/migrations/index.js';
import { runMigrations } from '../database/run-migrations.js';
import { createApp } from './create-app.js';
import { createDependencies } from './create-dependencies.js';
import { installCrashHandlers } from './crash-handlers.js';

/** Start-up: migrations (unless disabled), the application, graceful shutdown, listen. */
export async function startServer(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
): Promise<INestApplication> {
  const deps = createDependencies(config, env);
  installCrashHandlers(deps.logger);
  let app: INestApplication;
  try {
    if (config.MIGRATE_ON_START) await runMigrations(deps.pool, migrations, deps.logger);
    app = await createApp(deps);
  } catch (error) {
    deps.logger.fatal({ err: error }, 'start-up failed');
    await deps.pool.end();
    deps.redis.disconnect();
    throw error;
  }
  enableGracefulShutdown(app, {
    monitor: deps.monitor,
    logger: deps.logger,
    drainDelayMs: config.SHUTDOWN_DRAIN_DELAY_MS,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
  await app.listen(config.PORT, config.HOST);
  deps.logger.info(
    { port: config.PORT, version: config.APP_VERSION, sha: config.APP_GIT_SHA },
    'api listening',
  );
  return app;
}
