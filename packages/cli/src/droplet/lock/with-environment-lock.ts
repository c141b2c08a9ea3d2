import type { CommandContext } from '../../context/command-context.js';
import { ciRunUrl } from '../../context/actor.js';
import type { LockKind } from './holder-record.js';
import { takeEnvironmentLock } from './environment-lock.js';
import type { LockDroplet } from './lock-types.js';

/** The lock of an environment lives in the same directory on each of its droplets. */
export const lockDirOf = (environment: string): string => `/var/lib/opsctl/locks/${environment}`;

export interface LockedRun {
  readonly environment: string;
  readonly droplets: readonly LockDroplet[];
  readonly kind: LockKind;
  readonly sha?: string | undefined;
  readonly waitMs: number;
  readonly ttlMs: number;
  readonly forceUnlock: boolean;
}

/**
 * Runs `work` holding the environment's lock on all of `droplets`, and gives it back on every
 * outcome. A dry run changes nothing, so it takes no lock (and must not block a real run).
 */
export async function withEnvironmentLock<T>(
  ctx: CommandContext,
  run: LockedRun,
  work: () => Promise<T>,
): Promise<T> {
  if (ctx.dryRun) return work();
  const lock = await takeEnvironmentLock(run.droplets, {
    environment: run.environment,
    lockDir: lockDirOf(run.environment),
    kind: run.kind,
    sha: run.sha,
    ciRunUrl: ciRunUrl(ctx.env),
    waitMs: run.waitMs,
    ttlMs: run.ttlMs,
    forceUnlock: run.forceUnlock,
    onLost: (message) => {
      ctx.logger.error(message);
    },
  });
  try {
    return await work();
  } finally {
    await lock.release().catch((error: unknown) => {
      ctx.logger.warn(`could not release the lock of ${run.environment}: ${String(error)}`);
    });
  }
}
