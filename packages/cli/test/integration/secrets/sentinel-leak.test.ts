import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  startGitHubStandIn,
  startVercelStandIn,
  type GitHubStandIn,
  type VercelStandIn,
} from '@opsctl/testbed';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiRelease, fakeSha } from '../support/api-images.js';
import { waitForAllUp } from '../support/load-balancer.js';
import { opsctl } from '../support/opsctl.js';
import { stateDir } from '../support/paths.js';
import { DROPLET_CONTAINERS, onDroplet } from './support/droplets.js';
import { tempProject, type TempProject } from './support/temp-project.js';

// Every sentinel carries this random marker: finding the marker anywhere is a leak.
const MARKER = `snt${randomBytes(6).toString('hex')}`;
const SENTINELS = {
  SENTINEL_PLAIN: `opsctl-${MARKER}-plain-value`,
  SENTINEL_MULTI: `opsctl-${MARKER}-first-line\nopsctl-${MARKER}-second "quoted" $x`,
  SENTINEL_GITHUB: `opsctl-${MARKER}-github-only`,
};
const ROTATED = `opsctl-${MARKER}-rotated-value`;
const dotenv = (v: string): string =>
  `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('$', '\\$').replaceAll('\n', '\\n')}"`;

const good = fakeSha();
const bad = fakeSha();
let project: TempProject | undefined;
let github: GitHubStandIn | undefined;
let vercel: VercelStandIn | undefined;
let apiEnv: Record<string, string>;
/** Everything opsctl printed in this test, to be searched at the end. */
const printed: { what: string; text: string }[] = [];

async function run(what: string, args: string[], env: Record<string, string> = {}, input?: string) {
  if (project === undefined) throw new Error('the project was not set up');
  const r = await project.run([...args, '--verbose'], { ...apiEnv, ...env }, input);
  printed.push(
    { what: `${what} stdout`, text: r.stdout },
    { what: `${what} stderr`, text: r.stderr },
  );
  return r;
}

const leaks = (text: string): number => text.split(MARKER).length - 1;

beforeAll(async () => {
  github = await startGitHubStandIn({
    token: 'ghp_sentinel_test_token_00000000000',
    repositories: [{ name: 'opsctl-local/opsctl', environments: ['local'] }],
  });
  vercel = await startVercelStandIn({
    token: 'vercel_sentinel_test_token_0000',
    projects: [{ id: 'prj_opsctllocalweb', name: 'opsctl-web', teamId: 'team_opsctllocal' }],
  });
  apiEnv = {
    OPSCTL_GITHUB_API_URL: github.url,
    OPSCTL_GITHUB_TOKEN: 'ghp_sentinel_test_token_00000000000',
    OPSCTL_VERCEL_API_URL: vercel.url,
    OPSCTL_VERCEL_TOKEN: 'vercel_sentinel_test_token_0000',
  };
  project = await tempProject(
    `github:
  repository: opsctl-local/opsctl
services:
  api:
    dockerfile: {root}infrastructure/docker/api/Dockerfile
    context: {root}
    port: 3000
    healthPath: /health
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
      - name: SENTINEL_PLAIN
        targets:
          - droplets
          - { github: { environment: local } }
          - vercel: { project: opsctl-web, teamId: team_opsctllocal, targets: [preview] }
      - { name: SENTINEL_MULTI, targets: [droplets, github] }
      - { name: SENTINEL_GITHUB, targets: [github] }`,
    Object.entries(SENTINELS)
      .map(([k, v]) => `${k}=${dotenv(v)}\n`)
      .join(''),
  );
  await buildApiRelease(good);
  await buildApiRelease(bad, { neverHealthy: true });
});

afterAll(async () => {
  // Leave the droplets' api env file as the checkout's own configuration declares it.
  await opsctl(['secrets', 'sync', 'local', '--target', 'droplets']);
  await project?.remove();
  await github?.close();
  await vercel?.close();
});

describe('secret values never leak', () => {
  it('arrive where declared through sync, deploy, a failing deploy and dry runs', async () => {
    const sync = await run('sync', ['secrets', 'sync', 'local']);
    expect(sync.exitCode, sync.stderr).toBe(0);
    expect(github?.openedSecret('opsctl-local/opsctl', 'local', 'SENTINEL_PLAIN')).toBe(
      SENTINELS.SENTINEL_PLAIN,
    );
    expect(github?.openedSecret('opsctl-local/opsctl', undefined, 'SENTINEL_MULTI')).toBe(
      SENTINELS.SENTINEL_MULTI,
    );
    expect(vercel?.storedValue('opsctl-web', 'SENTINEL_PLAIN', 'preview')).toBe(
      SENTINELS.SENTINEL_PLAIN,
    );

    const dry = await run(
      'sync --dry-run',
      ['secrets', 'sync', 'local', '--dry-run'],
      {},
      `SENTINEL_PLAIN=${ROTATED}\n`,
    );
    expect(dry.exitCode).toBe(0);
    const dryStdin = await run(
      'sync --dry-run --stdin',
      ['secrets', 'sync', 'local', '--dry-run', '--stdin'],
      {},
      `SENTINEL_PLAIN=${ROTATED}\n`,
    );
    expect(dryStdin.stdout).toMatch(/SENTINEL_PLAIN\s+vercel:opsctl-web \(preview\)\s+updated/);

    const deployDry = await run('deploy --dry-run', [
      'deploy',
      'local',
      '--sha',
      good,
      '--dry-run',
    ]);
    expect(deployDry.exitCode, deployDry.stderr).toBe(0);
    const deploy = await run('deploy', ['deploy', 'local', '--sha', good]);
    expect(deploy.exitCode, deploy.stderr).toBe(0);
    await waitForAllUp();
    // The running release got the values (through the env file, never the image or argv).
    for (const container of DROPLET_CONTAINERS) {
      const active = JSON.parse(
        await onDroplet(container, 'cat /var/lib/opsctl/api/active.json'),
      ) as { container: string };
      const slot = active.container;
      expect(slot).not.toBe('');
      expect(await onDroplet(container, 'docker exec "$1" printenv SENTINEL_PLAIN', slot)).toBe(
        `${SENTINELS.SENTINEL_PLAIN}\n`,
      );
    }

    const failing = await run('failing deploy', ['deploy', 'local', '--sha', bad]);
    expect(failing.exitCode).not.toBe(0);
    expect(failing.stderr).toContain('RELEASE_UNHEALTHY');

    const json = await run(
      'sync --json',
      ['secrets', 'sync', 'local', '--json', '--stdin'],
      {},
      `SENTINEL_PLAIN=${ROTATED}\n`,
    );
    expect(json.exitCode, json.stdout).toBe(0);
  });

  it('are announced with ::add-mask:: first under GitHub Actions, and otherwise masked', async () => {
    if (project === undefined) throw new Error('the project was not set up');
    const r = await project.run(['secrets', 'sync', 'local'], {
      ...apiEnv,
      GITHUB_ACTIONS: 'true',
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const masks = lines.filter((l) => l.startsWith('::add-mask::'));
    expect(masks).toEqual(
      expect.arrayContaining([
        `::add-mask::${SENTINELS.SENTINEL_PLAIN}`,
        `::add-mask::opsctl-${MARKER}-first-line`,
        `::add-mask::opsctl-${MARKER}-second "quoted" $x`,
      ]),
    );
    // Every announcement comes before the first line of the result.
    const lastMask = lines.findLastIndex((l) => l.startsWith('::add-mask::'));
    const firstResult = lines.findIndex((l) => /^SECRET\s+TARGET/.test(l));
    expect(lastMask).toBeLessThan(firstResult);
    printed.push(
      {
        what: 'GitHub Actions stdout without ::add-mask::',
        text: lines.filter((l) => !l.startsWith('::add-mask::')).join('\n'),
      },
      { what: 'GitHub Actions stderr', text: r.stderr },
    );
  });

  it('appear nowhere: output, logs, droplet files and logs, or any layer of the deployed image', async () => {
    const found: string[] = [];
    for (const { what, text } of printed) if (leaks(text) > 0) found.push(what);
    const cloudLog = await readFile(join(stateDir, 'cloud-apis.log'), 'utf8').catch(() => '');
    if (leaks(cloudLog) > 0) found.push('cloud-apis.log');
    for (const container of DROPLET_CONTAINERS) {
      // Files: logs, opsctl's state and release records, nginx, home directories, temp files.
      // Not runc's own process specs: for every exec into a container (the image's HEALTHCHECK,
      // every 5 s) runc writes the process, with the container's environment as
      // /proc/<pid>/environ holds it, to a root-only /tmp/runc-process* file it deletes once the
      // process starts. A grep that meets one by chance found the running release's own env.
      const files = await onDroplet(
        container,
        'grep -rlF --exclude="runc-process*" "$1" /var/log /var/lib/opsctl /etc/nginx /etc/opsctl/nginx /home /root /tmp 2>/dev/null || true',
        MARKER,
      );
      if (files.trim() !== '') found.push(`${container}: ${files.trim()}`);
      // Logs of every container on the droplet, and of the droplet itself (sshd, dockerd).
      const logs = await onDroplet(
        container,
        'for c in $(docker ps -aq); do docker logs "$c" 2>&1; done',
      );
      if (leaks(logs) > 0) found.push(`${container}: container logs`);
      const own = await execa('docker', ['logs', container], { all: true });
      if (leaks(own.all) > 0) found.push(`${container}: droplet log`);
    }
    // Every layer of the image that was deployed (docker save: uncompressed layer tars).
    const image = `registry.opsctl.local:5443/opsctl-local/api:${good.slice(0, 12)}`;
    const saved = await execa('sh', [
      '-c',
      'docker save "$1" | grep -caF "$2" || true',
      'sh',
      image,
      MARKER,
    ]);
    if (saved.stdout.trim() !== '0') found.push(`image ${image}: ${saved.stdout.trim()} lines`);
    expect(found).toEqual([]);
    // Controls, so the search above is known to work: the output did talk about the secrets by
    // name, the values are where they belong, and the image holds what was built into it.
    expect(printed.some(({ text }) => text.includes('SENTINEL_PLAIN'))).toBe(true);
    for (const container of DROPLET_CONTAINERS) {
      expect(
        await onDroplet(container, 'grep -lF "$1" /etc/opsctl/env/api.env || true', MARKER),
      ).toBe('/etc/opsctl/env/api.env\n');
    }
    const control = await execa('sh', [
      '-c',
      'docker save "$1" | grep -caF "$2" || true',
      'sh',
      image,
      good,
    ]);
    expect(Number(control.stdout.trim())).toBeGreaterThan(0);
  });
});
