import { isStale, readHolder, type HolderRecord, type ReadHolder } from './holder-record.js';
import { readLock } from './lock-commands.js';
import { lockUnreachable } from './lock-release-errors.js';
import type { LockDroplet } from './lock-types.js';

/** The lock as one droplet holds it: free, or held by a holder that is live or stale by the TTL. */
export interface DropletLock {
  readonly droplet: string;
  /** The holder exactly as read (its bytes are what a takeover compares), or none when free. */
  readonly read: ReadHolder | undefined;
  readonly stale: boolean;
}

/** Whether the droplets agree: all free, all held by one holder, or anything else. */
export type LockAgreement = 'free' | 'held' | 'mixed';

/**
 * Reads the lock on every droplet (read-only, without the guard: the record is renamed into
 * place, so a read never sees half of one). All droplets are read before an unreachable one is
 * reported, naming every droplet that did not answer.
 */
export async function inspectLock(
  droplets: readonly LockDroplet[],
  environment: string,
  lockDir: string,
  ttlMs: number,
  now: number,
): Promise<DropletLock[]> {
  const ordered = [...droplets].sort((a, b) => a.name.localeCompare(b.name));
  const settled = await Promise.allSettled(
    ordered.map(async (d): Promise<DropletLock> => {
      const raw = (await d.exec.run(readLock(lockDir))).stdout;
      if (raw.trim() === '') return { droplet: d.name, read: undefined, stale: false };
      const read = readHolder(raw);
      return { droplet: d.name, read, stale: isStale(read, now, ttlMs) };
    }),
  );
  const failed = settled.flatMap((s, i) =>
    s.status === 'rejected'
      ? [{ droplet: ordered[i]?.name ?? '?', reason: s.reason as unknown }]
      : [],
  );
  if (failed.length > 0) throw lockUnreachable(environment, failed);
  return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
}

/** Same holder means the same record token (an unreadable record only matches its own bytes). */
const holderKey = (l: DropletLock): string | undefined =>
  l.read === undefined ? undefined : (l.read.record?.token ?? `raw:${l.read.raw}`);

export function lockAgreement(locks: readonly DropletLock[]): LockAgreement {
  const keys = new Set(locks.map(holderKey));
  if (keys.size > 1) return 'mixed';
  return keys.has(undefined) || keys.size === 0 ? 'free' : 'held';
}

/** What `lock status --json` shows of one droplet: no raw bytes unless the record is unreadable. */
export interface DropletLockView {
  readonly droplet: string;
  readonly state: 'free' | 'held';
  readonly stale: boolean;
  readonly holder: HolderRecord | undefined;
  readonly unreadableRecord: string | undefined;
}

export const lockView = (l: DropletLock): DropletLockView => ({
  droplet: l.droplet,
  state: l.read === undefined ? 'free' : 'held',
  stale: l.stale,
  holder: l.read?.record,
  unreadableRecord: l.read !== undefined && l.read.record === undefined ? l.read.raw : undefined,
});
