import type { CommandContext } from '../../context/command-context.js';
import { readActive } from '../../droplet/releases/active-release.js';
import { deploy } from '../../deploy/deploy-service.js';
import { environmentHandles } from '../../deploy/environment-handles.js';
import type { ValueSource } from '../values/value-source.js';

export interface RestartOutcome {
  readonly service: string;
  /** The release redeployed, or undefined when nothing of the service runs yet. */
  readonly sha: string | undefined;
}

/**
 * `--restart`: services whose env files changed are redeployed at the release they serve, through
 * the same blue-green path as a deploy (new containers start with the new values, then traffic
 * moves; no request is dropped). A service not deployed yet gets its values at its first deploy.
 */
export async function restartServices(
  ctx: CommandContext,
  services: readonly string[],
  source: ValueSource,
): Promise<RestartOutcome[]> {
  const outcomes: RestartOutcome[] = [];
  for (const service of services) {
    const handles = await environmentHandles(ctx, service);
    const primary = handles.droplets[0];
    const active =
      primary === undefined ? undefined : await readActive(primary.exec, handles.paths.activeFile);
    if (active === undefined) {
      ctx.logger.info(
        `${service} is not deployed in ${handles.environment.name}; nothing to restart`,
      );
      outcomes.push({ service, sha: undefined });
      continue;
    }
    ctx.logger.info(`restarting ${service} at ${active.sha} so it reads the new values`);
    await deploy(ctx, {
      service,
      sha: active.sha,
      lockWaitMs: 0,
      forceUnlock: false,
      autoRollback: true,
      kind: 'deploy',
      valueSource: source,
      underLock: true,
    });
    outcomes.push({ service, sha: active.sha });
  }
  return outcomes;
}
