import { dockerLogin, imagePresent, pullImage, runOnce } from './commands/docker.js';
import { writeEnvFile } from './commands/env-files.js';
import { ensureDir } from '../droplet/commands/files.js';
import type { HostRun, ReleaseTarget } from './host-context.js';
import { throwIfCancelled } from './cancel.js';

/**
 * Puts the release's image on a droplet by digest (a registry login, then a pull only when it is
 * missing). Changes nothing that serves or that a restart would pick up, so every droplet can do
 * it before the first one has proven the release.
 */
export async function pullRelease(run: HostRun, target: ReleaseTarget): Promise<void> {
  const { exec, settings, report } = run;
  throwIfCancelled(run.signal);
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

/** The state directory, and the env file (root's, 0600, written atomically by the droplet's helper). */
export async function writeRuntimeEnv(run: HostRun): Promise<void> {
  const { exec, settings } = run;
  throwIfCancelled(run.signal);
  await exec.run(ensureDir(settings.paths.stateDir));
  await exec.run(writeEnvFile(settings.paths.envFile, settings.envFile, settings.envFileNote));
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
