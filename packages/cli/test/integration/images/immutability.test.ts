import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResult } from '../../../src/services/push.js';
import { buildKitPath } from './support/buildkit-path.js';
import { Cleanups } from './support/cleanups.js';
import { emptyRepository, registryTags } from './support/local-environment.js';
import { removeLocalImages } from './support/local-images.js';
import { opsctlOk, runOpsctl } from './support/run-opsctl.js';
import { createServiceRepo, type ServiceRepo } from './support/service-repo.js';

let repo: ServiceRepo;
let env: Record<string, string>;
const cleanups = new Cleanups();

beforeAll(async () => {
  const path = await buildKitPath();
  cleanups.add(path.remove);
  env = { PATH: path.path };
  repo = await createServiceRepo('immutable');
  const { service, repository } = repo;
  cleanups.add(
    () => repo.remove(),
    () => removeLocalImages(repository),
    () => emptyRepository(service),
  );
}, 60_000);

afterAll(async () => {
  await cleanups.run();
}, 120_000);

const digestOf = (result: PushResult, reference: string): string | undefined =>
  result.pushed.find((p) => p.reference === reference)?.digest;

describe('a pushed commit tag never moves', () => {
  it('refuses to push a rebuilt image under an existing commit tag; the registry keeps the original', async () => {
    const sha = (await repo.commit('first')).slice(0, 12);
    const ref = `${repo.repository}:${sha}`;
    await opsctlOk(repo.dir, ['build'], env);
    const first = await opsctlOk<PushResult>(repo.dir, ['push'], env);
    const original = digestOf(first, ref);
    expect(original).toMatch(/^sha256:[0-9a-f]{64}$/);

    // Same commit, built again without the cache: another image (new build time), same tags.
    await opsctlOk(repo.dir, ['build', '--no-cache'], env);
    const again = await runOpsctl(repo.dir, ['push'], env);
    expect(again.exitCode).toBe(2);
    expect(again.envelope.error?.code).toBe('IMAGE_TAG_IMMUTABLE');
    expect(again.envelope.error?.message).toContain(ref);
    expect(again.envelope.error?.message).toContain(original);

    const tags = await registryTags(repo.service);
    expect(tags[sha]).toBe(original);
    // Nothing else moved either: the check runs before any tag is pushed.
    expect(tags.latest).toBe(original);
  });

  it('pushes the same image again as a no-op for its commit tag', async () => {
    const sha = (await repo.commit('second')).slice(0, 12);
    const ref = `${repo.repository}:${sha}`;
    await opsctlOk(repo.dir, ['build'], env);
    const first = await opsctlOk<PushResult>(repo.dir, ['push'], env);
    const again = await opsctlOk<PushResult>(repo.dir, ['push'], env);
    expect(again.pushed.find((p) => p.reference === ref)).toEqual({
      service: repo.service,
      reference: ref,
      digest: digestOf(first, ref),
      unchanged: true,
    });
  });

  it('moves latest and the branch tag to the newest build, as expected of them', async () => {
    const sha = (await repo.commit('third')).slice(0, 12);
    await opsctlOk(repo.dir, ['build'], env);
    const pushed = await opsctlOk<PushResult>(repo.dir, ['push'], env);
    const tags = await registryTags(repo.service);
    expect(tags.latest).toBe(digestOf(pushed, `${repo.repository}:${sha}`));
    expect(tags.main).toBe(tags.latest);
  });
});
