import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export interface RollbackOptions {
  readonly service: string | undefined;
  /** Release to return to (default: the one before the current). */
  readonly sha: string | undefined;
  readonly lockWaitMs: number | undefined;
  readonly forceUnlock: boolean;
}

export interface RollbackResult {
  readonly environment: string;
}

/** Return to the previous or a chosen release (dry run: context.dryRun). */
export function rollback(
  _context: CommandContext,
  _options: RollbackOptions,
): Promise<RollbackResult> {
  return Promise.reject(notImplemented('rollback'));
}
