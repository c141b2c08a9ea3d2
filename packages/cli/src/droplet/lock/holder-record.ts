import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * What takes the environment lock: every command that changes droplets, and `lock release`,
 * which holds it for the moment between taking an abandoned holder over and giving it back.
 */
export type LockKind = 'deploy' | 'rollback' | 'prune' | 'secrets-sync' | 'release';

const holderSchema = z.object({
  token: z.string().min(1),
  holder: z.string(),
  host: z.string(),
  pid: z.number(),
  kind: z.enum(['deploy', 'rollback', 'prune', 'secrets-sync', 'release']),
  environment: z.string(),
  sha: z.string().optional(),
  ciRunUrl: z.string().optional(),
  droplets: z.array(z.string()),
  acquiredAt: z.string(),
  renewedAt: z.string(),
});

/** Who holds the lock, recorded on every droplet it holds so a refused run can name them. */
export type HolderRecord = z.infer<typeof holderSchema>;

/** A holder as read from one droplet: parsed, or the raw text when it does not parse. */
export interface ReadHolder {
  readonly raw: string;
  readonly record: HolderRecord | undefined;
}

export function readHolder(raw: string): ReadHolder {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(raw));
    return { raw, record: parsed.success ? parsed.data : undefined };
  } catch {
    return { raw, record: undefined };
  }
}

/**
 * Abandoned: not renewed within the TTL. A record that does not parse has no renewal time, so it
 * counts as abandoned too (it can still only be taken over if it is unchanged since read).
 */
export function isStale(holder: ReadHolder, now: number, ttlMs: number): boolean {
  if (holder.record === undefined) return true;
  const renewed = Date.parse(holder.record.renewedAt);
  return Number.isNaN(renewed) || now - renewed > ttlMs;
}

/** The SHA-256 the droplet compares before a takeover: of the exact bytes read. */
export const recordSha256 = (raw: string): string =>
  createHash('sha256').update(raw, 'utf8').digest('hex');

export function describeHolder(holder: ReadHolder): string {
  const r = holder.record;
  if (r === undefined) return 'an unreadable holder record';
  const what = `${r.kind}${r.sha === undefined ? '' : ` of ${r.sha}`}`;
  return `${r.holder} on ${r.host} (pid ${r.pid}, ${what}, since ${r.acquiredAt}, renewed ${r.renewedAt}${r.ciRunUrl === undefined ? '' : `, ${r.ciRunUrl}`})`;
}
