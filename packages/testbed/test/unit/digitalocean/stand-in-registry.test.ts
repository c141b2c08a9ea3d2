import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localRegistryBackend } from '../../../src/digitalocean/local-registry-backend.js';
import type { RegistryBackend } from '../../../src/digitalocean/registry-backend.js';
import {
  startDigitalOceanStandIn,
  type DigitalOceanStandIn,
} from '../../../src/digitalocean/stand-in.js';
import {
  startLocalRegistry,
  type LocalRegistry,
} from '../../../src/registry-api/local-registry.js';
import { pushImage, type PushedImage } from '../../../src/registry-api/push-image.js';
import { createRegistryClient } from '../../../src/registry-api/registry-client.js';
import { call, TOKEN } from './fixtures.js';
import { Teardown } from './teardown.js';

const R = '/v2/registries/opsctl';

interface Gc {
  uuid: string;
  status: string;
  blobs_deleted: number;
  freed_bytes: number;
}

describe('DigitalOcean stand-in: container registry endpoints on a real registry', () => {
  let registry: LocalRegistry;
  let backend: RegistryBackend;
  let api: DigitalOceanStandIn;
  let releaseCollector: (() => void) | undefined;
  let holdCollector = false;
  const images: Record<string, PushedImage> = {};
  const teardown = new Teardown();

  beforeAll(async () => {
    registry = teardown.add(await startLocalRegistry(), (r) => r.close());
    const local = teardown.add(localRegistryBackend(registry), (b) => {
      b.client.close();
    });
    backend = {
      ...local,
      maintenance: {
        storageUsageBytes: local.maintenance.storageUsageBytes,
        // Lets a test hold the real collector back to observe the states in between.
        garbageCollect: async () => {
          if (holdCollector) {
            await new Promise<void>((resolve) => {
              releaseCollector = resolve;
            });
          }
          return local.maintenance.garbageCollect();
        },
      },
    };
    api = teardown.add(await startDigitalOceanStandIn({ token: TOKEN, registry: backend }), (a) =>
      a.close(),
    );
    const day = (n: number): Date => new Date(Date.UTC(2026, 0, n));
    images.v1 = await pushImage(backend.client, {
      repository: 'api',
      tags: ['v1'],
      created: day(1),
    });
    images.v2 = await pushImage(backend.client, {
      repository: 'api',
      tags: ['v2', 'stable'],
      created: day(2),
    });
    images.v3 = await pushImage(backend.client, {
      repository: 'api',
      tags: ['v3'],
      created: day(3),
    });
    for (const name of ['web', 'worker', 'z-last'])
      await pushImage(backend.client, { repository: name, tags: ['1'] });
  }, 60_000);

  afterAll(() => teardown.run());

  it('describes the registry with its real storage usage', async () => {
    const res = await call(api.url, R);
    expect(res.json).toMatchObject({ registry: { name: 'opsctl', region: 'fra1' } });
    expect(
      (res.json as { registry: { storage_usage_bytes: number } }).registry.storage_usage_bytes,
    ).toBeGreaterThan(0);
    expect((await call(api.url, '/v2/registries/other')).status).toBe(404);
  });

  it('hands out docker credentials that log in to the real registry', async () => {
    const res = await call(api.url, `${R}/docker-credentials?read_write=true&expiry_seconds=600`);
    const auths = (res.json as { auths: Record<string, { auth: string }> }).auths;
    const auth = auths[registry.host]?.auth ?? '';
    const [username = '', password = ''] = Buffer.from(auth, 'base64').toString('utf8').split(':');
    const client = createRegistryClient({ ...registry.connection, username, password });
    try {
      await expect(client.ping()).resolves.toBeUndefined();
    } finally {
      client.close();
    }
    expect((await call(api.url, `${R}/docker-credentials?expiry_seconds=soon`)).status).toBe(422);
  });

  it('lists repositories with page_token links until the last page', async () => {
    const first = (await call(api.url, `${R}/repositoriesV2?per_page=3`)).json as {
      repositories: {
        name: string;
        tag_count: number;
        manifest_count: number;
        latest_manifest: { tags: string[] };
      }[];
      links: { pages: { next: string } };
      meta: { total: number };
    };
    expect(first.meta.total).toBe(4);
    expect(first.repositories.map((r) => r.name)).toEqual(['api', 'web', 'worker']);
    expect(first.repositories[0]).toMatchObject({
      tag_count: 4,
      manifest_count: 3,
      latest_manifest: { tags: ['v3'] },
    });
    expect(first.links.pages.next).toMatch(/page_token=/);
    const second = (await call(api.url, first.links.pages.next)).json as {
      repositories: { name: string }[];
    };
    expect(second.repositories.map((r) => r.name)).toEqual(['z-last']);
    expect((await call(api.url, `${R}/repositoriesV2?page_token=garbage`)).status).toBe(400);
  });

  it('lists tags and manifests newest first with their digests and blobs', async () => {
    const tags = (await call(api.url, `${R}/repositories/api/tags`)).json as {
      tags: { tag: string; manifest_digest: string; updated_at: string }[];
    };
    expect(tags.tags.map((t) => t.tag)).toEqual(['v3', 'stable', 'v2', 'v1']);
    expect(tags.tags[0]).toMatchObject({
      manifest_digest: images.v3?.digest,
      updated_at: '2026-01-03T00:00:00.000Z',
    });
    const manifests = (await call(api.url, `${R}/repositories/api/digests`)).json as {
      manifests: { digest: string; tags: string[]; blobs: { digest: string }[] }[];
    };
    expect(manifests.manifests.map((m) => m.digest)).toEqual([
      images.v3?.digest,
      images.v2?.digest,
      images.v1?.digest,
    ]);
    expect(manifests.manifests[1]?.tags.sort()).toEqual(['stable', 'v2']);
    expect(manifests.manifests[0]?.blobs.map((b) => b.digest)).toEqual(
      images.v3?.blobs.map((b) => b.digest),
    );
  });

  it('deletes one tag from the real registry and leaves a tag sharing its manifest in place', async () => {
    expect(
      (await call(api.url, `${R}/repositories/api/tags/v2`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await backend.client.listTags('api')).sort()).toEqual(['stable', 'v1', 'v3']);
    expect((await backend.client.getManifest('api', 'stable'))?.digest).toBe(images.v2?.digest);
    expect(
      (await call(api.url, `${R}/repositories/api/tags/v2`, { method: 'DELETE' })).status,
    ).toBe(404);
  });

  it('deletes a manifest by digest, which removes its tags from the real registry', async () => {
    const digest = images.v1?.digest ?? '';
    expect(
      (await call(api.url, `${R}/repositories/api/digests/${digest}`, { method: 'DELETE' })).status,
    ).toBe(204);
    expect((await backend.client.listTags('api')).sort()).toEqual(['stable', 'v3']);
    expect(
      (await call(api.url, `${R}/repositories/api/digests/${digest}`, { method: 'DELETE' })).status,
    ).toBe(404);
  });

  it('runs a real garbage collection through its states, refusing writes meanwhile, and frees the blobs', async () => {
    holdCollector = true;
    const started = await call(api.url, `${R}/garbage-collection`, { method: 'POST' });
    try {
      expect(started.status).toBe(201);
      const gc = (started.json as { garbage_collection: Gc }).garbage_collection;
      expect(gc.status).toBe('requested');
      let active: Gc | undefined;
      // A deadline, not a count of polls: on 2 busy cores the collector can take a while.
      const activeBy = Date.now() + 90_000;
      while (active?.status !== 'deleting unreferenced blobs' && Date.now() < activeBy) {
        await new Promise((r) => setTimeout(r, 50));
        active = (
          (await call(api.url, `${R}/garbage-collection`)).json as { garbage_collection: Gc }
        ).garbage_collection;
      }
      expect(active).toMatchObject({ uuid: gc.uuid, status: 'deleting unreferenced blobs' });
      expect(
        (await call(api.url, `${R}/repositories/api/tags/v3`, { method: 'DELETE' })).status,
      ).toBe(409);
      expect((await call(api.url, `${R}/garbage-collection`, { method: 'POST' })).status).toBe(409);
    } finally {
      holdCollector = false;
      releaseCollector?.();
    }
    const gc = (started.json as { garbage_collection: Gc }).garbage_collection;
    let latest: Gc | undefined;
    const finishedBy = Date.now() + 90_000;
    while (
      latest?.status !== 'succeeded' &&
      latest?.status !== 'failed' &&
      Date.now() < finishedBy
    ) {
      await new Promise((r) => setTimeout(r, 100));
      latest = (
        (await call(api.url, `${R}/garbage-collections`)).json as { garbage_collections: Gc[] }
      ).garbage_collections[0];
    }
    expect(latest).toMatchObject({ uuid: gc.uuid, status: 'succeeded' });
    expect(latest?.blobs_deleted).toBeGreaterThanOrEqual(images.v1?.blobs.length ?? 99);
    expect(latest?.freed_bytes).toBeGreaterThan(0);
    for (const blob of images.v1?.blobs ?? [])
      expect(await backend.client.blobExists('api', blob.digest)).toBe(false);
    for (const blob of images.v2?.blobs ?? [])
      expect(await backend.client.blobExists('api', blob.digest)).toBe(true);
    expect((await call(api.url, `${R}/garbage-collection`)).status).toBe(404);
  });
});
