import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRegistryClient,
  pushImage,
  type LocalRegistry,
  type PushedImage,
  type RegistryBackend,
} from '@opsctl/testbed';
import { DigitalOceanApiError, type GarbageCollection } from '../../../src/digitalocean/index.js';
import { startHarness, type Harness } from './harness.js';

const REG = 'opsctl';

describe('DigitalOcean client: container registry through the contract proxy, on a real registry', () => {
  let h: Harness;
  let backend: RegistryBackend;
  let registry: LocalRegistry;
  const pushed: Record<string, PushedImage> = {};

  beforeAll(async () => {
    h = await startHarness({ registry: true });
    if (!h.backend || !h.registry) throw new Error('the harness started no registry');
    backend = h.backend;
    registry = h.registry;
    const day = (n: number): Date => new Date(Date.UTC(2026, 2, n));
    pushed.old = await pushImage(backend.client, {
      repository: 'shop/api',
      tags: ['aaa1111'],
      created: day(1),
    });
    pushed.mid = await pushImage(backend.client, {
      repository: 'shop/api',
      tags: ['bbb2222', 'previous'],
      created: day(2),
    });
    pushed.new = await pushImage(backend.client, {
      repository: 'shop/api',
      tags: ['ccc3333', 'current'],
      created: day(3),
    });
    // 205 repositories and 210 tags: more than one page of 200 each (pushed ten at a time).
    const names = Array.from({ length: 205 }, (_, i) => `svc-${String(i).padStart(3, '0')}`);
    for (let i = 0; i < names.length; i += 10) {
      await Promise.all(
        names
          .slice(i, i + 10)
          .map((repository) => pushImage(backend.client, { repository, tags: ['v1'] })),
      );
    }
    await pushImage(backend.client, {
      repository: 'many-tags',
      tags: Array.from({ length: 210 }, (_, i) => `t${i}`),
    });
  }, 480_000);

  afterAll(async () => {
    await h.close();
  });

  it('gets the registry', async () => {
    expect(await h.client().getRegistry(REG)).toMatchObject({ name: REG, region: 'fra1' });
  });

  it('gets docker credentials that log in to the real registry, with the password hidden', async () => {
    const creds = await h
      .client()
      .getDockerCredentials(REG, { readWrite: true, expirySeconds: 3600 });
    expect(creds.host).toBe(registry.host);
    expect(String(creds.password)).toBe('[redacted]');
    const login = createRegistryClient({
      ...registry.connection,
      username: creds.username,
      password: creds.password.reveal(),
    });
    try {
      await expect(login.ping()).resolves.toBeUndefined();
    } finally {
      login.close();
    }
    expect(h.api.requests().at(-1)?.url).toContain('read_write=true&expiry_seconds=3600');
  });

  it('lists all 207 repositories by following page_token links', { timeout: 60_000 }, async () => {
    const before = h.api.requests().length;
    const repos = await h.client().listRepositories(REG);
    expect(repos).toHaveLength(207);
    expect(repos.find((r) => r.name === 'shop/api')).toMatchObject({
      tag_count: 5,
      manifest_count: 3,
    });
    const second = h.api.requests().slice(before)[1]?.url ?? '';
    expect(second).toMatch(/page_token=/);
  });

  it('lists all 210 tags of a repository across two pages', { timeout: 60_000 }, async () => {
    const tags = await h.client().listTags(REG, 'many-tags');
    expect(new Set(tags.map((t) => t.tag)).size).toBe(210);
  });

  it('lists tags and manifests newest first, with digests', async () => {
    const tags = await h.client().listTags(REG, 'shop/api');
    expect(tags.map((t) => t.tag)).toEqual([
      'ccc3333',
      'current',
      'bbb2222',
      'previous',
      'aaa1111',
    ]);
    expect(tags[0]?.manifest_digest).toBe(pushed.new?.digest);
    const manifests = await h.client().listManifests(REG, 'shop/api');
    expect(manifests.map((m) => m.digest)).toEqual([
      pushed.new?.digest,
      pushed.mid?.digest,
      pushed.old?.digest,
    ]);
  });

  it('deletes a tag, which is then gone from the real registry’s own tags list', async () => {
    await h.client().deleteTag(REG, 'shop/api', 'previous');
    expect((await backend.client.listTags('shop/api')).sort()).toEqual([
      'aaa1111',
      'bbb2222',
      'ccc3333',
      'current',
    ]);
  });

  it('deletes a manifest by digest, and garbage collection then really frees its blobs', async () => {
    const client = h.client({
      sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 100))),
    });
    await client.deleteManifest(REG, 'shop/api', pushed.old?.digest ?? '');
    expect(await backend.client.listTags('shop/api')).not.toContain('aaa1111');
    const started = await client.startGarbageCollection(REG);
    expect(started.status).toBe('requested');
    let gc: GarbageCollection = started;
    // A deadline, not a count of polls: on 2 busy cores the collection can take a while.
    const finishedBy = Date.now() + 90_000;
    while (!['succeeded', 'failed'].includes(gc.status) && Date.now() < finishedBy) {
      await new Promise((r) => setTimeout(r, 100));
      gc = await client.getGarbageCollection(REG, started.uuid);
    }
    expect(gc).toMatchObject({ uuid: started.uuid, status: 'succeeded' });
    expect(gc.blobs_deleted).toBeGreaterThanOrEqual(pushed.old?.blobs.length ?? 99);
    expect(gc.freed_bytes).toBeGreaterThan(0);
    for (const blob of pushed.old?.blobs ?? [])
      expect(await backend.client.blobExists('shop/api', blob.digest)).toBe(false);
    for (const blob of pushed.mid?.blobs ?? [])
      expect(await backend.client.blobExists('shop/api', blob.digest)).toBe(true);
    expect(await client.getActiveGarbageCollection(REG)).toBeUndefined();
    expect((await client.listGarbageCollections(REG))[0]?.uuid).toBe(started.uuid);
  });

  it('names the missing thing when a tag or registry does not exist', async () => {
    const err = await h
      .client()
      .deleteTag(REG, 'shop/api', 'nope')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DigitalOceanApiError);
    expect((err as Error).message).toContain(
      'DELETE /v2/registries/opsctl/repositories/shop%2Fapi/tags/nope failed with 404 not_found',
    );
    await expect(h.client().getRegistry('other')).rejects.toMatchObject({ status: 404 });
  });
});
