import type { Logger } from '@opsctl/health-kit';
import { Redis } from 'ioredis';

/**
 * The Redis client. Commands fail at once while disconnected (no offline queue) so that the
 * cache is bypassed rather than stalling requests; the client keeps reconnecting meanwhile.
 *
 * A `rediss://` URL is TLS (DigitalOcean's managed Valkey/Redis accepts nothing else); with `ca`
 * (REDIS_CA_CERT, the cluster's CA) the server certificate must come from that CA.
 */
export function createRedis(redisUrl: string, logger: Logger, ca?: string): Redis {
  const tls = new URL(redisUrl).protocol === 'rediss:';
  const redis = new Redis(redisUrl, {
    connectTimeout: 2000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    ...(tls && ca !== undefined ? { tls: { ca, rejectUnauthorized: true } } : {}),
  });
  // Emitted on every failed reconnect: the health monitor reports the outage once, at warn.
  redis.on('error', (error: Error) => {
    logger.debug({ err: error }, 'redis: connection error');
  });
  return redis;
}
