import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { OpsctlError } from '../errors/opsctl-error.js';
import { EXIT_CODES } from '../errors/exit-codes.js';
import { acquireLock, breakLock, readLock, releaseLock } from './commands/lock.js';
import type { Executor } from '../exec/executor.js';

const lockInfoSchema = z.object({
  id: z.string(),
  holder: z.string(),
  host: z.string(),
  time: z.string(),
  sha: z.string(),
  ciRunUrl: z.string().optional(),
});

/** Who holds a deploy lock: recorded in the lock so a refused deployer can name them. */
export type LockInfo = z.infer<typeof lockInfoSchema>;

export interface LockRequest {
  readonly lockDir: string;
  readonly sha: string;
  readonly ciRunUrl: string | undefined;
  readonly waitMs: number;
  readonly ttlMs: number;
  readonly forceUnlock: boolean;
  readonly environment: string;
}

export interface HeldLock {
  readonly info: LockInfo;
  release(): Promise<void>;
}

const describe = (info: LockInfo): string =>
  `${info.holder} on ${info.host} since ${info.time} (deploying ${info.sha}${info.ciRunUrl === undefined ? '' : `, ${info.ciRunUrl}`})`;

/**
 * Takes the environment's deploy lock on its primary droplet (mkdir is atomic there). Waits up to
 * `waitMs` for a holder to finish; a lock older than its TTL is stale and is only broken with
 * `forceUnlock`.
 */
export async function takeDeployLock(exec: Executor, req: LockRequest): Promise<HeldLock> {
  const info: LockInfo = {
    id: randomUUID(),
    holder: userInfo().username,
    host: hostname(),
    time: new Date().toISOString(),
    sha: req.sha,
    ...(req.ciRunUrl === undefined ? {} : { ciRunUrl: req.ciRunUrl }),
  };
  const deadline = Date.now() + req.waitMs;
  for (;;) {
    const { stdout } = await exec.run(acquireLock(req.lockDir, JSON.stringify(info)));
    if (stdout.trim() === 'acquired') {
      return {
        info,
        release: () => releaseWithRetries(exec, req.lockDir, info.id),
      };
    }
    const raw = (await exec.run(readLock(req.lockDir))).stdout.trim();
    const parsed = raw === '' ? undefined : lockInfoSchema.safeParse(JSON.parse(raw));
    const holder = parsed?.success === true ? parsed.data : undefined;
    const age = holder === undefined ? Infinity : Date.now() - Date.parse(holder.time);
    if (age > req.ttlMs) {
      if (req.forceUnlock) {
        await exec.run(breakLock(req.lockDir));
        continue;
      }
      throw new OpsctlError({
        code: 'DEPLOY_LOCK_STALE',
        kind: 'user',
        exitCode: EXIT_CODES.lockHeld,
        message: `The deploy lock of ${req.environment} is stale: ${holder === undefined ? 'its holder is unknown' : describe(holder)}.`,
        hint: 'If no deploy is running, run again with --force-unlock to take it over.',
        details: { holder },
      });
    }
    if (Date.now() >= deadline) {
      throw new OpsctlError({
        code: 'DEPLOY_LOCK_HELD',
        kind: 'user',
        exitCode: EXIT_CODES.lockHeld,
        message: `Another deploy of ${req.environment} holds the lock: ${holder === undefined ? 'unknown holder' : describe(holder)}.`,
        hint: 'Wait for it to finish, or pass --lock-wait 5m to wait for it.',
        details: { holder },
      });
    }
    await sleep(1000);
  }
}

const RELEASE_ATTEMPTS = 5;

/**
 * A deploy that failed because the connection dropped must still give the lock back, or the
 * re-run would be refused: the executor reconnects, so a few spaced attempts ride out a blip.
 */
async function releaseWithRetries(exec: Executor, lockDir: string, id: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await exec.run(releaseLock(lockDir, id));
      return;
    } catch (error) {
      if (attempt >= RELEASE_ATTEMPTS) throw error;
      await sleep(1000 * attempt);
    }
  }
}
