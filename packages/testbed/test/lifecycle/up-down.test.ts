import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { digitalOceanContract } from '../../src/digitalocean/contract-file.js';
import { readCloudApis } from '../../src/local/cloud-apis.js';
import { labelled } from '../../src/local/docker-cli.js';
import { down, up } from '../../src/local/environment.js';
import { localLayout } from '../../src/local/layout.js';
import { isAlive } from '../../src/local/processes.js';
import { readState } from '../../src/local/state.js';
import { localStatus } from '../../src/local/status.js';
import { testStateDir } from '../integration/state-dir.js';

const stateDir = testStateDir();
const layout = localLayout(1);

async function namespaces(): Promise<string> {
  return (await execa('ip', ['netns', 'list'], { reject: false })).stdout;
}

/** Every pid the running environment owns: the cloud API process and the Prism it started. */
async function ownedPids(): Promise<number[]> {
  const state = await readState(stateDir);
  const cloud = await readCloudApis(stateDir);
  return [state?.pids.cloudApis, Number(cloud?.prismPid)].filter(
    (p): p is number => typeof p === 'number' && p > 0,
  );
}

async function expectNothingLeft(pids: readonly number[], netnsBefore: string): Promise<void> {
  expect(await labelled('container', layout.label)).toEqual([]);
  expect(await labelled('network', layout.label)).toEqual([]);
  expect(await labelled('volume', layout.label)).toEqual([]);
  for (const pid of pids) expect(isAlive(pid), `process ${pid}`).toBe(false);
  expect(await readFile('/etc/hosts', 'utf8')).not.toContain(layout.registryHost);
  expect(existsSync(`/etc/docker/certs.d/${layout.registryHost}:${layout.registryPort}`)).toBe(
    false,
  );
  expect(await namespaces()).toBe(netnsBefore);
  expect((await localStatus(stateDir)).up).toBe(false);
}

describe('the local environment lifecycle', () => {
  it('leaves no process, container, network, volume, host entry or namespace after down', async () => {
    const netnsBefore = await namespaces();
    await up({ stateDir, droplets: 1, contract: await digitalOceanContract() });
    const pids = await ownedPids();
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(isAlive(pid)).toBe(true);
    await down({ stateDir });
    await expectNothingLeft(pids, netnsBefore);
  });

  it('cleans up the remains of a crashed run before coming up again', async () => {
    const netnsBefore = await namespaces();
    const contract = await digitalOceanContract();
    await up({ stateDir, droplets: 1, contract });
    const crashed = await ownedPids();
    const [cloudApis] = crashed;
    // A crash: the stand-ins' process dies (its Prism child is orphaned), a droplet dies, and the
    // state file still says everything is up.
    if (cloudApis !== undefined) process.kill(cloudApis, 'SIGKILL');
    await execa('docker', ['kill', layout.droplets[0]?.container ?? '']);
    const status = await up({ stateDir, droplets: 1, contract });
    expect(status.healthy).toBe(true);
    expect(status.droplets.map((d) => d.state)).toEqual(['running']);
    for (const pid of crashed)
      expect(isAlive(pid), `process ${pid} of the crashed run`).toBe(false);
    const pids = await ownedPids();
    await down({ stateDir });
    await expectNothingLeft(pids, netnsBefore);
  });
});
