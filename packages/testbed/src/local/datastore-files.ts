import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalContext } from './context.js';
import { ensureCa, type CertificateAuthority } from './pki.js';

/** DigitalOcean's ports for managed PostgreSQL and Valkey/Redis, used inside the network too. */
export const POSTGRES_PORT = 25060;
export const REDIS_PORT = 25061;

/** Where a datastore's files are: its CA (kept in pki/), and what its container mounts. */
export interface DatastoreFiles {
  readonly ca: CertificateAuthority;
  /** Mounted read-only into the container: the server certificate and key, passwords, config. */
  readonly mounted: string;
  readonly serverCert: string;
  readonly serverKey: string;
}

function datastoreFiles(stateDir: string, name: 'postgres' | 'redis'): DatastoreFiles {
  const mounted = join(stateDir, 'datastores', name);
  return {
    // Like DigitalOcean's per-cluster CAs: one each, so mixing them up is refused as it would be.
    ca: {
      cert: join(stateDir, 'pki', `${name}-ca.crt`),
      key: join(stateDir, 'pki', `${name}-ca.key`),
    },
    mounted,
    serverCert: join(mounted, 'server.crt'),
    serverKey: join(mounted, 'server.key'),
  };
}

export const postgresFiles = (stateDir: string): DatastoreFiles =>
  datastoreFiles(stateDir, 'postgres');
export const redisFiles = (stateDir: string): DatastoreFiles => datastoreFiles(stateDir, 'redis');

/** Where the containers find the mounted folder. */
export const MOUNT = { postgres: '/run/opsctl/postgres', redis: '/run/opsctl/redis' } as const;

/** redis.conf of a TLS-only server, as DigitalOcean's managed one: no plain port at all. */
export function redisConfig(password: string): string {
  return [
    'bind 0.0.0.0',
    'protected-mode no',
    'port 0',
    `tls-port ${REDIS_PORT}`,
    `tls-cert-file ${MOUNT.redis}/server.crt`,
    `tls-key-file ${MOUNT.redis}/server.key`,
    // Clients need no certificate of their own (DigitalOcean asks for a password, not one).
    'tls-auth-clients no',
    `requirepass ${password}`,
    'save ""',
    '',
  ].join('\n');
}

/**
 * The CAs (made once), the passwords the containers read from files (so none shows in a process
 * list) and redis.conf. A server certificate of an earlier run is removed: it is issued anew once
 * the containers have their network addresses, and the containers wait for it.
 */
export async function prepareDatastoreFiles(ctx: LocalContext): Promise<void> {
  const postgres = postgresFiles(ctx.stateDir);
  const redis = redisFiles(ctx.stateDir);
  await ensureCa(postgres.ca, 'opsctl local PostgreSQL CA');
  await ensureCa(redis.ca, 'opsctl local Valkey-Redis CA');
  for (const files of [postgres, redis]) {
    // Readable by the container's own user; the state folder itself is the owner's only (0700).
    await mkdir(files.mounted, { recursive: true, mode: 0o755 });
    await rm(files.serverCert, { force: true });
  }
  const { credentials } = ctx;
  await writeFile(join(postgres.mounted, 'doadmin-password'), credentials.doadminPassword, {
    mode: 0o644,
  });
  await writeFile(join(postgres.mounted, 'app-password'), credentials.postgresPassword, {
    mode: 0o644,
  });
  await writeFile(join(redis.mounted, 'redis.conf'), redisConfig(credentials.redisPassword), {
    mode: 0o644,
  });
}
