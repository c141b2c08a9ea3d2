import type { Server } from 'node:http';
import type { RequestTracker } from './request-tracker.js';

/**
 * Stops accepting, lets idle keep-alive sockets go, and waits for busy ones to finish their
 * response (which, while draining, carries `Connection: close`). Resolves with the number of
 * requests cut because they were still running at the timeout: 0 when every one finished.
 */
export async function closeServer(
  server: Server,
  tracker: RequestTracker,
  timeoutMs: number,
): Promise<number> {
  if (!server.listening) return 0;
  const allClosed = new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  // A response that started before draining keeps its keep-alive socket; drop it once idle.
  tracker.onResponseDone(() => {
    setImmediate(() => {
      server.closeIdleConnections();
    });
  });
  server.closeIdleConnections();
  const drained = await withDeadline(() => allClosed, timeoutMs);
  if (!drained.ok) {
    const cut = tracker.inFlight;
    server.closeAllConnections();
    await allClosed;
    return cut;
  }
  return 0;
}

export type DeadlineResult = { ok: true } | { ok: false; error: unknown };

/** Runs `work` against a deadline; a rejection or the deadline both come back as `ok: false`. */
export async function withDeadline(
  work: () => Promise<void>,
  timeoutMs: number,
): Promise<DeadlineResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<DeadlineResult>((resolve) => {
    timer = setTimeout(() => {
      resolve({ ok: false, error: new Error(`did not finish within ${timeoutMs} ms`) });
    }, timeoutMs);
  });
  const done = work().then(
    (): DeadlineResult => ({ ok: true }),
    (error: unknown): DeadlineResult => ({ ok: false, error }),
  );
  try {
    return await Promise.race([done, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
