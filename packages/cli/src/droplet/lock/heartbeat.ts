import type { HolderRecord } from './holder-record.js';
import { readHolder, describeHolder } from './holder-record.js';
import { parseLockAnswer, renewLock } from './lock-commands.js';
import type { HeldLock, LockDroplet, LockRequest } from './lock-types.js';
import { releaseAll } from './release-all.js';

interface HeartbeatInput {
  readonly droplets: readonly LockDroplet[];
  readonly req: LockRequest;
  readonly token: string;
  readonly first: HolderRecord;
  readonly recordAt: (renewedAt: string) => HolderRecord;
  readonly now: () => number;
}

/**
 * Keeps a held lock fresh: every TTL / 3 the record's renewal time is rewritten on each droplet,
 * so a deploy that runs longer than the TTL never looks abandoned. A renewal that finds the lock
 * taken reports it (it can only be taken over once we stopped renewing for a whole TTL).
 */
export function startHeartbeat(input: HeartbeatInput): HeldLock {
  const { droplets, req, token } = input;
  let record = input.first;
  let lost: string | undefined;
  let beat: Promise<void> = Promise.resolve();
  const renewOnce = async (): Promise<void> => {
    const next = input.recordAt(new Date(input.now()).toISOString());
    for (const d of droplets) {
      const answer = parseLockAnswer(
        (await d.exec.run(renewLock(req.lockDir, token, JSON.stringify(next)))).stdout,
      );
      if (answer.status === 'lost' && lost === undefined) {
        const now = answer.record === '' ? 'nobody' : describeHolder(readHolder(answer.record));
        lost = `the lock of ${req.environment} on ${d.name} was taken over (held now by ${now})`;
        req.onLost?.(lost);
      }
    }
    record = next;
  };
  // Renewals run one after another; a failed one (a dropped connection) is retried at the next beat.
  const renew = (): Promise<void> => {
    beat = beat.then(renewOnce, renewOnce);
    return beat;
  };
  const timer = setInterval(
    () => {
      renew().catch(() => undefined);
    },
    Math.max(1000, Math.floor(req.ttlMs / 3)),
  );
  timer.unref();
  return {
    get record() {
      return record;
    },
    renew,
    lost: () => lost,
    release: async () => {
      clearInterval(timer);
      await beat.catch(() => undefined);
      await releaseAll(droplets, req.lockDir, token, req.sleep);
    },
  };
}
