import type { CommandContext } from '../context/command-context.js';
import {
  inspectLock,
  lockAgreement,
  lockView,
  type DropletLockView,
  type LockAgreement,
} from '../droplet/lock/lock-inspection.js';
import { renderLockStatus } from '../droplet/lock/render-lock.js';
import { lockTarget } from './lock-target.js';

export interface LockStatusOptions {
  /** The clock staleness is judged by; injected for tests. */
  readonly now?: () => number;
}

export interface LockStatusResult {
  readonly environment: string;
  /** deploy.lockTtl: a holder not renewed for this long is stale. */
  readonly ttlMs: number;
  /** Whether the droplets agree: all free, all held by the same run, or not. */
  readonly state: LockAgreement;
  readonly droplets: readonly DropletLockView[];
}

/**
 * Who holds the environment's lock on each of its droplets, and whether that holder is stale.
 * Reads only (no guard taken), so it never waits on or disturbs a running deploy.
 */
export async function lockStatus(
  ctx: CommandContext,
  options: LockStatusOptions = {},
): Promise<LockStatusResult> {
  const target = await lockTarget(ctx);
  const now = (options.now ?? Date.now)();
  const locks = await inspectLock(
    target.droplets,
    target.environment,
    target.lockDir,
    target.ttlMs,
    now,
  );
  const result: LockStatusResult = {
    environment: target.environment,
    ttlMs: target.ttlMs,
    state: lockAgreement(locks),
    droplets: locks.map(lockView),
  };
  renderLockStatus(ctx.output, result);
  return result;
}
