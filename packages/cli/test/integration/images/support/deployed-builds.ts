import type { PushResult } from '../../../../src/services/push.js';
import { buildKitPath } from './buildkit-path.js';
import type { Cleanups } from './cleanups.js';
import { clearDroplet, pullOnDroplet, recordDeployments, type Release } from './deployed-state.js';
import { DROPLETS, emptyRepository } from './local-environment.js';
import { removeLocalImages } from './local-images.js';
import { opsctlOk } from './run-opsctl.js';
import { createServiceRepo, type ServiceRepo } from './service-repo.js';

export interface DeployedBuilds {
  readonly repo: ServiceRepo;
  /** The environment `opsctl build` and `push` need (a PATH with a BuildKit docker). */
  readonly env: Record<string, string>;
  /** Builds 1..count in commit order: 12-character SHA and manifest digest in the registry. */
  readonly builds: readonly Release[];
}

/**
 * A service repository with `count` commits, each built and pushed by opsctl; every droplet holds
 * all the images, with the last build deployed and the first as the release a rollback returns
 * to. Everything it leaves (local images, registry tags, droplet state) is registered in
 * `cleanups`.
 */
export async function deployedBuilds(
  prefix: string,
  count: number,
  cleanups: Cleanups,
): Promise<DeployedBuilds> {
  const path = await buildKitPath();
  cleanups.add(path.remove);
  const env = { PATH: path.path };
  const repo = await createServiceRepo(prefix);
  const { service, repository } = repo;
  cleanups.add(
    () => repo.remove(),
    () => removeLocalImages(repository),
    () => emptyRepository(service),
  );
  for (const droplet of DROPLETS)
    cleanups.add(() => clearDroplet(droplet.container, service, repository));
  const builds: Release[] = [];
  for (let n = 1; n <= count; n++) {
    const sha = (await repo.commit(`change ${n}`)).slice(0, 12);
    await opsctlOk(repo.dir, ['build'], env);
    const pushed = await opsctlOk<PushResult>(repo.dir, ['push'], env);
    const commit = pushed.pushed.find((p) => p.reference === `${repository}:${sha}`);
    if (commit === undefined) throw new Error(`push of build ${n} reported no ${sha} tag`);
    builds.push({ sha, digest: commit.digest });
  }
  for (const droplet of DROPLETS) {
    await pullOnDroplet(
      droplet.container,
      repository,
      builds.map((b) => b.digest),
    );
    await recordDeployments(droplet.container, droplet.name, service, repository, {
      previous: builds[0] as Release,
      active: builds[count - 1] as Release,
    });
  }
  return { repo, env, builds };
}
