import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until `condition` holds; fails with `what` if it still does not after `limitMs`. */
export async function waitUntil(
  condition: () => boolean,
  what: string,
  limitMs = 10_000,
): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited >= limitMs) throw new Error(`timed out waiting until ${what}`);
    await sleep(10);
  }
}
