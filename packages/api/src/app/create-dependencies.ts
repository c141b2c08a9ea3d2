import {
  createLogger,
  HealthMonitor,
  RequestContext,
  type LoggerOptions,
} from '@opsctl/health-kit';
import type { Config } from '../config/config-schema.js';
import { createPool } from '../database/create-pool.js';
import { createRedis } from '../redis/create-redis.js';
import type { AppDependencies } from './app-dependencies.js';

/**
 * Builds the logger, clients and health monitor from validated configuration. Nothing here
 * waits for the database or Redis: an outage shows in `/health`, it does not block start-up.
 */
export function createDependencies(
  config: Config,
  env: Readonly<Record<string, string | undefined>>,
  logDestination?: LoggerOptions['destination'],
): AppDependencies {
  const context = new RequestContext();
  const logger = createLogger({
    level: config.LOG_LEVEL,
    name: 'api',
    env,
    secretEnvNames: config.SECRET_ENV_NAMES,
    context,
    ...(logDestination ? { destination: logDestination } : {}),
  });
  const pool = createPool(config.DATABASE_URL, logger, config.DATABASE_CA_CERT);
  const redis = createRedis(config.REDIS_URL, logger, config.REDIS_CA_CERT);
  const monitor = new HealthMonitor({
    timeoutMs: config.HEALTH_CHECK_TIMEOUT_MS,
    onStateChange: (name, state, error) => {
      if (state === 'connected') logger.info({ dependency: name }, `${name} connected`);
      else logger.warn({ dependency: name, err: error }, `${name} disconnected`);
    },
  });
  monitor.register({ name: 'database', check: () => pool.query('SELECT 1') });
  monitor.register({ name: 'redis', check: () => redis.ping() });
  return { config, logger, context, monitor, pool, redis };
}
