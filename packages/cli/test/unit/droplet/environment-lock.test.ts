import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { takeEnvironmentLock } from '../../../src/droplet/lock/environment-lock.js';
import type { HolderRecord } from '../../../src/droplet/lock/holder-record.js';
import type { LockRequest } from '../../../src/droplet/lock/lock-types.js';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { makeTempDir } from '../../support/temp-dir.js';
import { TempDroplet } from './support/temp-droplet.js';
import { refusal } from '../../support/refusal.js';

const LOCK_DIR = '/var/lib/opsctl/locks/staging';
const HOLDER = `${LOCK_DIR}/holder.json`;
const TTL = 60_000;

let temp: { path: string; remove: () => Promise<void> };
beforeEach(async () => {
  temp = await makeTempDir('opsctl-lock-');
});
afterEach(async () => {
  await temp.remove();
});

const droplets = (...names: string[]): Promise<TempDroplet[]> =>
  Promise.all(names.map((n) => TempDroplet.create(temp.path, n)));

const request = (over: Partial<LockRequest> = {}): LockRequest => ({
  environment: 'staging',
  lockDir: LOCK_DIR,
  kind: 'deploy',
  sha: 'abcdef123456',
  waitMs: 0,
  ttlMs: TTL,
  forceUnlock: false,
  ...over,
});

const someoneElse = (renewedAt: string, token = 'other-token'): string =>
  JSON.stringify({
    token,
    holder: 'bob',
    host: 'ci-runner-7',
    pid: 4242,
    kind: 'rollback',
    environment: 'staging',
    droplets: ['droplet-1', 'droplet-2'],
    acquiredAt: renewedAt,
    renewedAt,
  } satisfies HolderRecord);

async function plant(d: TempDroplet, record: string): Promise<void> {
  await mkdir(dirname(d.path(HOLDER)), { recursive: true });
  await writeFile(d.path(HOLDER), record);
}

const holderOn = async (d: TempDroplet): Promise<HolderRecord | undefined> =>
  readFile(d.path(HOLDER), 'utf8').then(
    (raw) => JSON.parse(raw) as HolderRecord,
    () => undefined,
  );

describe('the environment lock', () => {
  it('is taken on every droplet in name order when free, with one record, and released on all', async () => {
    const [b, a] = await droplets('droplet-b', 'droplet-a');
    if (a === undefined || b === undefined) throw new Error('droplets');
    const order: string[] = [];
    for (const d of [a, b])
      d.intercept((cmd) => void order.push(`${d.name}: ${cmd.description ?? ''}`));
    const held = await takeEnvironmentLock([b, a], request());
    expect(order).toEqual([
      `droplet-a: take the lock ${LOCK_DIR}`,
      `droplet-b: take the lock ${LOCK_DIR}`,
    ]);
    expect((await holderOn(a))?.token).toBe(held.record.token);
    expect((await holderOn(b))?.token).toBe(held.record.token);
    expect(held.record.droplets).toEqual(['droplet-a', 'droplet-b']);
    await held.release();
    expect(await holderOn(a)).toBeUndefined();
    expect(await holderOn(b)).toBeUndefined();
  });

  it('refuses with exit 5 naming the holder, and gives back the droplets it had taken', async () => {
    const [a, b] = await droplets('droplet-1', 'droplet-2');
    if (a === undefined || b === undefined) throw new Error('droplets');
    await plant(b, someoneElse(new Date().toISOString()));
    const error = await refusal(takeEnvironmentLock([a, b], request()));
    expect(error.code).toBe('DEPLOY_LOCK_HELD');
    expect(error.exitCode).toBe(5);
    expect(error.message).toContain('bob on ci-runner-7 (pid 4242, rollback');
    expect(error.message).toContain('on droplet-2');
    expect(await holderOn(a)).toBeUndefined();
    expect((await holderOn(b))?.token).toBe('other-token');
  });

  it('takes over a stale lock whose record is unchanged since it was judged stale', async () => {
    const [a] = await droplets('droplet-1');
    if (a === undefined) throw new Error('droplets');
    await plant(a, someoneElse(new Date(Date.now() - 2 * TTL).toISOString()));
    const held = await takeEnvironmentLock([a], request({ forceUnlock: true }));
    expect((await holderOn(a))?.token).toBe(held.record.token);
    await held.release();
  });

  it('does not take over a stale lock without --force-unlock, and says so', async () => {
    const [a] = await droplets('droplet-1');
    if (a === undefined) throw new Error('droplets');
    await plant(a, someoneElse(new Date(Date.now() - 2 * TTL).toISOString()));
    const error = await refusal(takeEnvironmentLock([a], request()));
    expect(error.code).toBe('DEPLOY_LOCK_STALE');
    expect(error.exitCode).toBe(5);
    expect((await holderOn(a))?.token).toBe('other-token');
  });

  it('does not take over a stale lock its holder renewed between the judgement and the takeover', async () => {
    const [a] = await droplets('droplet-1');
    if (a === undefined) throw new Error('droplets');
    await plant(a, someoneElse(new Date(Date.now() - 2 * TTL).toISOString()));
    // The holder's heartbeat lands right after our read: the takeover must see the change.
    a.intercept(async (cmd) => {
      if (cmd.description?.startsWith('take over') === true) {
        await plant(a, someoneElse(new Date().toISOString()));
      }
    });
    const error = await refusal(takeEnvironmentLock([a], request({ forceUnlock: true })));
    expect(error.code).toBe('DEPLOY_LOCK_HELD');
    expect((await holderOn(a))?.token).toBe('other-token');
  });

  it('releases what it took when a later droplet fails, and reports the failure', async () => {
    const [a, b] = await droplets('droplet-1', 'droplet-2');
    if (a === undefined || b === undefined) throw new Error('droplets');
    b.intercept((cmd) => {
      if (cmd.description?.startsWith('take the lock') === true)
        throw new Error('connection reset');
    });
    await expect(takeEnvironmentLock([a, b], request())).rejects.toThrow('connection reset');
    expect(await holderOn(a)).toBeUndefined();
    expect(await holderOn(b)).toBeUndefined();
  });

  it('gives the lock back through a connection cut of a few seconds, and names a droplet it could not reach', async () => {
    const [a, b] = await droplets('droplet-1', 'droplet-2');
    if (a === undefined || b === undefined) throw new Error('droplets');
    const slept: number[] = [];
    const sleep = (ms: number): Promise<void> => {
      slept.push(ms);
      return Promise.resolve();
    };
    const held = await takeEnvironmentLock([a, b], request({ sleep }));
    let cutA = 4;
    a.intercept((cmd) => {
      if (cmd.description?.startsWith('release the lock') === true && cutA-- > 0)
        throw new Error('connection lost');
    });
    b.intercept((cmd) => {
      if (cmd.description?.startsWith('release the lock') === true)
        throw new Error('host unreachable');
    });
    await expect(held.release()).rejects.toThrow(
      `could not release the lock ${LOCK_DIR} on droplet-2: host unreachable`,
    );
    // droplet-1 answered on its fifth attempt; droplet-2 never did, after as many.
    expect(await holderOn(a)).toBeUndefined();
    expect((await holderOn(b))?.token).toBe(held.record.token);
    expect(slept).toEqual([1000, 2000, 3000, 4000, 1000, 2000, 3000, 4000]);
  });

  it('renews its record on every droplet, and notices when the lock was taken from it', async () => {
    const [a, b] = await droplets('droplet-1', 'droplet-2');
    if (a === undefined || b === undefined) throw new Error('droplets');
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const lostMessages: string[] = [];
    const held = await takeEnvironmentLock(
      [a, b],
      request({ now: () => clock, onLost: (m) => void lostMessages.push(m) }),
    );
    clock += 5 * 60_000;
    await held.renew();
    expect((await holderOn(a))?.renewedAt).toBe('2026-01-01T00:05:00.000Z');
    expect((await holderOn(b))?.renewedAt).toBe('2026-01-01T00:05:00.000Z');
    expect((await holderOn(b))?.acquiredAt).toBe('2026-01-01T00:00:00.000Z');
    expect(held.lost()).toBeUndefined();
    await plant(b, someoneElse(new Date().toISOString()));
    await held.renew();
    expect(held.lost()).toContain('on droplet-2 was taken over (held now by bob on ci-runner-7');
    expect(lostMessages).toHaveLength(1);
    // Releasing never removes the new holder's lock.
    await held.release();
    expect((await holderOn(b))?.token).toBe('other-token');
  });

  it('waits for a holder no longer than --lock-wait, also with --force-unlock', async () => {
    const [a] = await droplets('droplet-1');
    if (a === undefined) throw new Error('droplets');
    await plant(a, someoneElse(new Date().toISOString()));
    let clock = Date.now();
    const slept: number[] = [];
    const error = await refusal(
      takeEnvironmentLock(
        [a],
        request({
          waitMs: 3500,
          forceUnlock: true,
          now: () => clock,
          sleep: (ms) => {
            slept.push(ms);
            clock += ms;
            return Promise.resolve();
          },
        }),
      ),
    );
    expect(error.code).toBe('DEPLOY_LOCK_HELD');
    expect(slept.reduce((x, y) => x + y, 0)).toBe(3500);
  });

  it('is taken once the holder releases it within the wait', async () => {
    const [a] = await droplets('droplet-1');
    if (a === undefined) throw new Error('droplets');
    await plant(a, someoneElse(new Date().toISOString()));
    const held = await takeEnvironmentLock(
      [a],
      request({
        waitMs: 10_000,
        // The holder finishes while we wait.
        sleep: () => rm(a.path(HOLDER)),
      }),
    );
    expect((await holderOn(a))?.token).toBe(held.record.token);
    await held.release();
  });

  it('is never held by two runs at once, even when they see different droplet sets', async () => {
    const [a, b, c] = await droplets('droplet-1', 'droplet-2', 'droplet-3');
    if (a === undefined || b === undefined || c === undefined) throw new Error('droplets');
    const views = [
      [a, b],
      [b, c],
      [a, b, c],
      [c, b],
      [a, c],
    ];
    let holding = 0;
    let most = 0;
    let won = 0;
    for (let round = 0; round < 5; round++) {
      const outcomes = await Promise.allSettled(
        views.map(async (view) => {
          const held = await takeEnvironmentLock(view, request());
          holding += 1;
          most = Math.max(most, holding);
          won += 1;
          // Hold across a few real round trips so the others meet the lock.
          await held.renew();
          holding -= 1;
          await held.release();
        }),
      );
      for (const o of outcomes) {
        if (o.status === 'rejected') expect((o.reason as OpsctlError).exitCode).toBe(5);
      }
    }
    expect(most).toBe(1);
    expect(won).toBeGreaterThan(0);
    // Real shells on two busy cores: a generous bound, not a timing assertion.
  }, 120_000);
});
