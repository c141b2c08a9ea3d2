import { mkdtemp, rm } from 'node:fs/promises';
import { waitUntil } from '@opsctl/health-kit/testing';
import { Redis } from 'ioredis';
import { startProcess, type RunningProcess } from './child-process.js';
import { freePort } from './free-port.js';

export interface RedisServer {
  readonly port: number;
  readonly password: string;
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** A real redis-server (Debian package) on 127.0.0.1, password-protected, no persistence. */
export async function startRedis(password = 'redis-test-password-47'): Promise<RedisServer> {
  const dir = await mkdtemp('/tmp/opsctl-api-redis-');
  const port = await freePort();
  const url = `redis://:${encodeURIComponent(password)}@127.0.0.1:${port}/0`;
  let server: RunningProcess | undefined;

  const start = async (): Promise<void> => {
    server = startProcess('redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--requirepass',
      password,
      '--dir',
      dir,
    ]);
    await waitUntil(async () => {
      const client = new Redis(url, {
        lazyConnect: true,
        retryStrategy: () => null,
        maxRetriesPerRequest: 0,
      });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.ping();
        return true;
      } finally {
        client.disconnect();
      }
    }, 'Redis answers PING');
  };
  const stop = async (): Promise<void> => {
    await server?.stop('SIGTERM');
  };
  await start();
  return {
    port,
    password,
    url,
    start,
    stop,
    dispose: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
