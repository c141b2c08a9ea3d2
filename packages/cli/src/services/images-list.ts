import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export interface ImagesListOptions {
  readonly service: string | undefined;
}

export interface ImagesListResult {
  readonly environment: string;
}

/** List images in the registry and on the droplets of an environment. */
export function imagesList(
  _context: CommandContext,
  _options: ImagesListOptions,
): Promise<ImagesListResult> {
  return Promise.reject(notImplemented('images list'));
}
