import { dockerLogin, imagePresent, pullImage, runOnce } from './commands/docker.js';
import { writeEnvFile } from './commands/env-files.js';
import { ensureDir } from './commands/files.js';
import type { HostRun, ReleaseTarget } from './host-context.js';
import { throwIfCancelled } from './cancel.js';

/**
 * Gets a droplet ready for a release without touching what serves: the env file (root's, 0600,
 * written atomically by the droplet's env file helper), a registry login, and the image by digest (pulled only when missing).
 */
export async function prepareHost(run: HostRun, target: ReleaseTarget): Promise<void> {
  const { exec, settings, report } = run;
  throwIfCancelled(run.signal);
  await exec.run(ensureDir(settings.paths.stateDir));
  await exec.run(writeEnvFile(settings.paths.envFile, settings.envFile, settings.envFileNote));
  const present = await exec.run(imagePresent(target.image), { allowFailure: true });
  if (present.exitCode === 0) {
    report(`image ${target.sha} already on the droplet`);
    return;
  }
  if (settings.registryLogin !== undefined) {
    const { server, username, password } = settings.registryLogin;
    await exec.run(dockerLogin(server, username, password));
  }
  throwIfCancelled(run.signal);
  report(`pulling ${target.sha}`);
  await exec.run(pullImage(target.image));
}

/** The pre-deploy command (migrations) in a one-off container of the new release. */
export async function runPreDeploy(
  run: HostRun,
  target: ReleaseTarget,
  argv: readonly string[],
): Promise<void> {
  throwIfCancelled(run.signal);
  run.report(`running ${argv.join(' ')}`);
  await run.exec.run(
    runOnce(target.image, run.settings.paths.envFile, run.settings.envNames, argv),
  );
}
