import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockRelease, type LockReleaseOptions } from '../../../src/services/lock-release.js';
import { lockStatus } from '../../../src/services/lock-status.js';
import { makeTempDir } from '../../support/temp-dir.js';
import {
  holderFile,
  live,
  lockContext,
  plant,
  stale,
  TTL,
  writeLockConfig,
} from './support/lock-fixture.js';
import { TempDroplet } from './support/temp-droplet.js';
import { refusal } from '../../support/refusal.js';

let temp: { path: string; remove: () => Promise<void> };
let config: string;
let d1: TempDroplet;
let d2: TempDroplet;
beforeEach(async () => {
  temp = await makeTempDir('opsctl-lock-release-');
  config = await writeLockConfig(temp.path);
  d1 = await TempDroplet.create(temp.path, 'droplet-1');
  d2 = await TempDroplet.create(temp.path, 'droplet-2');
});
afterEach(async () => {
  await temp.remove();
});

const noWait = (): Promise<void> => Promise.resolve();
const release = (over: Partial<LockReleaseOptions> = {}, dryRun = false) => {
  const { ctx, stdout } = lockContext(config, [d1, d2], { dryRun });
  return { run: lockRelease(ctx, { force: false, sleep: noWait, ...over }), stdout };
};

describe('opsctl lock release', () => {
  it('has nothing to do when the lock is free, and takes no lock', async () => {
    const { run, stdout } = release();
    const result = await run;
    expect(result.droplets.map((d) => [d.droplet, d.outcome])).toEqual([
      ['droplet-1', 'free'],
      ['droplet-2', 'free'],
    ]);
    expect(d1.descriptions.every((x) => x.startsWith('read the lock'))).toBe(true);
    expect(await holderFile(d1)).toBeUndefined();
    expect(stdout.text).toContain('staging on droplet-1: free, nothing to release');
  });

  it('refuses a live holder with exit 5 naming it and pointing to --force, changing nothing anywhere', async () => {
    // droplet-1 is stale, droplet-2 live: the refusal on droplet-2 keeps droplet-1 as it was too.
    const [old, current] = [stale('token-old'), live()];
    await plant(d1, old);
    await plant(d2, current);
    const error = await refusal(release().run);
    expect(error.code).toBe('LOCK_RELEASE_REFUSED');
    expect(error.exitCode).toBe(5);
    expect(error.message).toContain('bob on ci-runner-7 (pid 4242, deploy of abcdef123456');
    expect(error.message).toContain('on droplet-2');
    expect(error.message).toContain('Nothing was released.');
    expect(error.hint).toContain('--force');
    expect(await holderFile(d1)).toBe(old);
    expect(await holderFile(d2)).toBe(current);
  });

  it('releases a live holder with --force on every droplet, saying what it did on each', async () => {
    const record = live();
    await plant(d1, record);
    await plant(d2, record);
    const { run, stdout } = release({ force: true });
    const result = await run;
    expect(result.droplets.map((d) => d.outcome)).toEqual(['released', 'released']);
    expect(result.droplets[0]?.holder?.token).toBe('other-token');
    expect(await holderFile(d1)).toBeUndefined();
    expect(await holderFile(d2)).toBeUndefined();
    expect(stdout.text).toContain(
      'staging on droplet-2: released (bob on ci-runner-7 (pid 4242), live, released because of --force)',
    );
  });

  it('releases a stale holder without --force, compare-and-swap then release', async () => {
    const record = stale();
    await plant(d1, record);
    await plant(d2, record);
    const result = await release().run;
    expect(result.droplets.map((d) => d.outcome)).toEqual(['released', 'released']);
    expect(result.droplets[0]?.reason).toBe('stale: not renewed within deploy.lockTtl');
    expect(d1.descriptions.slice(1).map((x) => x.split(' /')[0])).toEqual([
      'take over the stale lock',
      'release the lock',
    ]);
    expect(await holderFile(d1)).toBeUndefined();
    expect(await holderFile(d2)).toBeUndefined();
  });

  it('leaves a holder that renews between the read and the release, releasing nothing, and says so', async () => {
    await plant(d1, stale());
    const renewed = live();
    // The holder's heartbeat lands right after our read: the takeover must see the change.
    d1.intercept(async (cmd) => {
      if (cmd.description?.startsWith('take over') === true) await plant(d1, renewed);
    });
    const error = await refusal(release().run);
    expect(error.code).toBe('LOCK_RELEASE_INCOMPLETE');
    expect(error.exitCode).toBe(5);
    expect(error.message).toBe(
      'The lock of staging was not released on droplet-1 (its record changed since it was read). Nothing was released.',
    );
    expect(await holderFile(d1)).toBe(renewed);
    const details = error.details as { droplets: { outcome: string }[] };
    expect(details.droplets.map((d) => d.outcome)).toEqual(['changed', 'free']);
  });

  it('releases where the droplets disagree: a stale holder on one, another stale holder or none on the others', async () => {
    const [a, b] = [stale('token-a'), stale('token-b')];
    await plant(d1, a);
    await plant(d2, b);
    const both = await release().run;
    expect(both.droplets.map((d) => [d.outcome, d.holder?.token])).toEqual([
      ['released', 'token-a'],
      ['released', 'token-b'],
    ]);
    await plant(d2, stale('token-c'));
    const one = await release().run;
    expect(one.droplets.map((d) => d.outcome)).toEqual(['free', 'released']);
    expect(await holderFile(d1)).toBeUndefined();
    expect(await holderFile(d2)).toBeUndefined();
  });

  it('reports exit 4 when one droplet was released and another failed, naming it', async () => {
    const record = stale();
    await plant(d1, record);
    await plant(d2, record);
    d2.intercept((cmd) => {
      if (cmd.description?.startsWith('take over') === true) throw new Error('connection reset');
    });
    const error = await refusal(release().run);
    expect(error.exitCode).toBe(4);
    expect(error.message).toContain('droplet-2 (connection reset)');
    expect(error.message).toContain('It was released on 1 droplet.');
    expect(await holderFile(d1)).toBeUndefined();
    expect(await holderFile(d2)).toBe(record);
  });

  it('leaves its own readable record when a droplet stops answering after the takeover, which goes stale by the TTL', async () => {
    await plant(d1, stale());
    d1.intercept((cmd) => {
      if (cmd.description?.startsWith('release the lock') === true)
        throw new Error('connection lost');
    });
    const error = await refusal(release().run);
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('droplet-1 (could not release the lock');
    const later = Date.now() + TTL + 1000;
    const now = await lockStatus(lockContext(config, [d1, d2]).ctx);
    const after = await lockStatus(lockContext(config, [d1, d2]).ctx, { now: () => later });
    expect(now.droplets[0]?.holder).toMatchObject({ kind: 'release', pid: process.pid });
    expect(now.droplets[0]?.stale).toBe(false);
    expect(after.droplets[0]?.stale).toBe(true);
  });

  it('shows under --dry-run the commands it would run per droplet and changes nothing', async () => {
    const record = stale();
    await plant(d1, record);
    await plant(d2, record);
    const { run, stdout } = release({}, true);
    const result = await run;
    expect(result.dryRun).toBe(true);
    expect(result.droplets.map((d) => d.outcome)).toEqual(['would-release', 'would-release']);
    expect(await holderFile(d1)).toBe(record);
    expect(await holderFile(d2)).toBe(record);
    // Only the reads reached the droplets; the takeover and release were recorded, not run.
    expect(
      [...d1.descriptions, ...d2.descriptions].every((x) => x.startsWith('read the lock')),
    ).toBe(true);
    const text = stdout.text;
    expect(text).toContain('staging on droplet-1: would release (dry run)');
    expect(text).toContain('# take over the stale lock /var/lib/opsctl/locks/staging');
    expect(text).toContain('# release the lock /var/lib/opsctl/locks/staging');
    expect(text).toContain('4 commands on 2 hosts. Nothing was changed (dry run).');
  });
});
