import { readFile, rm, writeFile } from 'node:fs/promises';
import { startLoad } from '@opsctl/testbed';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiRelease, fakeSha } from '../support/api-images.js';
import { LB_URL, waitForAllUp } from '../support/load-balancer.js';
import { opsctl } from '../support/opsctl.js';
import { repoRoot } from '../support/paths.js';

const v1 = fakeSha();
const v2 = fakeSha();
const short = (sha: string): string => sha.slice(0, 12);
const DROPLETS = ['opsctl-local-droplet-1', 'opsctl-local-droplet-2'];
/** The same config with deploy.warmWindow 0 (beside opsctl.yaml, so its relative paths hold). */
const warmOff = `${repoRoot}opsctl.warm-off.test.yaml`;

interface SlotContainer {
  readonly id: string;
  readonly startedAt: string;
  readonly status: string;
}

/** The api slot containers on a droplet's own engine, by the release they run. */
async function slotsOn(droplet: string): Promise<Map<string, SlotContainer>> {
  const { stdout } = await execa('docker', [
    'exec',
    droplet,
    'sh',
    '-c',
    'docker inspect --format "$1" opsctl-api-blue opsctl-api-green 2>/dev/null || true',
    'sh',
    '{{index .Config.Labels "opsctl.sha"}} {{.Id}} {{.State.StartedAt}} {{.State.Status}}',
  ]);
  return new Map(
    stdout
      .trim()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        const [sha = '', id = '', startedAt = '', status = ''] = l.split(' ');
        return [sha, { id, startedAt, status }];
      }),
  );
}

interface WarmView {
  readonly droplet: string;
  readonly warm?: { sha: string; expired: boolean; memory?: string };
}
const warmOf = async (args: string[] = []): Promise<WarmView[]> => {
  const run = await opsctl(['status', 'local', ...args, '--json']);
  expect(run.exitCode, run.stderr).toBe(0);
  return (run.json?.result as { droplets: WarmView[] }).droplets;
};

describe('a rollback within the warm window is a switch to the release still running', () => {
  beforeAll(async () => {
    const config = await readFile(`${repoRoot}opsctl.yaml`, 'utf8');
    const anchor = '      lockTtl: 5m\n';
    expect(config.split(anchor)).toHaveLength(2);
    await writeFile(warmOff, config.replace(anchor, `${anchor}      warmWindow: 0s\n`));
    await buildApiRelease(v1);
    await buildApiRelease(v2);
    for (const sha of [v1, v2]) {
      const run = await opsctl(['deploy', 'local', '--sha', sha, '--json']);
      expect(run.exitCode, run.stderr).toBe(0);
    }
    await waitForAllUp();
  });
  afterAll(async () => {
    await rm(warmOff, { force: true });
  });

  it('switches every droplet back under load without failing a request or restarting the old slot', async () => {
    const before = await Promise.all(DROPLETS.map(slotsOn));
    for (const slots of before) expect(slots.get(short(v1))?.status).toBe('running');
    const shown = await warmOf();
    expect(shown.map((d) => d.warm?.sha)).toEqual([short(v1), short(v1)]);
    for (const d of shown) {
      expect(d.warm?.expired).toBe(false);
      expect(d.warm?.memory, `${d.droplet} memory of the kept slot`).toMatch(/B \/ /);
    }

    const load = startLoad({
      url: LB_URL,
      path: '/version',
      rate: 100,
      connections: 8,
      maxRequests: 20_000,
    });
    let run;
    try {
      run = await opsctl(['rollback', 'local', '--json']);
    } finally {
      const report = await load.stop();
      expect(report.failures, 'failed requests').toEqual({});
      expect(report.sent).toBeGreaterThan(0);
    }
    expect(run.exitCode, run.stderr).toBe(0);
    const result = run.json?.result as { sha: string; path: { path: string; reason: string } };
    expect(result.sha).toBe(short(v1));
    expect(result.path.path, result.path.reason).toBe('warm');

    const after = await Promise.all(DROPLETS.map(slotsOn));
    DROPLETS.forEach((droplet, i) => {
      // The same container, never restarted: the rollback only pointed nginx back at it.
      expect(after[i]?.get(short(v1)), droplet).toEqual(before[i]?.get(short(v1)));
      // And the release it left is the one kept warm now.
      expect(after[i]?.get(short(v2))?.status, droplet).toBe('running');
    });
    expect((await warmOf()).map((d) => d.warm?.sha)).toEqual([short(v2), short(v2)]);
  });

  it('with a window of 0 stops the old slot after the switch, and rolls back cold saying why', async () => {
    const deployed = await opsctl(['deploy', 'local', '--sha', v2, '--config', warmOff, '--json']);
    expect(deployed.exitCode, deployed.stderr).toBe(0);
    for (const droplet of DROPLETS) {
      const slots = await slotsOn(droplet);
      expect(slots.get(short(v2))?.status, droplet).toBe('running');
      expect(slots.get(short(v1))?.status, droplet).toBe('exited');
    }
    expect((await warmOf(['--config', warmOff])).map((d) => d.warm)).toEqual([
      undefined,
      undefined,
    ]);
    const back = await opsctl(['rollback', 'local', '--config', warmOff, '--json']);
    expect(back.exitCode, back.stderr).toBe(0);
    expect((back.json?.result as { path: unknown }).path).toEqual({
      path: 'cold',
      reason: 'deploy.warmWindow is 0 (off)',
    });
  });
});
