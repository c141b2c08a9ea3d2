import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandContext } from '../../../src/context/create-command-context.js';
import { pruneAfterDeploy } from '../../../src/images/prune-after-deploy.js';
import { TextCapture } from '../../support/text-capture.js';
import { Cleanups } from './support/cleanups.js';
import { deployedBuilds } from './support/deployed-builds.js';
import type { Release } from './support/deployed-state.js';
import { DROPLETS, dropletDigests, registryTags } from './support/local-environment.js';
import type { ServiceRepo } from './support/service-repo.js';

let repo: ServiceRepo;
let builds: readonly Release[] = [];
const cleanups = new Cleanups();

beforeAll(async () => {
  ({ repo, builds } = await deployedBuilds('afterdeploy', 3, cleanups));
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
