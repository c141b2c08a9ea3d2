import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startBalancedLoad, waitUntil } from '@opsctl/health-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, localCaCertificates } from '../support/docker/build-image.js';
import { copyBuildContext } from '../support/docker/build-context.js';
import {
  exitCode,
  healthStatus,
  publishedUrl,
  waitHealthy,
} from '../support/docker/container-state.js';
import { docker, dockerRun, savedImageContains } from '../support/docker/docker-cli.js';
import { DockerScope } from '../support/docker/docker-scope.js';
import {
  ensureLocalImages,
  NODE_BASE_IMAGE,
  POSTGRES_IMAGE,
  REDIS_IMAGE,
} from '../support/docker/local-images.js';
import { apiDockerfile } from '../support/docker/repo-paths.js';

const IMAGE = 'opsctl-test/api:image-test';
const GIT_SHA = randomBytes(20).toString('hex');
const sentinel = (where: string): string =>
  `opsctl-sentinel-${where}-${randomBytes(6).toString('hex')}`;
const sentinels = {
  dotEnv: sentinel('dotenv'),
  dotEnvProduction: sentinel('dotenv-production'),
  packageEnvLocal: sentinel('package-env-local'),
  gitDir: sentinel('git-dir'),
  localState: sentinel('local-state'),
  buildEnvToken: sentinel('build-env-token'),
  buildEnvPassword: sentinel('build-env-password'),
};
const DB_PASSWORD = `db-${randomBytes(8).toString('hex')}`;
const REDIS_PASSWORD = `redis-${randomBytes(8).toString('hex')}`;

const scope = new DockerScope();
let context: string;
let envFile: string;
let postgres: string;

beforeAll(async () => {
  await ensureLocalImages();
  context = await copyBuildContext();
  // Secrets a developer may have lying around in the working tree.
  await writeFile(join(context, '.env'), `API_TOKEN=${sentinels.dotEnv}\n`);
  await writeFile(
    join(context, '.env.production'),
    `DATABASE_URL=postgres://u:${sentinels.dotEnvProduction}@db/app\n`,
  );
  await writeFile(
    join(context, 'packages/api/.env.local'),
    `SECRET=${sentinels.packageEnvLocal}\n`,
  );
  await mkdir(join(context, '.git'), { recursive: true });
  await writeFile(join(context, '.git/config'), `[credential]\n  helper = ${sentinels.gitDir}\n`);
  await mkdir(join(context, '.opsctl'), { recursive: true });
  await writeFile(
    join(context, '.opsctl/state.json'),
    JSON.stringify({ token: sentinels.localState }),
  );

  await buildImage({
    context,
    dockerfile: apiDockerfile,
    tag: IMAGE,
    buildArgs: {
      BASE_IMAGE: NODE_BASE_IMAGE,
      GIT_SHA,
      VERSION: '9.8.7',
      BUILT_AT: '2025-01-29T12:00:00Z',
      SOURCE_URL: 'https://git.example.test/opsctl/opsctl',
      EXTRA_CA_CERTS: localCaCertificates(),
    },
    // Secrets in the build environment: the build must not pick them up.
    env: {
      ...process.env,
      NPM_TOKEN: sentinels.buildEnvToken,
      DATABASE_PASSWORD: sentinels.buildEnvPassword,
    },
  });

  const network = await scope.network('net');
  postgres = await scope.start('postgres', [
    '--network',
    network,
    '--network-alias',
    'postgres',
    '-e',
    'POSTGRES_USER=api',
    '-e',
    `POSTGRES_PASSWORD=${DB_PASSWORD}`,
    '-e',
    'POSTGRES_DB=api',
    POSTGRES_IMAGE,
  ]);
  await scope.start('redis', [
    '--network',
    network,
    '--network-alias',
    'redis',
    REDIS_IMAGE,
    '--requirepass',
    REDIS_PASSWORD,
  ]);
  envFile = join(context, 'api.env');
  await writeFile(
    envFile,
    [
      `DATABASE_URL=postgres://api:${DB_PASSWORD}@postgres:5432/api`,
      `REDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379/0`,
      'HEALTH_CHECK_TIMEOUT_MS=1000',
      'SHUTDOWN_DRAIN_DELAY_MS=2000',
      'SHUTDOWN_TIMEOUT_MS=10000',
      '',
    ].join('\n'),
  );
  await waitHealthy(postgres);
});

afterAll(async () => {
  await scope.dispose();
  if (context) await rm(context, { recursive: true, force: true });
});

/** Starts an API container from the image, on the test network, published on loopback. */
async function startApi(role: string): Promise<{ name: string; url: string }> {
  const name = await scope.start(role, [
    '--network',
    scope.name('net'),
    '--env-file',
    envFile,
    '-p',
    '127.0.0.1::3000',
    IMAGE,
  ]);
  return { name, url: await publishedUrl(name) };
}

async function getHealth(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the API image', () => {
  it('runs as a non-root user', async () => {
    expect(await docker(['image', 'inspect', '-f', '{{.Config.User}}', IMAGE])).toBe('1000:1000');
    const uid = await docker(['run', '--rm', '--entrypoint', 'id', IMAGE, '-u']);
    expect(uid).not.toBe('0');
    expect(Number(uid)).toBeGreaterThan(0);
  });

  it('carries OCI labels with the full revision, creation time, source and version', async () => {
    const labels = JSON.parse(
      await docker(['image', 'inspect', '-f', '{{json .Config.Labels}}', IMAGE]),
    ) as Record<string, string>;
    expect(labels).toMatchObject({
      'org.opencontainers.image.revision': GIT_SHA,
      'org.opencontainers.image.created': '2025-01-29T12:00:00Z',
      'org.opencontainers.image.source': 'https://git.example.test/opsctl/opsctl',
      'org.opencontainers.image.version': '9.8.7',
    });
  });

  it('keeps secrets of .env files, .git, local state and the build environment out of every layer', async () => {
    // The GIT_SHA is meant to be in the image config: finding it shows the scan sees the image.
    const found = await savedImageContains(IMAGE, [GIT_SHA, ...Object.values(sentinels)]);
    expect(found.has(GIT_SHA)).toBe(true);
    expect([...found].filter((value) => value !== GIT_SHA)).toEqual([]);
  });

  it('refuses to start with a missing or malformed variable, naming it without its value', async () => {
    const secret = sentinel('malformed-url');
    const result = await dockerRun([
      'run',
      '--rm',
      '-e',
      `DATABASE_URL=mysql://root:${secret}@db/app`,
      IMAGE,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL must be a URL starting with postgres://');
    expect(result.stderr).toContain('REDIS_URL is required');
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it('applies migrations with `node dist/migrate.js` in a one-off container, once', async () => {
    const migrate = [
      'run',
      '--rm',
      '--network',
      scope.name('net'),
      '--env-file',
      envFile,
      IMAGE,
      'node',
      'dist/migrate.js',
    ];
    const first = await dockerRun(migrate);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/migrations complete: \d+ applied/);
    const second = await dockerRun(migrate);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('migrations complete: 0 applied');
    expect(first.stdout + second.stdout).not.toContain(DB_PASSWORD);
  });

  it('turns healthy with PostgreSQL and Redis up, and /health unhealthy while PostgreSQL is stopped', async () => {
    const api = await startApi('api-health');
    await waitHealthy(api.name);
    expect(await getHealth(api.url)).toMatchObject({
      status: 200,
      body: { status: 'healthy', services: { database: 'connected', redis: 'connected' } },
    });
    expect(await (await fetch(`${api.url}/version`)).json()).toEqual({
      sha: GIT_SHA,
      version: '9.8.7',
      builtAt: '2025-01-29T12:00:00Z',
    });

    await docker(['stop', postgres]);
    try {
      const down = await getHealth(api.url);
      expect(down).toMatchObject({
        status: 503,
        body: { status: 'unhealthy', services: { database: 'disconnected' } },
      });
      // Liveness is what Docker checks: a database outage must not mark the container for restart.
      expect(await healthStatus(api.name)).toBe('healthy');
    } finally {
      await docker(['start', postgres]);
    }
    await waitHealthy(postgres);
    await waitUntil(async () => (await getHealth(api.url)).status === 200, '/health is 200 again');
    const logs = await dockerRun(['logs', api.name]);
    expect(logs.stdout + logs.stderr).not.toContain(DB_PASSWORD);
    await scope.remove(api.name);
  });

  it('exits 0 on docker stop under load, with no failed request and no lost write', async () => {
    const api = await startApi('api-drain');
    await waitHealthy(api.name);
    const load = startBalancedLoad({
      baseUrl: api.url,
      concurrency: 6,
      next: (n, worker) =>
        worker % 2 === 0
          ? {
              method: 'POST',
              path: '/items',
              body: JSON.stringify({ name: `load-${worker}-${n}` }),
            }
          : { path: '/items?limit=5' },
    });
    await load.reached(300);
    // -t well above drain delay + shutdown timeout: exit code 137 would mean Docker had to kill it.
    await docker(['stop', '-t', '30', api.name]);
    const result = await load.finished;

    expect(await exitCode(api.name)).toBe(0);
    expect(result.failed).toEqual([]);
    expect(result.sawDraining).toBe(true);
    const created = result.bodies
      .filter((body) => body.startsWith('{"id"'))
      .map((body) => (JSON.parse(body) as { id: string }).id);
    expect(created.length).toBeGreaterThan(0);
    const stored = new Set(
      (
        await docker([
          'exec',
          '-e',
          `PGPASSWORD=${DB_PASSWORD}`,
          postgres,
          'psql',
          '-h',
          '127.0.0.1',
          '-U',
          'api',
          '-d',
          'api',
          '-tAc',
          'SELECT id FROM items',
        ])
      ).split('\n'),
    );
    expect(created.filter((id) => !stored.has(id))).toEqual([]);
    const logs = (await dockerRun(['logs', api.name])).stdout;
    expect(logs).toContain('"msg":"shutdown: complete"');
  });
});
