import type { CommandContext } from '../context/command-context.js';
import { notImplemented } from './not-implemented.js';

export interface DeployOptions {
  /** Deploy only this service (default: all). */
  readonly service: string | undefined;
  /** Commit SHA whose image to deploy (default: HEAD of the working tree). */
  readonly sha: string | undefined;
  /** How long to wait for a held deploy lock, in ms (undefined: do not wait). */
  readonly lockWaitMs: number | undefined;
  readonly forceUnlock: boolean;
  /** Return to the previous release if the deploy fails after the switch. */
  readonly autoRollback: boolean;
}

export interface DeployResult {
  /** The environment deployed to. */
  readonly environment: string;
}

/** Deploy a release blue-green with zero downtime (dry run: context.dryRun). */
export function deploy(_context: CommandContext, _options: DeployOptions): Promise<DeployResult> {
  return Promise.reject(notImplemented('deploy'));
}
