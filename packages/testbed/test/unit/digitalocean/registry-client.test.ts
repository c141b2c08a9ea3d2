import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRegistryClient,
  type RegistryClient,
} from '../../../src/registry-api/registry-client.js';
import {
  startLocalRegistry,
  type LocalRegistry,
} from '../../../src/registry-api/local-registry.js';
import { pushImage } from '../../../src/registry-api/push-image.js';
import { parseGarbageCollectOutput } from '../../../src/registry-api/registry-maintenance.js';
import { RegistryApiError } from '../../../src/registry-api/registry-api-error.js';
import { Teardown } from './teardown.js';

describe('registry client against a real TLS registry with htpasswd auth', () => {
  let registry: LocalRegistry;
  let client: RegistryClient;

  const teardown = new Teardown();

  beforeAll(async () => {
    registry = teardown.add(await startLocalRegistry(), (r) => r.close());
    client = teardown.add(createRegistryClient(registry.connection), (c) => {
      c.close();
    });
  }, 60_000);

  afterAll(() => teardown.run());

  it('authenticates over TLS trusting only the given CA', async () => {
    await expect(client.ping()).resolves.toBeUndefined();
  });

  it('is refused with a wrong password', async () => {
    const wrong = createRegistryClient({ ...registry.connection, password: 'wrong' });
    try {
      await expect(wrong.ping()).rejects.toBeInstanceOf(RegistryApiError);
    } finally {
      wrong.close();
    }
  });

  it('pushes an image whose tags, manifest and blobs can be read back', async () => {
    const layer = randomBytes(4096);
    const pushed = await pushImage(client, {
      repository: 'team/api',
      tags: ['a1', 'a2'],
      layers: [layer],
    });
    expect(await client.listRepositories()).toContain('team/api');
    expect((await client.listTags('team/api')).sort()).toEqual(['a1', 'a2']);
    const stored = await client.getManifest('team/api', 'a1');
    expect(stored?.digest).toBe(pushed.digest);
    expect(await client.getBlob('team/api', pushed.blobs[1]?.digest ?? '')).toEqual(layer);
  });

  it('deleting a manifest removes its tags, and garbage collection then frees its blobs', async () => {
    const pushed = await pushImage(client, { repository: 'gc/app', tags: ['old'] });
    const kept = await pushImage(client, { repository: 'gc/app', tags: ['new'] });
    expect(await client.deleteManifest('gc/app', pushed.digest)).toBe(true);
    expect(await client.listTags('gc/app')).toEqual(['new']);
    const before = await registry.maintenance.storageUsageBytes();
    const summary = parseGarbageCollectOutput(await registry.maintenance.garbageCollect());
    expect(summary.blobsDeleted).toBeGreaterThanOrEqual(pushed.blobs.length);
    expect(await registry.maintenance.storageUsageBytes()).toBeLessThan(before);
    for (const blob of pushed.blobs)
      expect(await client.blobExists('gc/app', blob.digest)).toBe(false);
    for (const blob of kept.blobs)
      expect(await client.blobExists('gc/app', blob.digest)).toBe(true);
  });

  it('reports an unknown manifest as absent rather than failing', async () => {
    expect(await client.getManifest('team/api', 'no-such-tag')).toBeUndefined();
    expect(await client.deleteManifest('team/api', `sha256:${'0'.repeat(64)}`)).toBe(false);
    expect(await client.listTags('never/pushed')).toEqual([]);
  });
});
