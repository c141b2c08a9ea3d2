import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export interface ReleasesOptions {
  readonly service: string | undefined;
  /** Show at most this many releases, newest first. */
  readonly limit: number;
}

export interface ReleasesResult {
  readonly environment: string;
}

/** Show the release history of an environment. */
export function releases(
  _context: CommandContext,
  _options: ReleasesOptions,
): Promise<ReleasesResult> {
  return Promise.reject(notImplemented('releases'));
}
