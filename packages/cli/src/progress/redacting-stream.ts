import type { Redactor } from '../secrets/redactor.js';

/** The parts of a terminal stream listr2 and log-update use. */
export interface TerminalLike {
  write(chunk: string | Uint8Array): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly rows?: number;
}

/**
 * A stream that masks registered secrets and forwards to `target`. listr2 swaps `write` while it
 * draws (to buffer other output), so it is a plain writable property here.
 */
export function redactingStream(target: TerminalLike, redactor: Redactor): TerminalLike {
  return {
    write: (chunk: string | Uint8Array): boolean =>
      target.write(
        redactor.redact(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')),
      ),
    get isTTY() {
      return target.isTTY;
    },
    get columns() {
      return target.columns;
    },
    get rows() {
      return target.rows;
    },
  };
}
