import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export interface ImagesPruneOptions {
  /** Images to keep per service (default: deploy.prune.keep of the environment). */
  readonly keep: number | undefined;
  readonly service: string | undefined;
  /** Wait for registry garbage collection to finish. */
  readonly wait: boolean;
}

export interface ImagesPruneResult {
  readonly environment: string;
}

/** Remove old images beyond the retention count (dry run: context.dryRun). */
export function imagesPrune(
  _context: CommandContext,
  _options: ImagesPruneOptions,
): Promise<ImagesPruneResult> {
  return Promise.reject(notImplemented('images prune'));
}
