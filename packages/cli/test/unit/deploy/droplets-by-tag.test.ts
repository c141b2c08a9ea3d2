import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DropletSeed } from '@opsctl/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvironmentConfig } from '../../../src/config/types.js';
import { createCommandContext } from '../../../src/context/create-command-context.js';
import { listDroplets } from '../../../src/deploy/droplets.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { startHarness, TOKEN, type Harness } from '../digitalocean/harness.js';

const seeds: DropletSeed[] = [
  ...Array.from({ length: 230 }, (_, i) => ({
    id: 100 + i,
    name: `other-${i}`,
    tags: ['web'],
    publicIpv4: `127.2.0.${(i % 200) + 1}`,
  })),
  { id: 9, name: 'api-staging-2', tags: ['api-staging'], publicIpv4: '127.3.0.2' },
  { id: 8, name: 'api-staging-1', tags: ['api-staging', 'env:staging'], publicIpv4: '127.3.0.1' },
  { id: 7, name: 'api-staging-old', tags: ['api-staging'], publicIpv4: '127.3.0.9', status: 'off' },
];

// Only `droplets` is read by listDroplets; the rest of an environment does not matter here.
const taggedEnv = (tag: string) => ({
  name: 'staging',
  config: { droplets: { kind: 'tag', tag } } as unknown as EnvironmentConfig,
});

function context(env: Record<string, string>) {
  const sink = { write: () => true, isTTY: false };
  return createCommandContext({ cwd: tmpdir(), env, stdout: sink, stderr: sink });
}

describe('droplets chosen by DigitalOcean tag', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await startHarness({ droplets: () => seeds });
    dir = await mkdtemp(join(tmpdir(), 'opsctl-tag-'));
  }, 480_000);
  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('are the active droplets with the tag, by public address, in name order', async () => {
    const ctx = context({ DIGITALOCEAN_TOKEN: TOKEN, DIGITALOCEAN_API_URL: h.url });
    expect(await listDroplets(ctx, taggedEnv('api-staging'), dir)).toEqual([
      { name: 'api-staging-1', host: '127.3.0.1' },
      { name: 'api-staging-2', host: '127.3.0.2' },
    ]);
    expect(h.api.requests().some((r) => r.url.includes('tag_name=api-staging'))).toBe(true);
  });

  it('is an error naming the tag when no droplet carries it', async () => {
    const ctx = context({ DIGITALOCEAN_TOKEN: TOKEN, DIGITALOCEAN_API_URL: h.url });
    const error = await listDroplets(ctx, taggedEnv('api-nowhere'), dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpsctlError);
    expect((error as OpsctlError).code).toBe('NO_DROPLETS');
    expect((error as OpsctlError).message).toContain('"api-nowhere"');
  });

  it('asks for a token before calling the API, and never shows a wrong one', async () => {
    const missing = await listDroplets(
      context({ DIGITALOCEAN_API_URL: h.url }),
      taggedEnv('api-staging'),
      dir,
    ).catch((e: unknown) => e);
    expect((missing as OpsctlError).code).toBe('DIGITALOCEAN_TOKEN_MISSING');
    const wrong = 'dop_v1_sentinel_wrong_token_0000000000000000000000000000000000000000';
    const denied = await listDroplets(
      context({ DIGITALOCEAN_TOKEN: wrong, DIGITALOCEAN_API_URL: h.url }),
      taggedEnv('api-staging'),
      dir,
    ).catch((e: unknown) => e);
    expect((denied as OpsctlError).code).toBe('DIGITALOCEAN_API_ERROR');
    expect((denied as OpsctlError).message).toMatch(/401/);
    expect(JSON.stringify(denied)).not.toContain(wrong);
    expect((denied as OpsctlError).message).not.toContain(wrong);
  });
});
