import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBuildContext } from '../support/docker/build-context.js';
import { compose, composeOk } from '../support/docker/compose.js';

let dir: string;

beforeAll(async () => {
  dir = await copyBuildContext();
  await copyFile(join(dir, '.env.example'), join(dir, '.env.development'));
  await copyFile(join(dir, '.env.example'), join(dir, '.env.staging'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .sort();

describe('docker-compose config', () => {
  it('accepts docker-compose.yml: api, postgres, redis and adminer with named volumes', async () => {
    await composeOk(dir, ['-f', 'docker-compose.yml', 'config', '-q']);
    expect(
      lines(await composeOk(dir, ['-f', 'docker-compose.yml', 'config', '--services'])),
    ).toEqual(['adminer', 'api', 'postgres', 'redis']);
    expect(
      lines(await composeOk(dir, ['-f', 'docker-compose.yml', 'config', '--volumes'])),
    ).toEqual(['postgres-data', 'redis-data']);
  });

  it('accepts docker-compose.staging.yml: the built image without adminer or source mounts', async () => {
    const config = await composeOk(dir, ['-f', 'docker-compose.staging.yml', 'config']);
    expect(
      lines(await composeOk(dir, ['-f', 'docker-compose.staging.yml', 'config', '--services'])),
    ).toEqual(['api', 'postgres', 'redis']);
    expect(config).not.toContain('packages/api/src');
    expect(config).not.toContain('target: development');
  });

  it('takes every image name from the environment when set', async () => {
    const env = {
      API_DEV_IMAGE: 'opsctl-test/api:dev-x',
      POSTGRES_IMAGE: 'opsctl-test/postgres:x',
      REDIS_IMAGE: 'opsctl-test/redis:x',
      ADMINER_IMAGE: 'opsctl-test/adminer:x',
      NODE_IMAGE: 'opsctl-test/node:x',
    };
    const config = await composeOk(dir, ['-f', 'docker-compose.yml', 'config'], env);
    for (const image of Object.values(env)) expect(config).toContain(image);
  });

  it('fails naming the missing env file when .env.development was not created', async () => {
    await rm(join(dir, '.env.development'));
    try {
      const result = await compose(dir, ['-f', 'docker-compose.yml', 'config', '-q']);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('.env.development');
    } finally {
      await copyFile(join(dir, '.env.example'), join(dir, '.env.development'));
    }
  });
});
