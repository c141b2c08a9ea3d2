import { randomBytes } from 'node:crypto';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { waitUntil } from '@opsctl/health-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, localCaCertificates } from '../support/docker/build-image.js';
import { copyBuildContext } from '../support/docker/build-context.js';
import { compose, composeOk } from '../support/docker/compose.js';
import { healthStatus } from '../support/docker/container-state.js';
import { docker } from '../support/docker/docker-cli.js';
import {
  ensureLocalImages,
  NODE_BASE_IMAGE,
  POSTGRES_IMAGE,
  REDIS_IMAGE,
} from '../support/docker/local-images.js';
import { freePort } from '../support/free-port.js';

const ADMINER_IMAGE = 'opsctl-test/adminer:4';
const VERSION_CONTROLLER = 'packages/api/src/version/version.controller.ts';

let dir: string;
let env: Record<string, string>;
let apiUrl: string;
let adminerUrl: string;

async function isFree(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`);
    return false;
  } catch {
    return true;
  }
}

beforeAll(async () => {
  await ensureLocalImages();
  await buildImage({
    context: new URL('./adminer/', import.meta.url).pathname,
    tag: ADMINER_IMAGE,
  });
  dir = await copyBuildContext();
  await copyFile(join(dir, '.env.example'), join(dir, '.env.development'));
  // The stack publishes the API on 3001 as documented; another port only if 3001 is taken here.
  const apiPort = (await isFree(3001)) ? 3001 : await freePort();
  const adminerPort = await freePort();
  env = {
    COMPOSE_PROJECT_NAME: `opsctl-test-dev-${randomBytes(3).toString('hex')}`,
    NODE_IMAGE: NODE_BASE_IMAGE,
    API_DEV_IMAGE: 'opsctl-test/api:dev-stack',
    POSTGRES_IMAGE,
    REDIS_IMAGE,
    ADMINER_IMAGE,
    API_PORT: String(apiPort),
    ADMINER_PORT: String(adminerPort),
    EXTRA_CA_CERTS: localCaCertificates(),
  };
  apiUrl = `http://localhost:${apiPort}`;
  adminerUrl = `http://127.0.0.1:${adminerPort}`;
  await composeOk(dir, ['up', '-d', '--build'], env);
});

afterAll(async () => {
  if (dir) {
    await compose(dir, ['down', '-v', '--remove-orphans', '--timeout', '10'], env);
    await rm(dir, { recursive: true, force: true });
  }
});

async function containerOf(service: string): Promise<string> {
  return (await composeOk(dir, ['ps', '-q', service], env)).trim();
}

describe('the development stack (docker-compose.yml)', () => {
  it('starts every service healthy, with the API answering 200 on /health and migrations applied', async () => {
    for (const service of ['postgres', 'redis', 'api', 'adminer']) {
      const id = await containerOf(service);
      await waitUntil(async () => (await healthStatus(id)) === 'healthy', `${service} is healthy`, {
        limitMs: 180_000,
        intervalMs: 500,
      });
    }
    // Docker's check is liveness; readiness follows once the API has reached both stores.
    let last = '';
    await waitUntil(async () => {
      const health = await fetch(`${apiUrl}/health`);
      last = `${health.status} ${await health.text()}`;
      return health.status === 200;
    }, 'GET /health answers 200').catch((error: unknown) => {
      throw new Error(`${String(error)}; last answer: ${last}`);
    });
    expect(JSON.parse(last.slice(4))).toMatchObject({
      status: 'healthy',
      services: { database: 'connected', redis: 'connected' },
    });
    const created = await fetch(`${apiUrl}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'from the dev stack' }),
    });
    expect(created.status).toBe(201);
    const adminer = await fetch(adminerUrl);
    expect(await adminer.text()).toContain('Adminer');
  });

  it('keeps PostgreSQL and Redis off every published port', async () => {
    for (const service of ['postgres', 'redis']) {
      expect(await docker(['port', await containerOf(service)])).toBe('');
    }
  });

  it('serves an edited source file without restarting the container', async () => {
    const api = await containerOf('api');
    const startedAt = await docker(['inspect', '-f', '{{.State.StartedAt}}', api]);
    const file = join(dir, VERSION_CONTROLLER);
    const source = await readFile(file, 'utf8');
    expect(source).toContain('sha: this.config.APP_GIT_SHA');
    await writeFile(file, source.replace('sha: this.config.APP_GIT_SHA', "sha: 'hot-reloaded'"));

    await waitUntil(
      async () =>
        ((await (await fetch(`${apiUrl}/version`)).json()) as { sha: string }).sha ===
        'hot-reloaded',
      'GET /version shows the edited source',
      { limitMs: 120_000, intervalMs: 500 },
    );
    expect(await containerOf('api')).toBe(api);
    expect(await docker(['inspect', '-f', '{{.State.StartedAt}} {{.RestartCount}}', api])).toBe(
      `${startedAt} 0`,
    );
  });
});
