import type { DropletLock } from './lock-inspection.js';

/** What `lock release` does on one droplet: nothing (free), release the holder, or refuse. */
export type ReleaseAction = 'nothing' | 'release' | 'refuse';

export interface ReleaseStep {
  readonly lock: DropletLock;
  readonly action: ReleaseAction;
  readonly reason: string;
}

/**
 * Decides per droplet from what was read, without touching anything. A stale holder (not renewed
 * within the TTL: its run died) is released; a live one only with `force`, else refused. The
 * service refuses as a whole when any step refuses, so nothing changes anywhere.
 */
export function planRelease(locks: readonly DropletLock[], force: boolean): ReleaseStep[] {
  return locks.map((lock): ReleaseStep => {
    if (lock.read === undefined) return { lock, action: 'nothing', reason: 'free' };
    if (lock.stale) {
      return { lock, action: 'release', reason: 'stale: not renewed within deploy.lockTtl' };
    }
    return force
      ? { lock, action: 'release', reason: 'live, released because of --force' }
      : { lock, action: 'refuse', reason: 'live: renewed within deploy.lockTtl' };
  });
}
