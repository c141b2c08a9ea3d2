import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export interface PushOptions {
  /** Push only this service (default: all). */
  readonly service: string | undefined;
}

export interface PushResult {
  readonly pushed: readonly { readonly service: string; readonly reference: string }[];
}

/** Push built images to the environment's registry. */
export function push(_context: CommandContext, _options: PushOptions): Promise<PushResult> {
  return Promise.reject(notImplemented('push'));
}
