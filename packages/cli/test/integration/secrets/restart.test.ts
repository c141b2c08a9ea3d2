import { startLoad } from '@opsctl/testbed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiRelease, fakeSha } from '../support/api-images.js';
import { LB_URL, waitForAllUp } from '../support/load-balancer.js';
import { opsctl } from '../support/opsctl.js';
import { DROPLET_CONTAINERS, onDroplet } from './support/droplets.js';
import { tempProject, type TempProject } from './support/temp-project.js';

const release = fakeSha();
let project: TempProject | undefined;

beforeAll(async () => {
  project = await tempProject(
    `services:
  api:
    dockerfile: {root}infrastructure/docker/api/Dockerfile
    context: {root}
    preDeploy: [node, dist/migrate.js]
    env: { SHUTDOWN_DRAIN_DELAY_MS: '0' }
environments:
  local:
    LOCAL_ENVIRONMENT
    secrets:
      - { name: DATABASE_URL, targets: [droplets] }
      - { name: REDIS_URL, targets: [droplets] }
      - { name: DATABASE_CA_CERT, targets: [droplets] }
      - { name: REDIS_CA_CERT, targets: [droplets] }
      - { name: RESTART_PROBE, targets: [droplets] }`,
    'RESTART_PROBE=first-probe-value\n',
  );
  await buildApiRelease(release);
  const deploy = await project.run(['deploy', 'local', '--sha', release]);
  expect(deploy.exitCode, deploy.stderr).toBe(0);
  await waitForAllUp();
});

afterAll(async () => {
  await opsctl(['secrets', 'sync', 'local', '--target', 'droplets']);
  await project?.remove();
});

const probeOn = async (container: string): Promise<string> => {
  const active = JSON.parse(await onDroplet(container, 'cat /var/lib/opsctl/api/active.json')) as {
    container: string;
    sha: string;
  };
  return onDroplet(container, 'docker exec "$1" printenv RESTART_PROBE', active.container);
};

describe('secrets sync --restart', () => {
  it('leaves a running service on its old values until asked to restart it', async () => {
    if (project === undefined) throw new Error('the project was not set up');
    const sync = await project.run(
      ['secrets', 'sync', 'local', '--stdin'],
      {},
      'RESTART_PROBE=second-probe-value\n',
    );
    expect(sync.exitCode, sync.stderr).toBe(0);
    for (const container of DROPLET_CONTAINERS)
      expect(await probeOn(container)).toBe('first-probe-value\n');
  });

  it('redeploys the serving release blue-green with the new values, dropping no request', async () => {
    if (project === undefined) throw new Error('the project was not set up');
    const load = startLoad({ url: LB_URL, path: '/version', rate: 50, maxRequests: 10_000 });
    const sync = await project.run(
      ['secrets', 'sync', 'local', '--stdin', '--restart', '--json'],
      {},
      'RESTART_PROBE=third-probe-value\n',
    );
    const report = await load.stop();
    expect(sync.exitCode, sync.stderr).toBe(0);
    const result = (
      JSON.parse(sync.stdout) as { result: { restarted: { service: string; sha: string }[] } }
    ).result;
    expect(result.restarted).toEqual([{ service: 'api', sha: release.slice(0, 12) }]);
    expect(report.failures).toEqual({});
    for (const container of DROPLET_CONTAINERS)
      expect(await probeOn(container)).toBe('third-probe-value\n');
  });
});
