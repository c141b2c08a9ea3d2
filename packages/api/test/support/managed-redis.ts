import { mkdtemp, rm } from 'node:fs/promises';
import { waitUntil } from '@opsctl/health-kit/testing';
import { Redis } from 'ioredis';
import { startProcess } from './child-process.js';
import { freePort } from './free-port.js';
import type { PrivateCa } from './private-ca.js';

export interface ManagedRedis {
  readonly port: number;
  /** `rediss://` as DigitalOcean gives it. */
  readonly url: string;
  dispose(): Promise<void>;
}

/**
 * redis-server as DigitalOcean's managed Valkey/Redis: TLS only (`port 0`, `tls-port`) with a
 * certificate from a private CA and a password; no client certificates.
 */
export async function startManagedRedis(
  ca: PrivateCa,
  password = 'redis-test-password-56',
): Promise<ManagedRedis> {
  const dir = await mkdtemp('/tmp/opsctl-api-managed-redis-');
  const port = await freePort();
  const server = startProcess('redis-server', [
    '--port',
    '0',
    '--tls-port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--tls-cert-file',
    ca.certFile,
    '--tls-key-file',
    ca.keyFile,
    '--tls-auth-clients',
    'no',
    '--requirepass',
    password,
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
  ]);
  const url = `rediss://:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await waitUntil(async () => {
    if (!server.running()) throw new Error(`redis-server exited: ${server.stderr()}`);
    const client = new Redis(url, {
      tls: { ca: ca.caPem },
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      return true;
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }, 'redis-server answers PING over TLS');
  return {
    port,
    url,
    dispose: async () => {
      await server.stop('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
