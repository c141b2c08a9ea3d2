import type { ChildProcess } from 'node:child_process';

/**
 * Resolves with the first output line of a child that matches `pattern` (its readiness signal);
 * rejects with the output so far if the child exits or the time runs out first.
 */
export function waitForChildLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
  what: string,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    let settled = false;
    const finish = (err?: Error, match?: RegExpExecArray): void => {
      settled = true;
      clearTimeout(timer);
      child.off('exit', onExit);
      if (err) reject(err);
      else if (match) resolve(match);
    };
    const onData = (chunk: Buffer): void => {
      if (settled) return;
      output += chunk.toString('utf8');
      const match = pattern.exec(output);
      if (match) finish(undefined, match);
    };
    const onExit = (code: number | null): void => {
      finish(
        new Error(
          `${what} exited (code ${String(code)}) before it was ready; it printed:\n${output.slice(-3000)}`,
        ),
      );
    };
    const timer = setTimeout(() => {
      finish(
        new Error(
          `${what} was not ready after ${timeoutMs} ms; it printed:\n${output.slice(-3000)}`,
        ),
      );
    }, timeoutMs);
    // Keep draining after readiness too, so a chatty child never blocks on a full pipe.
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}
