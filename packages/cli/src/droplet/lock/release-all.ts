import type { LockDroplet } from './lock-types.js';
import { releaseLock } from './lock-commands.js';

/** Spaced 1, 2, 3 and 4 s apart: a release rides out a connection cut for up to about 10 s. */
const RELEASE_ATTEMPTS = 5;
const wait = (ms: number): Promise<void> => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Gives the lock back on each droplet (reverse order of taking). A run that failed because a
 * connection dropped must still give the lock back, or the re-run is refused until the TTL runs
 * out: the executor reconnects, so spaced attempts ride out the cut. Every droplet is tried before
 * the failures are reported.
 */
export async function releaseAll(
  taken: readonly LockDroplet[],
  lockDir: string,
  token: string,
  sleep: (ms: number) => Promise<void> = wait,
): Promise<void> {
  const failures: string[] = [];
  for (const d of [...taken].reverse()) {
    for (let attempt = 1; ; attempt++) {
      try {
        await d.exec.run(releaseLock(lockDir, token));
        break;
      } catch (error) {
        if (attempt >= RELEASE_ATTEMPTS) {
          failures.push(`${d.name}: ${error instanceof Error ? error.message : String(error)}`);
          break;
        }
        await sleep(1000 * attempt);
      }
    }
  }
  if (failures.length > 0) {
    throw new Error(`could not release the lock ${lockDir} on ${failures.join('; ')}`);
  }
}
