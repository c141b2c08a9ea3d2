import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createLogCapture, type LogCapture } from '@opsctl/health-kit/testing';
import type { AppDependencies } from '../../src/app/app-dependencies.js';
import { createApp } from '../../src/app/create-app.js';
import { createDependencies } from '../../src/app/create-dependencies.js';
import { loadConfig } from '../../src/config/load-config.js';
import { migrations } from '../../src/database/migrations/index.js';
import { runMigrations } from '../../src/database/run-migrations.js';

export interface TestApp {
  readonly url: string;
  readonly logs: LogCapture;
  readonly deps: AppDependencies;
  close(): Promise<void>;
}

/**
 * The real application on 127.0.0.1 against the given PostgreSQL and Redis, with migrations
 * applied and its log captured. Signal handling is left out: tests must not trap the runner's
 * signals; shutdown is tested on real processes and the image.
 */
export async function startTestApp(env: Record<string, string>): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'debug', HEALTH_CHECK_TIMEOUT_MS: '500', ...env });
  const logs = createLogCapture();
  const deps = createDependencies(config, env, logs.stream);
  await runMigrations(deps.pool, migrations, deps.logger);
  const app: INestApplication = await createApp(deps);
  await app.listen(0, '127.0.0.1');
  return {
    url: (await app.getUrl()).replace('[::1]', '127.0.0.1'),
    logs,
    deps,
    close: () => app.close(),
  };
}
