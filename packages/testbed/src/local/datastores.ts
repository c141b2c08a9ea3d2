import { fileURLToPath } from 'node:url';
import { docker } from './docker-cli.js';
import { containerName } from './layout.js';
import { labelArgs, type LocalContext } from './context.js';
import { applyAppGrants } from './app-grants.js';
import {
  MOUNT,
  POSTGRES_PORT,
  REDIS_PORT,
  postgresFiles,
  prepareDatastoreFiles,
  redisFiles,
  type DatastoreFiles,
} from './datastore-files.js';
import { issueServerCertificate } from './pki.js';
import { waitFor } from './wait.js';

export const POSTGRES_IMAGE = 'opsctl-local/postgres:15';
export const REDIS_IMAGE = 'opsctl-local/redis:7';
/** The names Terraform's environments give the database and its application user. */
export const DATABASE_NAME = 'opsctl';
export const DATABASE_USER = 'opsctl_api';
/** The owner of the cluster's databases, as on DigitalOcean. */
export const DATABASE_OWNER = 'doadmin';
export const POSTGRES_HOST = 'postgres.opsctl.local';
export const REDIS_HOST = 'redis.opsctl.local';

const IMAGES = fileURLToPath(new URL('../../images', import.meta.url));

export const postgresContainer = (ctx: Pick<LocalContext, 'layout'>): string =>
  containerName(ctx.layout, 'postgres');
export const redisContainer = (ctx: Pick<LocalContext, 'layout'>): string =>
  containerName(ctx.layout, 'redis');

/**
 * PostgreSQL and Valkey/Redis on the environment's network, as DigitalOcean manages them: TLS
 * only, with certificates from private CAs, on DigitalOcean's ports; the database is doadmin's and
 * the application user owns nothing until the grants (applied from Ansible's SQL file) give it
 * schema public. Each certificate names the container's network address, which the droplets'
 * containers use, so it is issued once the container has one (the containers wait for it).
 */
export async function startDatastores(ctx: LocalContext): Promise<void> {
  const { layout } = ctx;
  await prepareDatastoreFiles(ctx);
  const postgres = postgresFiles(ctx.stateDir);
  const redis = redisFiles(ctx.stateDir);
  await docker([
    'run',
    '-d',
    '--name',
    postgresContainer(ctx),
    ...labelArgs(ctx),
    '--network',
    layout.network,
    '--network-alias',
    POSTGRES_HOST,
    '-e',
    `POSTGRES_USER=${DATABASE_OWNER}`,
    '-e',
    `POSTGRES_DB=${DATABASE_NAME}`,
    '-e',
    `POSTGRES_PASSWORD_FILE=${MOUNT.postgres}/doadmin-password`,
    '-e',
    `OPSCTL_APP_USER=${DATABASE_USER}`,
    // The server's port and its tools' (pg_isready, psql) alike.
    '-e',
    `PGPORT=${POSTGRES_PORT}`,
    '-v',
    `${postgres.mounted}:${MOUNT.postgres}:ro`,
    '-v',
    `${IMAGES}/postgres/initdb-managed.sh:/docker-entrypoint-initdb.d/managed.sh:ro`,
    '-p',
    `127.0.0.1:${layout.postgresPort}:${POSTGRES_PORT}`,
    POSTGRES_IMAGE,
  ]);
  await docker([
    'run',
    '-d',
    '--name',
    redisContainer(ctx),
    ...labelArgs(ctx),
    '--network',
    layout.network,
    '--network-alias',
    REDIS_HOST,
    '-v',
    `${redis.mounted}:${MOUNT.redis}:ro`,
    '-v',
    `${IMAGES}/redis/start-managed.sh:/usr/local/bin/start-managed.sh:ro`,
    '-p',
    `127.0.0.1:${layout.redisPort}:${REDIS_PORT}`,
    REDIS_IMAGE,
    'start-managed.sh',
  ]);
  await issueFor(ctx, postgres, postgresContainer(ctx), POSTGRES_HOST);
  await issueFor(ctx, redis, redisContainer(ctx), REDIS_HOST);
  await waitFor(
    'PostgreSQL to accept connections',
    async () =>
      (await docker(['exec', postgresContainer(ctx), 'pg_isready', '-q', '-h', '127.0.0.1'])) ===
      '',
    120_000,
    500,
  );
  await waitFor(
    'Valkey/Redis to answer over TLS',
    async () => {
      const answer = await docker([
        'exec',
        redisContainer(ctx),
        'redis-cli',
        '--tls',
        '--insecure',
        '-p',
        String(REDIS_PORT),
        'ping',
      ]);
      // Without the password: an answer at all shows the TLS port is up.
      return /NOAUTH|PONG/.test(answer);
    },
    120_000,
    500,
  );
  await applyAppGrants(postgresContainer(ctx), {
    owner: DATABASE_OWNER,
    database: DATABASE_NAME,
    appUser: DATABASE_USER,
  });
}

async function issueFor(
  ctx: LocalContext,
  files: DatastoreFiles,
  container: string,
  host: string,
): Promise<void> {
  const address = await networkAddress(ctx, container);
  await issueServerCertificate(files.ca, {
    cert: files.serverCert,
    key: files.serverKey,
    commonName: host,
    altNames: [`DNS:${host}`, 'DNS:localhost', 'IP:127.0.0.1', `IP:${address}`],
    // Read by the server's own user in the container; the state folder is the owner's only.
    keyMode: 0o644,
  });
}

/** Address of a container on the environment's network (droplets' containers reach it by IP). */
export async function networkAddress(ctx: LocalContext, container: string): Promise<string> {
  return docker([
    'inspect',
    '-f',
    `{{(index .NetworkSettings.Networks "${ctx.layout.network}").IPAddress}}`,
    container,
  ]);
}
