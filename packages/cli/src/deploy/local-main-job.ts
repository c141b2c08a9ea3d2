import type { CommandContext } from '../context/command-context.js';
import type { LocalEnvironmentProvider } from '../plugins/local-environment.js';
import { build } from '../services/build.js';
import { push } from '../services/push.js';
import { shortSha } from './resolve-target.js';

export { LOCAL_ENVIRONMENT } from '../plugins/local-environment.js';

/**
 * What `opsctl deploy local` does before deploying, so a fresh clone needs one command: the
 * local environment's plugin brings it up if it is not (keeping its droplet count if it is),
 * then, unless a SHA was given, the service is built and pushed from HEAD. Returns the release
 * to deploy.
 */
export async function prepareLocalDeploy(
  context: CommandContext,
  localEnvironment: LocalEnvironmentProvider,
  service: string | undefined,
  sha: string | undefined,
): Promise<string | undefined> {
  const ready = await localEnvironment(context);
  // Bringing it up (re)writes .env.local, whose endpoints (the API stand-in's port, the registry's
  // host) the config read before did not see.
  context.reloadConfig();
  if (sha !== undefined || context.dryRun) return sha;
  context.logger.info('building and pushing the image of HEAD');
  const built = await build(context, {
    service,
    version: undefined,
    noCache: false,
    buildArgs: ready.buildArgs,
  });
  await push(context, { service });
  return built.dirty ? `${shortSha(built.sha)}-dirty` : built.sha;
}
