import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `condition` (sync or async; a throw counts as "not yet") every `intervalMs` until it
 * returns true. Rejects naming `what` after `limitMs`, so a test fails instead of hanging.
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  { limitMs = 30_000, intervalMs = 50 }: { limitMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + limitMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await condition()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${limitMs} ms waiting until ${what}${reason}`);
    }
    await sleep(intervalMs);
  }
}
