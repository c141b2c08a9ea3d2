import { docker } from './docker-cli.js';
import { containerName } from './layout.js';
import { labelArgs, type LocalContext } from './context.js';
import { waitFor } from './wait.js';

export const POSTGRES_IMAGE = 'opsctl-local/postgres:15';
export const REDIS_IMAGE = 'opsctl-local/redis:7';
export const DATABASE_NAME = 'api';
export const DATABASE_USER = 'api';

export const postgresContainer = (ctx: LocalContext): string =>
  containerName(ctx.layout, 'postgres');
export const redisContainer = (ctx: LocalContext): string => containerName(ctx.layout, 'redis');

/** PostgreSQL and Redis on the environment's network, as the managed database and cache. */
export async function startDatastores(ctx: LocalContext): Promise<void> {
  const { layout } = ctx;
  await docker([
    'run',
    '-d',
    '--name',
    postgresContainer(ctx),
    ...labelArgs(ctx),
    '--network',
    layout.network,
    '--network-alias',
    'postgres.opsctl.local',
    '-e',
    `POSTGRES_USER=${DATABASE_USER}`,
    '-e',
    `POSTGRES_DB=${DATABASE_NAME}`,
    '-e',
    'POSTGRES_PASSWORD_FILE=/run/opsctl/postgres-password',
    '-v',
    `${ctx.stateDir}/secrets/postgres-password:/run/opsctl/postgres-password:ro`,
    '-p',
    `127.0.0.1:${layout.postgresPort}:5432`,
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
    'redis.opsctl.local',
    '-v',
    `${ctx.stateDir}/secrets/redis.conf:/run/opsctl/redis.conf:ro`,
    '-p',
    `127.0.0.1:${layout.redisPort}:6379`,
    REDIS_IMAGE,
    'redis-server',
    '/run/opsctl/redis.conf',
  ]);
  await waitFor(
    'PostgreSQL to accept connections',
    async () =>
      (await docker(['exec', postgresContainer(ctx), 'pg_isready', '-q', '-h', '127.0.0.1'])) ===
      '',
    60_000,
    500,
  );
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
