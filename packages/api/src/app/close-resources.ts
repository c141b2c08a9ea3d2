import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@opsctl/health-kit';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { LOGGER, PG_POOL, REDIS } from './tokens.js';

/** Closes the database pool and Redis client when the application closes (after the last request). */
@Injectable()
export class CloseResources implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([
      this.pool.end(),
      this.redis.quit().catch(() => {
        // Not connected: nothing to say goodbye to, just stop reconnecting.
        this.redis.disconnect();
      }),
    ]);
    this.logger.info({}, 'database pool and redis client closed');
  }
}
