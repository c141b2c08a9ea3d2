import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImagesListResult } from '../../../src/services/images-list.js';
import type { ImagesPruneResult } from '../../../src/services/images-prune.js';
import { Cleanups } from './support/cleanups.js';
import { deployedBuilds } from './support/deployed-builds.js';
import type { Release } from './support/deployed-state.js';
import {
  DROPLETS,
  dropletDigests,
  garbageCollections,
  inRegistry,
  registryApi,
  registryTags,
} from './support/local-environment.js';
import { opsctlOk } from './support/run-opsctl.js';
import type { ServiceRepo } from './support/service-repo.js';

let repo: ServiceRepo;
let env: Record<string, string>;
const cleanups = new Cleanups();
/** Builds 1..7 in commit order: 12-character SHA and manifest digest in the registry. */
let builds: readonly Release[] = [];

const tagOf = (n: number): string => builds[n - 1]?.sha ?? `missing build ${n}`;
const digestOf = (n: number): string => builds[n - 1]?.digest ?? `missing build ${n}`;
const digestsOfBuilds = (...ns: number[]): string[] => ns.map(digestOf).sort();

beforeAll(async () => {
  // Both droplets hold all 7 images; build 7 serves, build 1 is what a rollback returns to.
  ({ repo, env, builds } = await deployedBuilds('prune', 7, cleanups));
}, 600_000);

afterAll(async () => {
  await cleanups.run();
}, 120_000);

async function snapshot() {
  return {
    registry: await registryTags(repo.service),
    droplets: await Promise.all(DROPLETS.map((d) => dropletDigests(d.container, repo.repository))),
    collections: (await garbageCollections()).length,
  };
}

describe('seven builds of seven commits, pushed to the local registry', () => {
  it('tags each build with its commit and moves latest and the branch to the newest', async () => {
    const tags = await registryTags(repo.service);
    for (let n = 1; n <= 7; n++) expect(tags[tagOf(n)], `build ${n}`).toBe(digestOf(n));
    expect(tags.latest).toBe(digestOf(7));
    expect(tags.main).toBe(digestOf(7));
    expect(new Set(builds.map((b) => b.digest)).size).toBe(7);
  });

  it('lists every image with where it runs, from the droplets’ release state', async () => {
    const listed = await opsctlOk<ImagesListResult>(
      repo.dir,
      ['images', 'list', '--service', repo.service],
      env,
    );
    const images = listed.services[0]?.images ?? [];
    expect(images.map((i) => i.digest)).toEqual(builds.map((b) => b.digest).reverse());
    expect(images[0]?.tags).toEqual([tagOf(7), 'latest', 'main'].sort());
    expect(images[0]?.runsOn).toEqual(
      expect.arrayContaining([
        { environment: 'local', droplet: 'droplet-1', role: 'active' },
        { environment: 'local', droplet: 'droplet-2', role: 'active' },
      ]),
    );
    expect(images.find((i) => i.digest === digestOf(1))?.runsOn).toEqual(
      expect.arrayContaining([{ environment: 'local', droplet: 'droplet-1', role: 'previous' }]),
    );
    expect(images.every((i) => (i.compressedSize ?? 0) > 0 && i.createdAt !== undefined)).toBe(
      true,
    );
  });
});

describe('opsctl images prune --keep 5', () => {
  it('--dry-run reports what would go and why, and changes nothing in the registry or on the droplets', async () => {
    const before = await snapshot();
    const result = await opsctlOk<ImagesPruneResult>(
      repo.dir,
      ['images', 'prune', '--keep', '5', '--dry-run'],
      env,
    );
    expect(await snapshot()).toEqual(before);
    expect(result.dryRun).toBe(true);
    const manifests = result.registry[0]?.manifests ?? [];
    expect(manifests.filter((m) => m.action === 'delete').map((m) => m.digest)).toEqual([
      digestOf(2),
    ]);
    const oldest = manifests.find((m) => m.digest === digestOf(1));
    expect(oldest).toMatchObject({ action: 'keep', protected: true });
    expect(oldest?.reasons).toContain('previous release on local/droplet-1 (rollback target)');
    for (const droplet of result.droplets) {
      expect(droplet.images.filter((i) => i.action === 'remove').flatMap((i) => i.digests)).toEqual(
        [digestOf(2)],
      );
    }
    expect(result.garbageCollection.outcome).toBe('dry-run');
  });

  it('keeps exactly the 5 newest plus the previous release, in the registry and on each droplet, and runs garbage collection', async () => {
    const collectionsBefore = await garbageCollections();
    const result = await opsctlOk<ImagesPruneResult>(
      repo.dir,
      ['images', 'prune', '--keep', '5', '--wait'],
      env,
    );

    const tags = await registryTags(repo.service);
    expect(Object.keys(tags).sort()).toEqual(
      [tagOf(1), tagOf(3), tagOf(4), tagOf(5), tagOf(6), tagOf(7), 'latest', 'main'].sort(),
    );
    const registry = await registryApi();
    try {
      expect(await registry.getManifest(inRegistry(repo.service), digestOf(2))).toBeUndefined();
      expect((await registry.getManifest(inRegistry(repo.service), digestOf(1)))?.digest).toBe(
        digestOf(1),
      );
    } finally {
      registry.close();
    }
    for (const droplet of DROPLETS) {
      expect(await dropletDigests(droplet.container, repo.repository), droplet.name).toEqual(
        digestsOfBuilds(1, 3, 4, 5, 6, 7),
      );
    }

    const gc = result.garbageCollection;
    expect(gc.outcome).toBe('started');
    expect(gc.status).toBe('succeeded');
    const collections = await garbageCollections();
    expect(collections.length).toBe(collectionsBefore.length + 1);
    expect(collections.find((c) => c.uuid === gc.id)?.status).toBe('succeeded');
  });

  it('changes nothing more when run again: what is left is all kept', async () => {
    const before = await snapshot();
    const result = await opsctlOk<ImagesPruneResult>(
      repo.dir,
      ['images', 'prune', '--keep', '5'],
      env,
    );
    expect(result.registry[0]?.manifests.every((m) => m.action === 'keep')).toBe(true);
    expect(result.garbageCollection.outcome).toBe('not-needed');
    expect(await snapshot()).toEqual(before);
  });
});
