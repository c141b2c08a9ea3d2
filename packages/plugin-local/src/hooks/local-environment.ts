import type { LocalEnvironmentHookOptions, LocalEnvironmentReady } from '@opsctl/cli';
import { LOCAL_NODE_IMAGE, localStatus as readLocalStatus } from '@opsctl/testbed';
import { localStateDir } from '../local-env/state-dir.js';
import { ensureLocalEnvironment } from '../services/local-up.js';

/**
 * The core fires `opsctl:local-environment` before `opsctl deploy local`: bring the environment
 * up if it is not, keeping its droplet count if it is, and .env.local written either way.
 */
export default async function localEnvironment(
  options: LocalEnvironmentHookOptions,
): Promise<LocalEnvironmentReady> {
  const context = options.commandContext;
  const { stateDir } = await localStateDir(context);
  const current = await readLocalStatus(stateDir);
  context.logger.info(
    current.healthy
      ? 'local environment is up'
      : 'bringing the local environment up (first time: builds its images, a few minutes)',
  );
  await ensureLocalEnvironment(context, current.up ? current.droplets.length : 2);
  // Nothing can be pulled from Docker Hub there: images build on its own Node 24 image.
  return { buildArgs: [`BASE_IMAGE=${LOCAL_NODE_IMAGE}`] };
}
