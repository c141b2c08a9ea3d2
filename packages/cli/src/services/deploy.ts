import type { CommandContext } from '../context/command-context.js';
import { LOCAL_ENVIRONMENT, prepareLocalDeploy } from '../deploy/local-main-job.js';
import type { LocalEnvironmentProvider } from '../plugins/local-environment.js';
import { status } from './status.js';
import { deploy as runDeployService } from '../deploy/deploy-service.js';
import { renderDeployResult } from '../deploy/render-deploy-result.js';
import type { DeployResult } from '../deploy/run-deploy.js';

export interface DeployOptions {
  /** The service to deploy (default: the only one declared). */
  readonly service: string | undefined;
  /** Commit SHA whose image to deploy (default: HEAD of the working tree). */
  readonly sha: string | undefined;
  /** How long to wait for a held deploy lock, in ms (undefined: do not wait). */
  readonly lockWaitMs: number | undefined;
  readonly forceUnlock: boolean;
  /** Return to the previous release if the deploy fails after the switch. */
  readonly autoRollback: boolean;
  /** Brings the environment named `local` up first (its plugin, through an oclif hook). */
  readonly localEnvironment: LocalEnvironmentProvider;
}

export type { DeployResult };

/** Deploy a release blue-green with zero downtime (dry run: context.dryRun). */
export async function deploy(
  context: CommandContext,
  options: DeployOptions,
): Promise<DeployResult> {
  const local = (await context.environment()).name === LOCAL_ENVIRONMENT;
  const sha = local
    ? await prepareLocalDeploy(context, options.localEnvironment, options.service, options.sha)
    : options.sha;
  const result = await runDeployService(context, {
    service: options.service,
    sha,
    lockWaitMs: options.lockWaitMs ?? 0,
    forceUnlock: options.forceUnlock,
    autoRollback: options.autoRollback,
    kind: 'deploy',
  });
  renderDeployResult(context, result);
  if (local && !result.dryRun) {
    const shown = await status(context, { service: options.service });
    context.output.line(`Try it: curl ${shown.loadBalancerUrl ?? 'http://127.0.0.1:8080'}/version`);
  }
  return result;
}
