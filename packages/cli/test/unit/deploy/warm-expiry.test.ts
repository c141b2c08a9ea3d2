import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduleWarmExpiry } from '../../../src/deploy/commands/warm-expiry.js';
import { makeTempDir } from '../../support/temp-dir.js';

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ path: dir, remove } = await makeTempDir());
});
afterEach(async () => {
  await remove();
});

const UNTIL = '2026-12-08T01:10:00.000Z';

/**
 * Runs the droplet's expiry script itself (without the detaching wrapper, and with no wait) in a
 * temp dir, with a `docker` on PATH that records what it was asked.
 */
async function expire(files: { warm: object | undefined; active: object }): Promise<string> {
  const bin = join(dir, 'bin');
  await mkdir(bin);
  await writeFile(join(bin, 'docker'), `#!/bin/sh\necho "$@" >>"${dir}/docker.log"\n`);
  await chmod(join(bin, 'docker'), 0o755);
  const warmFile = join(dir, 'warm.json');
  const activeFile = join(dir, 'active.json');
  if (files.warm !== undefined) await writeFile(warmFile, `${JSON.stringify(files.warm)}\n`);
  await writeFile(activeFile, `${JSON.stringify(files.active)}\n`);
  const argv = scheduleWarmExpiry({
    warmFile,
    activeFile,
    container: 'opsctl-api-blue',
    until: UNTIL,
    afterSeconds: 0,
    stopSeconds: 30,
  }).argv;
  expect(argv.slice(0, 2)).toEqual(['sh', '-c']);
  await execa('sh', ['-c', String(argv[4]), 'opsctl-warm-expiry', ...argv.slice(5).map(String)], {
    env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
  });
  return readFile(join(dir, 'docker.log'), 'utf8').catch(() => '');
}

const kept = { container: 'opsctl-api-blue', until: UNTIL };
const serving = (container: string) => ({ container });

describe('the droplet stopping a kept slot at the end of its window', () => {
  it('stops the container and forgets warm.json when it is still the one kept', async () => {
    expect(await expire({ warm: kept, active: serving('opsctl-api-green') })).toBe(
      'stop --time 30 opsctl-api-blue\n',
    );
    await expect(readFile(join(dir, 'warm.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('leaves it when a rollback put it back in rotation', async () => {
    expect(await expire({ warm: kept, active: serving('opsctl-api-blue') })).toBe('');
  });

  it('leaves it when a later switch kept it again with a new expiry, or nothing is kept', async () => {
    const later = { ...kept, until: '2026-12-08T01:20:00.000Z' };
    expect(await expire({ warm: later, active: serving('opsctl-api-green') })).toBe('');
    expect(await readFile(join(dir, 'warm.json'), 'utf8')).toContain('01:20:00');
    await remove();
    ({ path: dir, remove } = await makeTempDir());
    expect(await expire({ warm: undefined, active: serving('opsctl-api-green') })).toBe('');
  });
});
