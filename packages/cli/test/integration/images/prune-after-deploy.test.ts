import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandContext } from '../../../src/context/create-command-context.js';
import { pruneAfterDeploy } from '../../../src/images/prune-after-deploy.js';
import type { PushResult } from '../../../src/services/push.js';
import { TextCapture } from '../../support/text-capture.js';
import { buildKitPath } from './support/buildkit-path.js';
import { Cleanups } from './support/cleanups.js';
import {
  clearDroplet,
  pullOnDroplet,
  recordDeployments,
  type Release,
} from './support/deployed-state.js';
import {
  DROPLETS,
  dropletDigests,
  emptyRepository,
  registryTags,
} from './support/local-environment.js';
import { removeLocalImages } from './support/local-images.js';
import { opsctlOk } from './support/run-opsctl.js';
import { createServiceRepo, type ServiceRepo } from './support/service-repo.js';

let repo: ServiceRepo;
const builds: Release[] = [];
const cleanups = new Cleanups();

beforeAll(async () => {
  const path = await buildKitPath();
  cleanups.add(path.remove);
  const env = { PATH: path.path };
  repo = await createServiceRepo('afterdeploy');
  const { service, repository } = repo;
  cleanups.add(
    () => repo.remove(),
    () => removeLocalImages(repository),
    () => emptyRepository(service),
  );
  for (const droplet of DROPLETS)
    cleanups.add(() => clearDroplet(droplet.container, service, repository));
  for (let n = 1; n <= 3; n++) {
    const sha = (await repo.commit(`change ${n}`)).slice(0, 12);
    await opsctlOk(repo.dir, ['build'], env);
    const pushed = await opsctlOk<PushResult>(repo.dir, ['push'], env);
    const digest = pushed.pushed.find((p) => p.reference === `${repository}:${sha}`)?.digest;
    if (digest === undefined) throw new Error(`build ${n} was not pushed`);
    builds.push({ sha, digest });
  }
  for (const droplet of DROPLETS) {
    await pullOnDroplet(
      droplet.container,
      repository,
      builds.map((b) => b.digest),
    );
    await recordDeployments(droplet.container, droplet.name, service, repository, {
      previous: builds[0] as Release,
      active: builds[2] as Release,
    });
  }
}, 300_000);

afterAll(async () => {
  await cleanups.run();
}, 120_000);

describe('pruneAfterDeploy, the hook a successful deploy calls', () => {
  it('removes old images on every droplet of the environment but keeps the active and previous release, and leaves the registry alone', async () => {
    const registryBefore = await registryTags(repo.service);
    const stderr = new TextCapture();
    const ctx = createCommandContext({ cwd: repo.dir, env: {}, stdout: new TextCapture(), stderr });
    try {
      const reports = await pruneAfterDeploy(ctx, {
        environment: 'local',
        service: repo.service,
        keep: 1,
      });
      expect(reports.map((r) => r.droplet).sort()).toEqual(['droplet-1', 'droplet-2']);
      for (const report of reports) {
        expect(report.errors).toEqual([]);
        expect(
          report.images.filter((i) => i.action === 'remove').flatMap((i) => i.digests),
        ).toEqual([builds[1]?.digest]);
      }
    } finally {
      await ctx.executors.closeAll();
    }
    const kept = [builds[0]?.digest, builds[2]?.digest].sort();
    for (const droplet of DROPLETS)
      expect(await dropletDigests(droplet.container, repo.repository)).toEqual(kept);
    expect(await registryTags(repo.service)).toEqual(registryBefore);
    expect(stderr.text).toContain('droplet-1: pruned 1 old image(s)');
  });

  it('refuses a retention of 0 before touching anything', async () => {
    const ctx = createCommandContext({
      cwd: repo.dir,
      env: {},
      stdout: new TextCapture(),
      stderr: new TextCapture(),
    });
    await expect(
      pruneAfterDeploy(ctx, { environment: 'local', service: repo.service, keep: 0 }),
    ).rejects.toMatchObject({
      code: 'USAGE',
    });
  });
});
