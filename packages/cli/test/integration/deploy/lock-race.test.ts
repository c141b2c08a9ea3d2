import { afterAll, describe, expect, it } from 'vitest';
import { takeEnvironmentLock } from '../../../src/droplet/lock/environment-lock.js';
import type { LockKind } from '../../../src/droplet/lock/holder-record.js';
import type { LockDroplet } from '../../../src/droplet/lock/lock-types.js';
import { lockDirOf } from '../../../src/droplet/lock/with-environment-lock.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { command } from '../../../src/exec/remote-command.js';
import { SshExecutor } from '../../../src/exec/ssh-executor.js';
import { opsctl } from '../support/opsctl.js';
import { stateDir } from '../support/paths.js';

/**
 * The environment lock against the real droplets of the local environment, over SSH. Contenders
 * drive the lock service directly (not full deploys: 100 deploys would take the suite's whole
 * budget on 2 cores, and what is under test is the lock, not the deploy); each holder writes a
 * witness line on every droplet it holds when it starts and ends, and the witness logs must show
 * no two holders overlapping. The last test checks the four commands take the same lock.
 */

const DROPLETS = [
  { name: 'droplet-1', port: 2221 },
  { name: 'droplet-2', port: 2222 },
] as const;
const RACE_ENV = 'lock-race';
const WITNESS = '/tmp/opsctl-lock-race.log';
const KINDS: readonly LockKind[] = ['deploy', 'rollback', 'prune', 'secrets-sync', 'deploy'];
const executors: SshExecutor[] = [];

/** One contender's own connection to a droplet, as a separate opsctl process would have. */
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

const witness = (line: string) =>
  command(['sh', '-c', 'echo "$1" >>"$2"', 'sh', line, WITNESS], { description: 'witness' });

afterAll(async () => {
  await Promise.all(executors.map((e) => e.close()));
});

describe('the environment lock under concurrent contenders on the real droplets', () => {
  it('is never held by two of 5 mixed contenders, over 20 rounds with the droplet set changing', async () => {
    for (const d of DROPLETS) {
      await connect(d.name, d.port).exec.run(command(['rm', '-f', WITNESS]));
    }
    let winners = 0;
    let losers = 0;
    for (let round = 0; round < 20; round++) {
      const opened: LockDroplet[] = [];
      const outcomes = await Promise.allSettled(
        KINDS.map(async (kind, i) => {
          const all = DROPLETS.map((d) => connect(d.name, d.port));
          opened.push(...all);
          // On odd rounds droplet-1 is gone from the view of two contenders (as when a droplet
          // is removed from the tag while they list it), and is back on the next round.
          const view = round % 2 === 1 && i % 2 === 1 ? all.slice(1) : all;
          const held = await takeEnvironmentLock(view, {
            environment: RACE_ENV,
            lockDir: lockDirOf(RACE_ENV),
            kind,
            waitMs: i < 2 ? 3000 : 0,
            ttlMs: 60_000,
            forceUnlock: i === 4,
          });
          try {
            for (const d of view) await d.exec.run(witness(`start ${held.record.token}`));
            await held.renew();
            for (const d of view) await d.exec.run(witness(`end ${held.record.token}`));
          } finally {
            await held.release();
          }
        }),
      );
      await Promise.all(opened.map((d) => d.exec.close()));
      for (const o of outcomes) {
        if (o.status === 'fulfilled') {
          winners += 1;
          continue;
        }
        losers += 1;
        const error = o.reason as unknown;
        expect(error).toBeInstanceOf(OpsctlError);
        const refusal = error as OpsctlError;
        expect(refusal.exitCode).toBe(5);
        const holder = (
          refusal.details as { holder?: { token?: string; kind?: string; pid?: number } }
        ).holder;
        // The loser names a contender of this race (a holder, or one that held part of the set
        // for a moment before giving it back), by what it was doing and its pid.
        expect(holder?.pid).toBe(process.pid);
        expect(KINDS).toContain(holder?.kind);
        expect(refusal.message).toContain(`(pid ${process.pid}, ${holder?.kind ?? '?'}`);
      }
    }
    expect(winners).toBeGreaterThanOrEqual(20);
    expect(losers).toBeGreaterThan(0);
    for (const d of DROPLETS) {
      const log = (await connect(d.name, d.port).exec.run(command(['cat', WITNESS]))).stdout;
      let open: string | undefined;
      let starts = 0;
      for (const line of log.split('\n').filter((l) => l !== '')) {
        const [event, token] = line.split(' ');
        if (event === 'start') {
          expect(
            open,
            `${d.name}: ${token ?? ''} started while ${open ?? ''} held`,
          ).toBeUndefined();
          open = token;
          starts += 1;
        } else {
          expect(token).toBe(open);
          open = undefined;
        }
      }
      expect(open).toBeUndefined();
      expect(starts).toBeGreaterThanOrEqual(10);
      // Every lock was given back: the next run finds it free.
      const left = await connect(d.name, d.port).exec.run(
        command([
          'sh',
          '-c',
          'cat "$1/holder.json" 2>/dev/null || true',
          'sh',
          lockDirOf(RACE_ENV),
        ]),
      );
      expect(left.stdout).toBe('');
    }
  }, 600_000);

  it('refuses rollback, images prune and secrets sync with exit 5 naming the holder', async () => {
    const held = await takeEnvironmentLock(
      DROPLETS.map((d) => connect(d.name, d.port)),
      {
        environment: 'local',
        lockDir: lockDirOf('local'),
        kind: 'deploy',
        sha: 'feedfacecafe',
        waitMs: 0,
        ttlMs: 60_000,
        forceUnlock: false,
      },
    );
    try {
      for (const args of [
        ['rollback', 'local', '--json'],
        ['images', 'prune', 'local', '--json'],
        ['secrets', 'sync', 'local', '--target', 'droplets', '--json'],
      ]) {
        const run = await opsctl(args);
        expect(run.exitCode, `${args.join(' ')}: ${run.stdout}${run.stderr}`).toBe(5);
        expect(run.json?.error?.code).toBe('DEPLOY_LOCK_HELD');
        expect(run.json?.error?.message).toContain(`(pid ${process.pid}, deploy of feedfacecafe`);
      }
    } finally {
      await held.release();
    }
  });
});
