import type { HealthMonitor, Logger, RequestContext } from '@opsctl/health-kit';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { Config } from '../config/config-schema.js';

/** Everything the Nest application is built from, created once at start-up and passed down. */
export interface AppDependencies {
  config: Config;
  logger: Logger;
  context: RequestContext;
  monitor: HealthMonitor;
  pool: Pool;
  redis: Redis;
}
