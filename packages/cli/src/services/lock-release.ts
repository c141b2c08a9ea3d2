import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { ciRunUrl } from '../context/actor.js';
import type { CommandContext } from '../context/command-context.js';
import { formatPlan } from '../exec/format-plan.js';
import type { HolderRecord } from '../droplet/lock/holder-record.js';
import { inspectLock } from '../droplet/lock/lock-inspection.js';
import { releaseIncomplete, releaseRefused } from '../droplet/lock/lock-release-errors.js';
import { releaseHolders, type DropletRelease } from '../droplet/lock/release-holders.js';
import { planRelease } from '../droplet/lock/release-plan.js';
import { renderLockRelease } from '../droplet/lock/render-lock.js';
import { lockTarget } from './lock-target.js';

export interface LockReleaseOptions {
  /** Release a live holder too (else only a stale one). */
  readonly force: boolean;
  /** Injected for tests; real runs use the clock and timers. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface LockReleaseResult {
  readonly environment: string;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly droplets: readonly DropletRelease[];
}

/**
 * Gives back the environment's lock on every droplet: read, decide per droplet (a live holder is
 * refused without --force, and then nothing changes anywhere), then release each holder only if
 * its record is unchanged since it was read. A dry run prints the commands and runs none.
 */
export async function lockRelease(
  ctx: CommandContext,
  options: LockReleaseOptions,
): Promise<LockReleaseResult> {
  const target = await lockTarget(ctx);
  const now = options.now ?? Date.now;
  const { environment, droplets, lockDir, ttlMs } = target;
  const locks = await inspectLock(droplets, environment, lockDir, ttlMs, now());
  const steps = planRelease(locks, options.force);
  const live = steps.flatMap((s) =>
    s.action === 'refuse' && s.lock.read !== undefined
      ? [{ droplet: s.lock.droplet, holder: s.lock.read }]
      : [],
  );
  if (live.length > 0) throw releaseRefused(environment, live);
  const token = randomUUID();
  const at = new Date(now()).toISOString();
  const record: HolderRecord = {
    token,
    holder: userInfo().username,
    host: hostname(),
    pid: process.pid,
    kind: 'release',
    environment,
    ...(ciRunUrl(ctx.env) === undefined ? {} : { ciRunUrl: ciRunUrl(ctx.env) }),
    droplets: locks.map((l) => l.droplet),
    acquiredAt: at,
    renewedAt: at,
  };
  const released = await releaseHolders(droplets, steps, {
    lockDir,
    token,
    record: JSON.stringify(record),
    dryRun: ctx.dryRun,
    ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
  });
  const result: LockReleaseResult = {
    environment,
    dryRun: ctx.dryRun,
    force: options.force,
    droplets: released,
  };
  renderLockRelease(ctx.output, result);
  if (ctx.dryRun) ctx.output.line(formatPlan(ctx.executors.plan.entries()));
  const left = released.filter((d) => d.outcome === 'changed' || d.outcome === 'failed');
  if (left.length > 0) {
    throw releaseIncomplete(
      environment,
      left.map((d) => `${d.droplet} (${d.error ?? 'its record changed since it was read'})`),
      released.filter((d) => d.outcome === 'released').length,
      left.some((d) => d.outcome === 'changed'),
      result,
    );
  }
  return result;
}
