import type { CommandContext } from '../context/command-context.js';
import { deploy as runDeployService } from '../deploy/deploy-service.js';
import { renderDeployResult } from '../deploy/render-deploy-result.js';
import type { DeployResult } from '../deploy/run-deploy.js';

export interface RollbackOptions {
  readonly service: string | undefined;
  /** Release to return to (default: the one before the current). */
  readonly sha: string | undefined;
  readonly lockWaitMs: number | undefined;
  readonly forceUnlock: boolean;
}

export type RollbackResult = DeployResult;

/**
 * Return to the previous successful release, or to any released or pushed SHA, through the same
 * blue-green path as a deploy (pulled when it is no longer on a droplet).
 */
export async function rollback(
  context: CommandContext,
  options: RollbackOptions,
): Promise<RollbackResult> {
  const result = await runDeployService(context, {
    service: options.service,
    sha: options.sha,
    lockWaitMs: options.lockWaitMs ?? 0,
    forceUnlock: options.forceUnlock,
    autoRollback: false,
    kind: 'rollback',
  });
  renderDeployResult(context, result);
  return result;
}
