import { access } from 'node:fs/promises';

/**
 * Polls until `check` returns true. The bound is generous because the suites share 2 busy
 * cores; it only turns a hang into a clear failure, it is not a measure of speed.
 */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  { timeoutMs = 60_000, intervalMs = 50 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until a file exists (a process under test writes it once it runs). */
export function waitForFile(path: string, options?: { timeoutMs?: number }): Promise<void> {
  return waitFor(
    path,
    () =>
      access(path).then(
        () => true,
        () => false,
      ),
    options,
  );
}
