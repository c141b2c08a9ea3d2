import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export type LocalDownOptions = Record<string, never>;

export type LocalDownResult = Record<string, unknown>;

/** Stop the local environment and remove what it created. */
export function localDown(
  _context: CommandContext,
  _options: LocalDownOptions,
): Promise<LocalDownResult> {
  return Promise.reject(notImplemented('local down'));
}
