import { access } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpsctlError } from '../../../src/errors/opsctl-error.js';
import { lockStatus } from '../../../src/services/lock-status.js';
import { makeTempDir } from '../../support/temp-dir.js';
import {
  holderRecord,
  LOCK_DIR,
  live,
  lockContext,
  plant,
  stale,
  writeLockConfig,
} from './support/lock-fixture.js';
import { TempDroplet } from './support/temp-droplet.js';

let temp: { path: string; remove: () => Promise<void> };
let config: string;
let d1: TempDroplet;
let d2: TempDroplet;
beforeEach(async () => {
  temp = await makeTempDir('opsctl-lock-status-');
  config = await writeLockConfig(temp.path);
  d1 = await TempDroplet.create(temp.path, 'droplet-1');
  d2 = await TempDroplet.create(temp.path, 'droplet-2');
});
afterEach(async () => {
  await temp.remove();
});

describe('opsctl lock status', () => {
  it('says the lock is free on every droplet, reading only (no guard, no lock directory made)', async () => {
    const { ctx, stdout } = lockContext(config, [d1, d2]);
    const result = await lockStatus(ctx);
    expect(result.state).toBe('free');
    expect(result.ttlMs).toBe(60_000);
    expect(result.droplets.map((d) => [d.droplet, d.state])).toEqual([
      ['droplet-1', 'free'],
      ['droplet-2', 'free'],
    ]);
    expect([...d1.descriptions, ...d2.descriptions]).toEqual([
      `read the lock ${LOCK_DIR}`,
      `read the lock ${LOCK_DIR}`,
    ]);
    await expect(access(d1.path(LOCK_DIR))).rejects.toThrow();
    expect(stdout.text).toContain('The lock of staging is free on every droplet.');
  });

  it('names the live holder on every droplet: who, host, pid, kind, SHA, times and CI run', async () => {
    const record = live();
    await plant(d1, record);
    await plant(d2, record);
    const { ctx, stdout } = lockContext(config, [d1, d2]);
    const result = await lockStatus(ctx);
    expect(result.state).toBe('held');
    for (const d of result.droplets) {
      expect(d.state).toBe('held');
      expect(d.stale).toBe(false);
      expect(d.holder).toEqual(JSON.parse(record));
    }
    const text = stdout.text;
    expect(text).toContain('held on every droplet by the same run');
    expect(text).toMatch(/droplet-1 +held +bob on ci-runner-7 \(pid 4242\) +deploy +abcdef123456/);
    expect(text).toContain('https://github.com/acme/shop/actions/runs/99');
    expect(text).not.toContain('stale');
  });

  it('marks a holder not renewed within deploy.lockTtl as stale, and an unreadable record too', async () => {
    await plant(d1, stale());
    await plant(d2, 'not json');
    const { ctx, stdout } = lockContext(config, [d1, d2]);
    const result = await lockStatus(ctx);
    expect(result.droplets[0]).toMatchObject({ droplet: 'droplet-1', state: 'held', stale: true });
    expect(result.droplets[1]).toMatchObject({
      droplet: 'droplet-2',
      state: 'held',
      stale: true,
      holder: undefined,
      unreadableRecord: 'not json',
    });
    expect(stdout.text).toMatch(/droplet-1 +held, stale +bob on ci-runner-7/);
    expect(stdout.text).toMatch(/droplet-2 +held, stale +an unreadable record/);
  });

  it('judges staleness by the clock it is given against the TTL', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    await plant(d1, holderRecord(at));
    const justInside = () => Date.parse(at) + 60_000;
    const justPast = () => Date.parse(at) + 60_001;
    const inside = await lockStatus(lockContext(config, [d1, d2]).ctx, { now: justInside });
    const past = await lockStatus(lockContext(config, [d1, d2]).ctx, { now: justPast });
    expect(inside.droplets[0]?.stale).toBe(false);
    expect(past.droplets[0]?.stale).toBe(true);
  });

  it('shows droplets that disagree as such: held on one and free on another, or two holders', async () => {
    await plant(d1, live('token-a'));
    const { ctx, stdout } = lockContext(config, [d1, d2]);
    const partly = await lockStatus(ctx);
    expect(partly.state).toBe('mixed');
    expect(partly.droplets.map((d) => d.state)).toEqual(['held', 'free']);
    expect(stdout.text).toContain('not the same on every droplet');
    await plant(d2, live('token-b'));
    const two = await lockStatus(lockContext(config, [d1, d2]).ctx);
    expect(two.state).toBe('mixed');
    expect(two.droplets.map((d) => d.holder?.token)).toEqual(['token-a', 'token-b']);
  });

  it('fails as an external error naming a droplet it cannot reach', async () => {
    d2.intercept(() => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:2');
    });
    const { ctx } = lockContext(config, [d1, d2]);
    const error = await lockStatus(ctx).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OpsctlError);
    const refusal = error as OpsctlError;
    expect(refusal.code).toBe('LOCK_UNREACHABLE');
    expect(refusal.exitCode).toBe(3);
    expect(refusal.message).toContain('droplet-2 (connect ECONNREFUSED 127.0.0.1:2)');
    expect(refusal.message).not.toContain('droplet-1');
  });
});
