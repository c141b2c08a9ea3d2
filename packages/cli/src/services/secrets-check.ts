import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export type SecretsCheckOptions = Record<string, never>;

export interface SecretsCheckResult {
  readonly environment: string;
}

/** Check that every declared secret is present where it is declared. */
export function secretsCheck(
  _context: CommandContext,
  _options: SecretsCheckOptions,
): Promise<SecretsCheckResult> {
  return Promise.reject(notImplemented('secrets check'));
}
