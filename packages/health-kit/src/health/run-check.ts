import type { DependencyState, HealthCheck } from './health-types.js';

/** What one probe run found; `error` says why a dependency counts as disconnected. */
export interface CheckOutcome {
  state: DependencyState;
  error?: unknown;
}

/**
 * Runs one probe with a deadline. Never rejects and always settles within `timeoutMs`: a hung
 * database must not hang `/health`, so the timer, not the probe, decides when we answer.
 */
export async function runCheck(check: HealthCheck, timeoutMs: number): Promise<CheckOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => {
      const error = new Error(`health check "${check.name}" timed out after ${timeoutMs} ms`);
      controller.abort(error);
      resolve({ state: 'disconnected', error });
    }, timeoutMs);
  });
  const probe = check.check(controller.signal).then(
    (): CheckOutcome => ({ state: 'connected' }),
    (error: unknown): CheckOutcome => ({ state: 'disconnected', error }),
  );
  try {
    return await Promise.race([probe, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
