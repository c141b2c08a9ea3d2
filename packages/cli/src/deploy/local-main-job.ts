import { LOCAL_NODE_IMAGE, localStatus as readLocalStatus } from '@opsctl/testbed';
import type { CommandContext } from '../context/command-context.js';
import { localStateDir } from '../local-env/state-dir.js';
import { build } from '../services/build.js';
import { ensureLocalEnvironment } from '../services/local-up.js';
import { push } from '../services/push.js';
import { shortSha } from './resolve-target.js';

/** The environment named `local` is the built-in local one (`opsctl local up`). */
export const LOCAL_ENVIRONMENT = 'local';

/**
 * What `opsctl deploy local` does before deploying, so a fresh clone needs one command: bring the
 * local environment up if it is not (keeping its droplet count if it is), then, unless a SHA was
 * given, build and push the service from HEAD. Returns the release to deploy.
 */
export async function prepareLocalDeploy(
  context: CommandContext,
  service: string | undefined,
  sha: string | undefined,
): Promise<string | undefined> {
  const { stateDir } = await localStateDir(context);
  const current = await readLocalStatus(stateDir);
  context.logger.info(
    current.healthy
      ? 'local environment is up'
      : 'bringing the local environment up (first time: builds its images, a few minutes)',
  );
  await ensureLocalEnvironment(context, current.up ? current.droplets.length : 2);
  // Bringing it up (re)writes .env.local, whose endpoints (the API stand-in's port, the registry's
  // host) the config read before did not see.
  context.reloadConfig();
  if (sha !== undefined || context.dryRun) return sha;
  context.logger.info('building and pushing the image of HEAD');
  const built = await build(context, {
    service,
    version: undefined,
    noCache: false,
    // Nothing can be pulled from Docker Hub here: the local environment's own Node 24 image.
    buildArgs: [`BASE_IMAGE=${LOCAL_NODE_IMAGE}`],
  });
  await push(context, { service });
  return built.dirty ? `${shortSha(built.sha)}-dirty` : built.sha;
}
