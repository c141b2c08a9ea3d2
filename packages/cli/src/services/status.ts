import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export type StatusOptions = Record<string, never>;

export interface StatusResult {
  readonly environment: string;
}

/** Show what runs where in an environment. */
export function status(_context: CommandContext, _options: StatusOptions): Promise<StatusResult> {
  return Promise.reject(notImplemented('status'));
}
