import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

/** What `opsctl build` was asked to do. */
export interface BuildOptions {
  /** Build only this service (default: all). */
  readonly service: string | undefined;
  /** Extra semantic version tag such as v1.2.3, besides the commit SHA tag. */
  readonly version: string | undefined;
  /** Build without the Docker layer cache. */
  readonly noCache: boolean;
}

/** The images built. */
export interface BuildResult {
  readonly images: readonly { readonly service: string; readonly tags: readonly string[] }[];
}

/** Build service images tagged with the commit SHA. */
export function build(_context: CommandContext, _options: BuildOptions): Promise<BuildResult> {
  return Promise.reject(notImplemented('build'));
}
