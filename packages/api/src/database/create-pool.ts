import type { Logger } from '@opsctl/health-kit';
import pg from 'pg';

/** Query parameters that would make node-postgres build its own TLS settings from the URL. */
const URL_TLS_PARAMS = ['ssl', 'sslmode', 'sslrootcert', 'sslcert', 'sslkey', 'uselibpqcompat'];

/**
 * The PostgreSQL pool. Connection attempts and queries have deadlines so that a database that
 * stops answering fails requests instead of holding them until the shutdown timeout.
 *
 * With `ca` (DATABASE_CA_CERT: the cluster's CA, from Terraform's digitalocean_database_ca) the
 * connection is TLS and the server certificate must come from that CA and name the host. The URL's
 * own `sslmode` is dropped then: node-postgres lets the URL's TLS settings replace the pool's, and
 * DigitalOcean's `sslmode=require` would verify against the public CAs only, which a managed
 * database's private CA is not one of.
 */
export function createPool(databaseUrl: string, logger: Logger, ca?: string): pg.Pool {
  const pool = new pg.Pool({
    ...(ca === undefined
      ? { connectionString: databaseUrl }
      : { connectionString: withoutUrlTls(databaseUrl), ssl: { ca, rejectUnauthorized: true } }),
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

function withoutUrlTls(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  for (const name of URL_TLS_PARAMS) url.searchParams.delete(name);
  return url.toString();
}
