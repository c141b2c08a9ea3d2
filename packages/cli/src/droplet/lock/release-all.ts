import type { LockDroplet } from './lock-types.js';
import { releaseLock } from './lock-commands.js';

const RELEASE_ATTEMPTS = 3;

/**
 * Gives the lock back on each droplet (reverse order of taking), retrying a dropped connection a
 * few times so a re-run is not refused; tries every droplet before reporting the failures.
 */
export async function releaseAll(
  taken: readonly LockDroplet[],
  lockDir: string,
  token: string,
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
        await new Promise<void>((r) => setTimeout(r, 500 * attempt));
      }
    }
  }
  if (failures.length > 0) {
    throw new Error(`could not release the lock ${lockDir} on ${failures.join('; ')}`);
  }
}
