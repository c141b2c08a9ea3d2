import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { startHeartbeat } from './heartbeat.js';
import { isStale, readHolder, recordSha256, type HolderRecord } from './holder-record.js';
import { acquireLock, parseLockAnswer, takeOverLock } from './lock-commands.js';
import type { HeldLock, LockDroplet, LockRequest } from './lock-types.js';
import { releaseAll } from './release-all.js';
import { lockHeld, lockStale, type Blocked } from './lock-errors.js';

const RETRY_MS = 1000;

/**
 * Takes the environment's lock on every droplet the run sees, in a fixed order (by name), all or
 * nothing: when one droplet refuses, the ones already taken are released before waiting or
 * giving up, so two runs never hold part each and wait on each other. Two runs whose droplet
 * sets share any droplet exclude each other there. Every wait is bounded by `waitMs`, with
 * `--force-unlock` too.
 */
export async function takeEnvironmentLock(
  droplets: readonly LockDroplet[],
  req: LockRequest,
): Promise<HeldLock> {
  const now = req.now ?? Date.now;
  const sleep = req.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const ordered = [...droplets].sort((a, b) => a.name.localeCompare(b.name));
  const token = randomUUID();
  const acquiredAt = new Date(now()).toISOString();
  const recordAt = (renewedAt: string): HolderRecord => ({
    token,
    holder: userInfo().username,
    host: hostname(),
    pid: process.pid,
    kind: req.kind,
    environment: req.environment,
    ...(req.sha === undefined ? {} : { sha: req.sha }),
    ...(req.ciRunUrl === undefined ? {} : { ciRunUrl: req.ciRunUrl }),
    droplets: ordered.map((d) => d.name),
    acquiredAt,
    renewedAt,
  });
  const deadline = now() + req.waitMs;
  for (;;) {
    const record = recordAt(new Date(now()).toISOString());
    const taken: LockDroplet[] = [];
    let blocked: Blocked | undefined;
    try {
      for (const d of ordered) {
        blocked = await takeOne(d, req, token, JSON.stringify(record), now());
        if (blocked !== undefined) break;
        taken.push(d);
      }
    } catch (error) {
      await releaseAll(taken, req.lockDir, token, sleep).catch(() => undefined);
      throw error;
    }
    if (blocked === undefined) {
      return startHeartbeat({ droplets: ordered, req, token, first: record, recordAt, now });
    }
    await releaseAll(taken, req.lockDir, token, sleep);
    if (blocked.stale && !req.forceUnlock) throw lockStale(req.environment, blocked);
    const left = deadline - now();
    if (left <= 0) throw lockHeld(req.environment, blocked);
    await sleep(Math.min(RETRY_MS, left));
  }
}

/** One droplet: take it, or take over an abandoned unchanged holder; otherwise who blocks. */
async function takeOne(
  d: LockDroplet,
  req: LockRequest,
  token: string,
  record: string,
  now: number,
): Promise<Blocked | undefined> {
  const answer = parseLockAnswer(
    (await d.exec.run(acquireLock(req.lockDir, token, record))).stdout,
  );
  if (answer.status === 'acquired') return undefined;
  if (answer.status !== 'held') return { droplet: d.name, holder: undefined, stale: false };
  const holder = readHolder(answer.record);
  const stale = isStale(holder, now, req.ttlMs);
  if (!stale || !req.forceUnlock) return { droplet: d.name, holder, stale };
  const cas = takeOverLock(req.lockDir, token, recordSha256(holder.raw), record);
  const over = parseLockAnswer((await d.exec.run(cas)).stdout);
  if (over.status === 'acquired') return undefined;
  // Renewed, released or taken by another run since we read it: judge again on the next try.
  const current = over.status === 'changed' ? readHolder(over.record) : undefined;
  return { droplet: d.name, holder: current ?? holder, stale: false };
}
