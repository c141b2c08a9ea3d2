import type { Logger } from '@opsctl/health-kit';
import pg from 'pg';

/**
 * The PostgreSQL pool. Connection attempts and queries have deadlines so that a database that
 * stops answering fails requests instead of holding them until the shutdown timeout.
 */
export function createPool(databaseUrl: string, logger: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    connectionTimeoutMillis: 3000,
    query_timeout: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client whose server went away emits here; without a listener the process would die.
  pool.on('error', (error) => {
    logger.warn({ err: error }, 'database: idle connection lost');
  });
  return pool;
}
