import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { startLoad } from '@opsctl/testbed';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiRelease, fakeSha } from '../support/api-images.js';
import { LB_URL, versionOf, waitForAllUp } from '../support/load-balancer.js';
import { opsctl, startOpsctl } from '../support/opsctl.js';

const good = fakeSha();
const next = fakeSha();
const neverHealthy = fakeSha();
const liesAboutVersion = fakeSha();
const short = (sha: string): string => sha.slice(0, 12);

interface DropletState {
  droplet: string;
  sha?: string;
  health?: string;
  loadBalancerCheck?: string;
}

async function statusOf(): Promise<DropletState[]> {
  const run = await opsctl(['status', 'local', '--json']);
  expect(run.exitCode, run.stderr).toBe(0);
  return (run.json?.result as { droplets: DropletState[] }).droplets;
}

/** Every droplet serves `sha` from a running, healthy container that nginx routes to. */
async function expectServing(sha: string): Promise<void> {
  for (const d of await statusOf()) {
    expect(d, d.droplet).toMatchObject({
      sha: short(sha),
      health: 'running healthy',
      loadBalancerCheck: '200',
    });
  }
}

/** Resolves once the running CLI has printed `text` on stderr; rejects if it ends first. */
function whenPrinted(child: ReturnType<typeof startOpsctl>, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve();
    });
    void child.then((r) => {
      reject(
        new Error(`opsctl ended (exit ${r.exitCode ?? '?'}) before printing "${text}":\n${seen}`),
      );
    });
  });
}

/** Every droplet serves from a running, healthy container that nginx routes to, whichever release. */
async function expectNginxOnLiveContainers(): Promise<void> {
  for (const d of await statusOf()) {
    expect(d, d.droplet).toMatchObject({ health: 'running healthy', loadBalancerCheck: '200' });
  }
}

describe('deploys that go wrong', () => {
  beforeAll(async () => {
    await buildApiRelease(good);
    await buildApiRelease(next);
    await buildApiRelease(neverHealthy, { neverHealthy: true });
    await buildApiRelease(liesAboutVersion, { reportedSha: fakeSha() });
    const first = await opsctl(['deploy', 'local', '--sha', good]);
    expect(first.exitCode, first.stderr).toBe(0);
    await waitForAllUp();
  });

  it('keep the old release serving when the new one never turns healthy, dropping nothing', async () => {
    const load = startLoad({ url: LB_URL, path: '/version', rate: 50, maxRequests: 10_000 });
    const run = await opsctl(['deploy', 'local', '--sha', neverHealthy, '--json']);
    const report = await load.stop();
    expect(run.exitCode).not.toBe(0);
    expect(run.json?.error?.code).toBe('RELEASE_UNHEALTHY');
    expect(run.json?.error?.message).toContain('never listening');
    expect(report.failures).toEqual({});
    expect(new Set(report.answers.map((a) => versionOf(a.body)))).toEqual(new Set([short(good)]));
    await expectServing(good);
  });

  it('roll back by themselves when the smoke test through the load balancer fails', async () => {
    const load = startLoad({ url: LB_URL, path: '/health', rate: 50, maxRequests: 10_000 });
    const run = await opsctl(['deploy', 'local', '--sha', liesAboutVersion, '--json']);
    const report = await load.stop();
    expect(run.exitCode).not.toBe(0);
    expect(run.json?.error?.code).toBe('SMOKE_TEST_FAILED');
    expect(run.json?.error?.message).toMatch(
      /Rolled back automatically to the previous release on: droplet-1, droplet-2/,
    );
    expect(report.failures).toEqual({});
    await expectServing(good);
  });

  it('refuse a second deploy while one holds the lock, naming the holder', async () => {
    const first = startOpsctl(['deploy', 'local', '--sha', next]);
    await whenPrinted(first, 'starting');
    const second = await opsctl(['deploy', 'local', '--sha', next, '--json']);
    expect((await first).exitCode).toBe(0);
    expect(second.exitCode, second.stdout).toBe(5);
    expect(second.json?.error?.code).toBe('DEPLOY_LOCK_HELD');
    expect(second.json?.error?.message).toMatch(
      /held by root on .+ \(pid \d+, deploy of [0-9a-f]{12}, since .+\) on droplet-\d/,
    );
    await expectServing(next);
  });

  it('fail clearly when the SSH connection drops mid-deploy, leave nginx on a live container, and finish on a re-run', async () => {
    const run = startOpsctl(['deploy', 'local', '--sha', good]);
    await whenPrinted(run, 'droplet-1: waiting for');
    // Cut every deploy-user session on droplet-1 for two seconds: the health polls in flight
    // (and reconnection attempts) fail with it. Afterwards the network is fine again.
    const until = Date.now() + 2_000;
    while (Date.now() < until) {
      await execa('docker', ['exec', 'opsctl-local-droplet-1', 'pkill', '-f', 'sshd: deploy'], {
        reject: false,
      });
      await sleep(50);
    }
    const result = await run;
    expect(result.exitCode).toBe(3);
    expect(result.stderr).toMatch(
      /(SSH connection to droplet-1 .* was lost|Cannot connect to droplet-1 .*closed)/,
    );
    expect(result.stderr).not.toMatch(/could not release the lock/);
    await expectNginxOnLiveContainers();
    const again = await opsctl(['deploy', 'local', '--sha', good]);
    expect(again.exitCode, again.stderr).toBe(0);
    await expectServing(good);
  });

  it('stop cleanly on Ctrl-C mid-deploy, release the lock, and finish on a re-run', async () => {
    const run = startOpsctl(['deploy', 'local', '--sha', next]);
    await whenPrinted(run, 'droplet-1: waiting for');
    run.kill('SIGINT');
    const result = await run;
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toMatch(/cancel/i);
    await expectServing(good);
    const again = await opsctl(['deploy', 'local', '--sha', next]);
    expect(again.exitCode, again.stderr).toBe(0);
    await expectServing(next);
  });

  it('bring the active slot back behind nginx after a droplet restarts', async () => {
    await execa('docker', ['restart', 'opsctl-local-droplet-2']);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const res = await fetch('http://127.0.0.1:8082/health').catch(() => undefined);
      if (res?.status === 200) break;
      if (Date.now() > deadline) throw new Error('droplet-2 did not serve again after its restart');
      await sleep(500);
    }
    await expectServing(next);
    await waitForAllUp();
  });
});
