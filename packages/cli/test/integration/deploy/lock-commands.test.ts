import { afterAll, describe, expect, it } from 'vitest';
import { takeEnvironmentLock } from '../../../src/droplet/lock/environment-lock.js';
import type { HolderRecord } from '../../../src/droplet/lock/holder-record.js';
import type { HeldLock, LockDroplet } from '../../../src/droplet/lock/lock-types.js';
import { lockDirOf } from '../../../src/droplet/lock/with-environment-lock.js';
import { command } from '../../../src/exec/remote-command.js';
import { SshExecutor } from '../../../src/exec/ssh-executor.js';
import { opsctl } from '../support/opsctl.js';
import { stateDir } from '../support/paths.js';

/**
 * `opsctl lock status` and `opsctl lock release` against the real droplets of the local
 * environment, over SSH: the test holds the `local` lock the way a deploy does (same service,
 * same record, its own connections), and the commands run as a user runs them.
 */

const DROPLETS = [
  { name: 'droplet-1', port: 2221 },
  { name: 'droplet-2', port: 2222 },
] as const;
const executors: SshExecutor[] = [];

function connect(name: string, port: number): LockDroplet {
  const exec = new SshExecutor({
    name,
    host: '127.0.0.1',
    port,
    user: 'deploy',
    privateKeyPath: `${stateDir}/deploy_key`,
    knownHostsPath: `${stateDir}/known_hosts`,
  });
  executors.push(exec);
  return { name, exec };
}

const all = (): LockDroplet[] => DROPLETS.map((d) => connect(d.name, d.port));

/** Holds the `local` lock as a deploy of `sha` would; `ageMs` back-dates it (a run that died). */
const hold = (sha: string, ageMs = 0): Promise<HeldLock> =>
  takeEnvironmentLock(all(), {
    environment: 'local',
    lockDir: lockDirOf('local'),
    kind: 'deploy',
    sha,
    waitMs: 0,
    ttlMs: 60_000,
    forceUnlock: false,
    now: () => Date.now() - ageMs,
  });

/** A holder record without its renewal time, which the holder's heartbeat rewrites. */
const sansRenewal = (record: string): unknown =>
  record === '' ? '' : { ...(JSON.parse(record) as object), renewedAt: undefined };

const holderFiles = async (): Promise<string[]> =>
  Promise.all(
    all().map(
      async (d) =>
        (
          await d.exec.run(
            command([
              'sh',
              '-c',
              'cat "$1/holder.json" 2>/dev/null || true',
              'sh',
              lockDirOf('local'),
            ]),
          )
        ).stdout,
    ),
  );

interface StatusResult {
  state: string;
  droplets: { droplet: string; state: string; stale: boolean; holder?: HolderRecord }[];
}
interface ReleaseResult {
  dryRun: boolean;
  droplets: { droplet: string; outcome: string }[];
}

afterAll(async () => {
  await Promise.all(executors.map((e) => e.close()));
});

describe('opsctl lock status and lock release on the real droplets', () => {
  it('shows a live holder on every droplet, refuses to release it, and releases it with --force', async () => {
    const held = await hold('feedfacecafe');
    try {
      const status = await opsctl(['lock', 'status', 'local', '--json']);
      expect(status.exitCode, status.stderr).toBe(0);
      const shown = status.json?.result as StatusResult;
      expect(shown.state).toBe('held');
      expect(shown.droplets.map((d) => d.droplet)).toEqual(['droplet-1', 'droplet-2']);
      for (const d of shown.droplets) {
        expect(d).toMatchObject({ state: 'held', stale: false });
        expect(d.holder).toMatchObject({
          token: held.record.token,
          pid: process.pid,
          kind: 'deploy',
          sha: 'feedfacecafe',
        });
      }

      const refused = await opsctl(['lock', 'release', 'local', '--json']);
      expect(refused.exitCode, refused.stdout).toBe(5);
      expect(refused.json?.error?.code).toBe('LOCK_RELEASE_REFUSED');
      expect(refused.json?.error?.message).toContain(`(pid ${process.pid}, deploy of feedfacecafe`);
      const before = await holderFiles();
      expect(before.every((f) => f.includes(held.record.token))).toBe(true);

      const dry = await opsctl(['lock', 'release', 'local', '--force', '--dry-run', '--json']);
      expect(dry.exitCode, dry.stdout).toBe(0);
      expect((dry.json?.result as ReleaseResult).droplets.map((d) => d.outcome)).toEqual([
        'would-release',
        'would-release',
      ]);
      // The holder's own heartbeat may have renewed meanwhile (every TTL / 3): apart from that
      // renewal time, each droplet's record is the one read before the dry run.
      expect((await holderFiles()).map(sansRenewal)).toEqual(before.map(sansRenewal));

      const forced = await opsctl(['lock', 'release', 'local', '--force', '--json']);
      expect(forced.exitCode, forced.stdout).toBe(0);
      expect((forced.json?.result as ReleaseResult).droplets.map((d) => d.outcome)).toEqual([
        'released',
        'released',
      ]);
      expect(await holderFiles()).toEqual(['', '']);
      // The holder notices at its next renewal that its lock was taken from it.
      await held.renew();
      expect(held.lost()).toContain('was taken over (held now by nobody)');
    } finally {
      await held.release();
    }
  });

  it('releases a stale holder without --force, and then shows the lock free', async () => {
    const held = await hold('deadbeef0001', 2 * 60 * 60_000);
    try {
      const status = await opsctl(['lock', 'status', 'local', '--json']);
      expect(status.exitCode, status.stderr).toBe(0);
      const shown = status.json?.result as StatusResult;
      expect(shown.droplets.map((d) => d.stale)).toEqual([true, true]);

      const released = await opsctl(['lock', 'release', 'local']);
      expect(released.exitCode, released.stderr).toBe(0);
      expect(released.stdout).toContain('local on droplet-1: released');
      expect(released.stdout).toContain('local on droplet-2: released');

      const after = await opsctl(['lock', 'status', 'local', '--json']);
      expect((after.json?.result as StatusResult).state).toBe('free');
    } finally {
      await held.release();
    }
  });
});
