import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export type LocalStatusOptions = Record<string, never>;

export type LocalStatusResult = Record<string, unknown>;

/** Show what of the local environment is running. */
export function localStatus(
  _context: CommandContext,
  _options: LocalStatusOptions,
): Promise<LocalStatusResult> {
  return Promise.reject(notImplemented('local status'));
}
