import { OpsctlError } from '../errors/opsctl-error.js';

/** Stops a procedure between steps once Ctrl-C (or a failure elsewhere) aborted the run. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted !== true) return;
  throw new OpsctlError({
    code: 'DEPLOY_CANCELLED',
    kind: 'cancelled',
    message: 'Deploy cancelled before this step; what serves was left serving.',
    hint: 'Run the same command again to finish the deploy.',
  });
}
