import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export interface SecretsSyncOptions {
  /** Sync only these secret names (default: all declared). */
  readonly only: readonly string[] | undefined;
  /** Restart the services on the droplets so they read the new values. */
  readonly restart: boolean;
}

export interface SecretsSyncResult {
  readonly environment: string;
}

/** Sync declared secrets to GitHub, the droplets and Vercel (dry run: context.dryRun). */
export function secretsSync(
  _context: CommandContext,
  _options: SecretsSyncOptions,
): Promise<SecretsSyncResult> {
  return Promise.reject(notImplemented('secrets sync'));
}
